#pragma once

#include <QString>

namespace core::cards {
class CardInspector;
}

namespace card_cli {

struct Options {
    bool json = false;
    bool pem = false;
    bool revealId = false;
    bool trace = false;
    QString reader;
    int maxEvents = 0; // watch: stop after this many events (0 = until interrupted)
};

int runReaders(core::cards::CardInspector& inspector, const Options& options);
int runInfo(core::cards::CardInspector& inspector, const Options& options);
int runCerts(core::cards::CardInspector& inspector, const Options& options);
/// Runs the event loop until interrupted (SIGINT/SIGTERM) or `maxEvents` events were printed.
int runWatch(const Options& options);

} // namespace card_cli
