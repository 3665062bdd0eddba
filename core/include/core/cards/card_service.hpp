#pragma once

#include "core/auth/pin_buffer.hpp"
#include "core/auth/pin_ledger.hpp"
#include "core/cards/card_failure.hpp"
#include "core/cards/card_inspector.hpp"
#include "core/cards/card_report.hpp"
#include "core/cards/card_signer.hpp"

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace core::cards {

/// A CardFailure as a copyable value, so it can cross threads inside a queued call.
struct CardError {
    CardProblem problem = CardProblem::Communication;
    QString code; ///< CardFailure::code()
    QString message; ///< the translated sentence, as it was when the failure happened
    bool retryMakesSense = false;
    std::optional<int> triesLeft;

    static CardError from(const CardFailure& failure);
};

/// The outcome of one card request: the value, or the error.
template <typename T> struct CardResult {
    std::optional<T> value;
    std::optional<CardError> error;

    bool ok() const { return value.has_value(); }
};

/// The Qt door to the card for the GUI. One worker thread runs every blocking card call
/// (CardInspector, CardSigner) in the order asked; each result comes back on the thread of the
/// `context` that asked (a context destroyed meanwhile gets nothing). A CardWatcher reports
/// readers and cards coming and going as signals on this object's thread.
class CardService : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString ledgerDatabase; ///< the PIN ledger's SQLite file (CardSigner)
        QString pkcs11Module; ///< the vendor's module for HiCOS cards; empty = the usual places
        QString certificateCacheDir; ///< empty = no on-disk certificate cache
    };

    explicit CardService(Options options, QObject* parent = nullptr);
    /// Waits for the card call in progress, then stops the worker.
    ~CardService() override;

    /// Starts the watcher (the readers and cards present now are reported first).
    void startWatching();
    void stopWatching();
    /// The readers as the watcher last reported them (name, holds a card), for a view that
    /// starts after the watcher did.
    QList<ReaderState> knownReaders() const;
    /// False after the smart card service went away, until it is back.
    bool serviceAvailable() const;

    /// Reads the card in `reader` (empty = the first reader holding a card).
    void inspect(QObject* context, const QString& reader,
        std::function<void(const CardResult<CardReport>&)> done);
    /// What is known about the PIN of the card in `reader`.
    void readPinStatus(QObject* context, const QString& reader,
        std::function<void(const CardResult<auth::PinStatus>&)> done);
    /// Verifies the PIN once and signs `digest`. The buffer is wiped (destroyed) on the worker
    /// right after the one attempt, whatever its outcome; nothing is ever retried.
    void sign(QObject* context, const QString& reader, std::unique_ptr<auth::PinBuffer> pin,
        const QByteArray& digest, bool confirmLastTry,
        std::function<void(const CardResult<CardSignature>&)> done);

signals:
    void readerAdded(const QString& reader);
    void readerRemoved(const QString& reader);
    void cardInserted(const QString& reader, const QByteArray& atr);
    void cardRemoved(const QString& reader);
    void serviceLost();
    void serviceRestored();

private:
    struct Worker;
    void post(std::function<void(Worker&)> job);
    static void deliver(QObject* context, std::function<void()> work);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace core::cards
