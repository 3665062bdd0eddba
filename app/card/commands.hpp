#pragma once

#include <QString>

namespace core::cards {
class CardInspector;
class CardSigner;
} // namespace core::cards

namespace card_cli {

struct Options {
    bool json = false;
    bool pem = false;
    bool revealId = false;
    bool trace = false;
    QString reader;
    int maxEvents = 0; // watch: stop after this many events (0 = until interrupted)
    QString origin; // sign: the service's public origin
    QString nonce; // sign: the challenge nonce as the service sent it
    bool confirmLastTry = false;
};

int runReaders(core::cards::CardInspector& inspector, const Options& options);
int runInfo(core::cards::CardInspector& inspector, const Options& options);
int runCerts(core::cards::CardInspector& inspector, const Options& options);
/// Runs the event loop until interrupted (SIGINT/SIGTERM) or `maxEvents` events were printed.
int runWatch(const Options& options);
int runPinStatus(core::cards::CardSigner& signer, const Options& options);
/// Reads the PIN (terminal without echo, or stdin), signs the login challenge and prints the
/// web-eid:1.0 token.
int runSign(core::cards::CardSigner& signer, const Options& options);

} // namespace card_cli
