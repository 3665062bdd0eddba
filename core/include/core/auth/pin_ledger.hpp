#pragma once

#include <QString>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace core::auth {

/// What is known about a card's PIN. Core's own type: smartcard::PinState stays behind core's
/// private link, so nothing above core needs a smartcard header.
struct PinStatus {
    /// Where the tries-left figure came from.
    enum class Source {
        Card, // the card said so
        Module, // the PKCS#11 module said so
        Ledger, // our own count (PinLedger), when neither of the above reports
        Unknown, // nobody knows yet
    };

    std::optional<int> triesLeft; // absent when unknown
    bool blocked = false;
    bool countLow = false; // a wrong PIN was entered since the last success
    int minLength = 0;
    int maxLength = 0;
    bool lettersAllowed = false; // ASCII letters besides digits, case kept
    Source source = Source::Unknown;
    /// How the card signs and why (smartcard::signingRoute): "direct" or "module", and the
    /// reason code ("hicos-gen2", "module-configured", ...).
    QString signingPath;
    QString signingPathReason;
};

/// Which card an entry belongs to: the card number when the card has one, else the serial number
/// of its signing certificate (hex).
struct CardKey {
    QString cardNumber;
    QString certificateSerial;
};

/// The ledger's key for `card`: "card:<NUMBER>" (trimmed, upper case) when it has a card number,
/// else "cert:<SERIAL>" (upper-case hex, no separators or leading zeros). Throws LedgerError
/// (InvalidKey) when it has neither, or the serial is not hex.
QString ledgerKey(const CardKey& card);

class LedgerError : public std::runtime_error {
public:
    enum class Reason {
        CannotOpen, // the file or its folder cannot be created or opened
        Corrupt, // the file is not a SQLite database, or it is damaged
        NewerSchema, // a newer version of the program wrote the ledger
        InvalidKey, // the card has neither a card number nor a usable certificate serial
        Failed, // any other database error
    };

    LedgerError(Reason reason, const std::string& technicalDetail);

    Reason reason() const noexcept { return reason_; }
    /// The translated sentence for the user (zh-TW source).
    QString userMessage() const;

private:
    Reason reason_;
};

namespace detail {
class LedgerDatabase;
}

/// Three-strike PIN tracking per card, kept in the local SQLite database, for cards and modules
/// that do not report how many tries are left: the program then still refuses to burn the last
/// try unconfirmed, and remembers a locked card across restarts.
///
/// Only counts and flags are stored, never a PIN or anything derived from one. Every method may
/// throw LedgerError. Usable from several threads at once: each thread gets its own database
/// connection, and SQLite serialises the writes (also against other processes on the file).
class PinLedger {
public:
    /// The tries a card allows before it locks (自然人憑證, 機關憑證: three).
    static constexpr int allowedTries = 3;

    /// Opens (creating with mode 0600 if missing) the database at `databaseFile`.
    explicit PinLedger(const QString& databaseFile);
    ~PinLedger();
    PinLedger(const PinLedger&) = delete;
    PinLedger& operator=(const PinLedger&) = delete;

    /// The status to act on. A figure from the card or the module (triesLeft or blocked) always
    /// wins, and the ledger is brought in line with it; otherwise the ledger's own count decides
    /// (source Ledger). Lengths come from `fromToken` either way.
    PinStatus effective(const CardKey& card, const PinStatus& fromToken);

    /// A wrong PIN. With `reportedTriesLeft` the ledger takes the card's figure; without it, it
    /// counts one more failure (blocked at allowedTries).
    void recordFailure(const CardKey& card, std::optional<int> reportedTriesLeft);
    /// A correct PIN: the count starts over.
    void recordSuccess(const CardKey& card);
    /// The card or module said the PIN is locked.
    void recordBlocked(const CardKey& card);

private:
    void store(const QString& key, int failures, bool blocked);

    std::unique_ptr<detail::LedgerDatabase> database_;
};

} // namespace core::auth
