#pragma once

#include "core/cards/card_access.hpp"

#include <QString>
#include <memory>

namespace core::cards {

/// The card for the GUI, over PC/SC. One threads::Worker runs every blocking card call
/// (CardInspector, CardSigner) in the order asked; a CardWatcher reports readers and cards.
/// Made once by the program and passed to whatever needs the card.
class CardService : public CardAccess {
public:
    struct Options {
        QString ledgerDatabase; ///< the PIN ledger's SQLite file (CardSigner)
        QString pkcs11Module; ///< the vendor's module for HiCOS cards; empty = the usual places
        QString certificateCacheDir; ///< empty = no on-disk certificate cache
    };

    explicit CardService(Options options, QObject* parent = nullptr);
    /// Stops the watcher, waits for the card calls already asked, then stops the worker.
    ~CardService() override;

    void startWatching() override;
    QList<ReaderState> knownReaders() const override;
    bool serviceAvailable() const override;

    void inspect(QObject* context, const QString& reader,
        std::function<void(const CardResult<CardReport>&)> done) override;
    void readPinStatus(QObject* context, const QString& reader,
        std::function<void(const CardResult<auth::PinStatus>&)> done) override;
    void sign(QObject* context, const QString& reader, std::unique_ptr<auth::PinBuffer> pin,
        const QByteArray& digest, bool confirmLastTry,
        std::function<void(const CardResult<CardSignature>&)> done) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace core::cards
