#include "core/cards/card_service.hpp"

#include "core/cards/card_watcher.hpp"

#include <QMap>
#include <QMetaObject>
#include <QThread>
#include <exception>

namespace core::cards {

CardError CardError::from(const CardFailure& failure)
{
    return { failure.problem(), failure.code(), failure.userMessage(), failure.retryMakesSense(),
        failure.triesLeft() };
}

/// Lives on the worker thread: the inspector and signer are not thread-safe, so they are made,
/// used and destroyed there only.
struct CardService::Worker {
    CardService::Options options;
    std::unique_ptr<CardInspector> inspector;
    std::unique_ptr<CardSigner> signer;

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

struct CardService::Private {
    QThread thread;
    QObject* anchor = nullptr; // receives the queued jobs on the worker thread
    Worker worker;
    CardWatcher watcher;
    QMap<QString, bool> readers; // reader → holds a card, as last reported
    bool serviceAvailable = true;
};

namespace {

/// Runs `call`, turning every failure into a CardError (nothing may escape a queued job).
template <typename T, typename Call> CardResult<T> attempt(Call&& call)
{
    CardResult<T> result;
    try {
        result.value = call();
    } catch (const CardFailure& failure) {
        result.error = CardError::from(failure);
    } catch (const std::exception& e) {
        result.error = CardError::from(CardFailure(CardProblem::Communication, e.what()));
    }
    return result;
}

} // namespace

CardService::CardService(Options options, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->worker.options = std::move(options);
    d->thread.setObjectName(QStringLiteral("card-service"));
    d->anchor = new QObject;
    d->anchor->moveToThread(&d->thread);
    connect(&d->thread, &QThread::finished, d->anchor, &QObject::deleteLater);
    d->thread.start();

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
    // The card objects go on the thread that made them, after the call in progress.
    post([](Worker& worker) {
        worker.signer.reset();
        worker.inspector.reset();
    });
    d->thread.quit();
    d->thread.wait();
}

void CardService::startWatching()
{
    d->watcher.start();
}

void CardService::stopWatching()
{
    d->watcher.stop();
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

void CardService::post(std::function<void(Worker&)> job)
{
    Worker* worker = &d->worker;
    QMetaObject::invokeMethod(
        d->anchor, [worker, job = std::move(job)] { job(*worker); }, Qt::QueuedConnection);
}

void CardService::deliver(QObject* context, std::function<void()> work)
{
    QMetaObject::invokeMethod(context, std::move(work), Qt::QueuedConnection);
}

void CardService::inspect(QObject* context, const QString& reader,
    std::function<void(const CardResult<CardReport>&)> done)
{
    QPointer<QObject> guard(context);
    post([guard, reader, done = std::move(done)](Worker& worker) {
        auto result = std::make_shared<CardResult<CardReport>>(
            attempt<CardReport>([&] { return worker.cardInspector().inspect(reader); }));
        if (guard)
            deliver(guard.data(), [done, result] { done(*result); });
    });
}

void CardService::readPinStatus(QObject* context, const QString& reader,
    std::function<void(const CardResult<auth::PinStatus>&)> done)
{
    QPointer<QObject> guard(context);
    post([guard, reader, done = std::move(done)](Worker& worker) {
        auto result = std::make_shared<CardResult<auth::PinStatus>>(
            attempt<auth::PinStatus>([&] { return worker.cardSigner().pinStatus(reader); }));
        if (guard)
            deliver(guard.data(), [done, result] { done(*result); });
    });
}

void CardService::sign(QObject* context, const QString& reader,
    std::unique_ptr<auth::PinBuffer> pin, const QByteArray& digest, bool confirmLastTry,
    std::function<void(const CardResult<CardSignature>&)> done)
{
    QPointer<QObject> guard(context);
    // std::function needs a copyable callable: the buffer travels in a shared_ptr, and is
    // destroyed (wiped) by the job right after its one use.
    std::shared_ptr<auth::PinBuffer> buffer(std::move(pin));
    post([guard, reader, buffer, digest, confirmLastTry, done = std::move(done)](
             Worker& worker) mutable {
        auto result = std::make_shared<CardResult<CardSignature>>(attempt<CardSignature>([&] {
            if (!buffer)
                throw CardFailure(CardProblem::PinLengthInvalid, "no PIN buffer");
            return worker.cardSigner().sign(reader, *buffer, digest, confirmLastTry);
        }));
        if (buffer)
            buffer->clear(); // wiped now, not when the last copy of the job goes
        buffer.reset();
        if (guard)
            deliver(guard.data(), [done, result] { done(*result); });
    });
}

} // namespace core::cards

// Meta-object code in this object file (see core/src/sync/sync_engine.cpp for why).
#include "core/cards/moc_card_service.cpp"
