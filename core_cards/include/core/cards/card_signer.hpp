#pragma once

#include "core/auth/pin_buffer.hpp"
#include "core/auth/pin_ledger.hpp"
#include "core/cards/card_access.hpp"
#include "core/cards/card_failure.hpp"

#include <QByteArray>
#include <QString>
#include <memory>

namespace core::cards {

/// PIN state and signing for the card in a reader: picks the token by card kind (HiCOS → the
/// vendor's PKCS#11 module, PKCS#15 cards → directly over PC/SC), merges the token's PIN figure
/// with the persisted PIN ledger, and records every outcome in the ledger. Blocks: run it on a
/// worker thread in a GUI. Every failure is a CardFailure (WrongPin carries the tries left).
class CardSigner {
public:
    /// `ledgerDatabase`: the local SQLite file; `pkcs11Module`: the configured module path, if any.
    CardSigner(const QString& ledgerDatabase, const QString& pkcs11Module = {});
    ~CardSigner();

    /// The local database the program keeps its PIN ledger in (…/shiqiuren/local.sqlite under
    /// the user's data directory).
    static QString defaultLedgerDatabase();

    /// What is known about the PIN of the card in `reader` (empty = the first reader with a card).
    auth::PinStatus pinStatus(const QString& reader = {});

    /// Verifies the PIN once and signs the 32-byte SHA-256 `digest`. Nothing is sent when the
    /// card is blocked, the PIN's length is wrong, or only one try is left and
    /// `confirmLastTry` is false. Never retries.
    CardSignature sign(const QString& reader, const auth::PinBuffer& pin, const QByteArray& digest,
        bool confirmLastTry);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace core::cards
