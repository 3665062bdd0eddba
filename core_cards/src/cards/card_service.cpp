#include "core/cards/card_service.hpp"

#include "core/cards/card_inspector.hpp"
#include "core/cards/card_signer.hpp"
#include "core/cards/card_watcher.hpp"
#include "core/threads/worker.hpp"

#include <QMap>
#include <exception>

namespace core::cards {

namespace {

/// Runs `call`, turning every failure into a CardFault (nothing may escape a worker's job).
template <typename T, typename Call> CardResult<T> attempt(Call&& call)
{
    CardResult<T> result;
    try {
        result.value = call();
    } catch (const CardFailure& failure) {
        result.error = CardFault::from(failure);
    } catch (const std::exception& e) {
        result.error = CardFault::from(CardFailure(CardProblem::Communication, e.what()));
    }
    return result;
}

} // namespace

struct CardService::Private {
    Options options;
    // The inspector and signer are not thread-safe: made, used and destroyed on the worker.
    std::unique_ptr<CardInspector> inspector;
    std::unique_ptr<CardSigner> signer;
    CardWatcher watcher;
    QMap<QString, bool> readers; // reader → holds a card, as last reported
    bool serviceAvailable = true;
    // Last: destroyed first, so its remaining jobs find the members above alive.
    threads::Worker worker { QStringLiteral("card-service") };

    CardInspector& cardInspector()
    {
        if (!inspector) {
            inspector = std::make_unique<CardInspector>(options.certificateCacheDir);
            inspector->setPkcs11Module(options.pkcs11Module);
        }
        return *inspector;
    }
    CardSigner& cardSigner()
    {
        if (!signer)
            signer = std::make_unique<CardSigner>(options.ledgerDatabase, options.pkcs11Module);
        return *signer;
    }
};

CardService::CardService(Options options, QObject* parent)
    : CardAccess(parent)
    , d(std::make_unique<Private>())
{
    d->options = std::move(options);
    // The snapshot is updated before the signal goes on, so a listener sees it current.
    connect(&d->watcher, &CardWatcher::readerAdded, this, [this](const QString& reader) {
        d->serviceAvailable = true;
        d->readers.insert(reader, d->readers.value(reader, false));
        emit readerAdded(reader);
    });
    connect(&d->watcher, &CardWatcher::readerRemoved, this, [this](const QString& reader) {
        d->readers.remove(reader);
        emit readerRemoved(reader);
    });
    connect(&d->watcher, &CardWatcher::cardInserted, this,
        [this](const QString& reader, const QByteArray& atr) {
            d->serviceAvailable = true;
            d->readers.insert(reader, true);
            emit cardInserted(reader, atr);
        });
    connect(&d->watcher, &CardWatcher::cardRemoved, this, [this](const QString& reader) {
        d->readers.insert(reader, false);
        emit cardRemoved(reader);
    });
    connect(&d->watcher, &CardWatcher::serviceLost, this, [this] {
        d->serviceAvailable = false;
        d->readers.clear();
        emit serviceLost();
    });
    connect(&d->watcher, &CardWatcher::serviceRestored, this, [this] {
        d->serviceAvailable = true;
        emit serviceRestored();
    });
}

CardService::~CardService()
{
    d->watcher.stop();
    // The card objects go on the thread that made them, after the calls already asked.
    Private* p = d.get();
    d->worker.post([p] {
        p->signer.reset();
        p->inspector.reset();
    });
    d->worker.finish();
}

void CardService::startWatching()
{
    d->watcher.start();
}

QList<ReaderState> CardService::knownReaders() const
{
    QList<ReaderState> list;
    for (auto it = d->readers.cbegin(); it != d->readers.cend(); ++it)
        list.append({ it.key(), it.value(), {} });
    return list;
}

bool CardService::serviceAvailable() const
{
    return d->serviceAvailable;
}

void CardService::inspect(QObject* context, const QString& reader,
    std::function<void(const CardResult<CardReport>&)> done)
{
    Private* p = d.get();
    d->worker.run<CardResult<CardReport>>(
        context,
        [p, reader] {
            return attempt<CardReport>([&] { return p->cardInspector().inspect(reader); });
        },
        [done = std::move(done)](CardResult<CardReport>& result) { done(result); });
}

void CardService::readPinStatus(QObject* context, const QString& reader,
    std::function<void(const CardResult<auth::PinStatus>&)> done)
{
    Private* p = d.get();
    d->worker.run<CardResult<auth::PinStatus>>(
        context,
        [p, reader] {
            return attempt<auth::PinStatus>([&] { return p->cardSigner().pinStatus(reader); });
        },
        [done = std::move(done)](CardResult<auth::PinStatus>& result) { done(result); });
}

void CardService::sign(QObject* context, const QString& reader,
    std::unique_ptr<auth::PinBuffer> pin, const QByteArray& digest, bool confirmLastTry,
    std::function<void(const CardResult<CardSignature>&)> done)
{
    Private* p = d.get();
    // std::function needs a copyable callable: the buffer travels in a shared_ptr, and is
    // wiped by the job right after its one use, not when the last copy of the job goes.
    std::shared_ptr<auth::PinBuffer> buffer(std::move(pin));
    d->worker.run<CardResult<CardSignature>>(
        context,
        [p, reader, buffer, digest, confirmLastTry] {
            auto result = attempt<CardSignature>([&] {
                if (!buffer)
                    throw CardFailure(CardProblem::PinLengthInvalid, "no PIN buffer");
                return p->cardSigner().sign(reader, *buffer, digest, confirmLastTry);
            });
            if (buffer)
                buffer->clear();
            return result;
        },
        [done = std::move(done)](CardResult<CardSignature>& result) { done(result); });
}

} // namespace core::cards
