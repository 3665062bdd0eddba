#pragma once

#include "core/auth/pin_buffer.hpp"
#include "core/auth/pin_ledger.hpp"
#include "core/cards/card_events.hpp"
#include "core/cards/card_failure.hpp"
#include "core/cards/card_report.hpp"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace core::cards {

struct ReaderState {
    QString name;
    bool cardPresent = false;
    QByteArray atr;
};

/// What a card signed: RSASSA-PKCS1-v1_5 (RS256) over the digest, and the certificate that
/// verifies it.
struct CardSignature {
    QByteArray signature;
    QByteArray certificate; ///< DER
    QString cardNumber;
};

/// A CardFailure as a copyable value, so it can cross threads inside a queued call.
struct CardFault {
    CardProblem problem = CardProblem::Communication;
    QString code; ///< CardFailure::code()
    QString message; ///< the translated sentence, as it was when the failure happened
    bool retryMakesSense = false;
    std::optional<int> triesLeft;

    static CardFault from(const CardFailure& failure);
};

/// The outcome of one card request: the value, or the fault.
template <typename T> struct CardResult {
    std::optional<T> value;
    std::optional<CardFault> error;

    bool ok() const { return value.has_value(); }
};

/// The card as the GUI reaches it: readers and cards coming and going (CardEvents), and three
/// calls whose answers come back on the thread of the `context` that asked (nothing comes for
/// a context destroyed meanwhile). CardService is the real one; tests put a scripted fake here.
class CardAccess : public CardEvents {
public:
    using CardEvents::CardEvents;

    /// Starts watching (the readers and cards present now are reported first).
    virtual void startWatching() = 0;
    /// The readers as last reported, for a view that starts after the watcher did.
    virtual QList<ReaderState> knownReaders() const = 0;
    /// False after the smart card service went away, until it is back.
    virtual bool serviceAvailable() const = 0;

    /// Reads the card in `reader` (empty = the first reader holding a card).
    virtual void inspect(QObject* context, const QString& reader,
        std::function<void(const CardResult<CardReport>&)> done)
        = 0;
    /// What is known about the PIN of the card in `reader`.
    virtual void readPinStatus(QObject* context, const QString& reader,
        std::function<void(const CardResult<auth::PinStatus>&)> done)
        = 0;
    /// Verifies the PIN once and signs `digest`. The buffer is wiped right after the one
    /// attempt, whatever its outcome; nothing is ever retried.
    virtual void sign(QObject* context, const QString& reader, std::unique_ptr<auth::PinBuffer> pin,
        const QByteArray& digest, bool confirmLastTry,
        std::function<void(const CardResult<CardSignature>&)> done)
        = 0;
};

} // namespace core::cards
