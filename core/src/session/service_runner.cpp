#include "core/session/service_runner.hpp"

#include <QMetaObject>
#include <QMutex>
#include <QThread>
#include <atomic>
#include <deque>

namespace core::session {

namespace {

// Lives on the worker thread, and so does its client: QNetworkAccessManager's connections
// belong to the thread that made them.
class Worker : public QObject {
public:
    explicit Worker(api::ServiceConfig config)
        : config_(std::move(config))
    { }

    api::ServiceClient& client()
    {
        if (!client_)
            client_ = std::make_unique<api::ServiceClient>(config_);
        return *client_;
    }
    void reset(api::ServiceConfig config)
    {
        client_.reset();
        config_ = std::move(config);
    }

private:
    api::ServiceConfig config_;
    std::unique_ptr<api::ServiceClient> client_;
};

} // namespace

struct ServiceRunner::Private {
    QThread thread;
    Worker* worker = nullptr;
    mutable QMutex mutex;
    api::ServiceConfig config;
    std::atomic<int> pending { 0 };
    // The jobs in order. ServiceClient waits for an answer in a local event loop, which would
    // also run the next job posted to the worker inside the current one; so jobs wait here and
    // one drain at a time runs them (a drain started inside a job returns at once).
    std::deque<std::function<void()>> jobs; // under mutex
    bool draining = false; // worker thread only
};

ServiceRunner::ServiceRunner(api::ServiceConfig config, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->config = config;
    d->thread.setObjectName(QStringLiteral("shiqiuren-service"));
    d->worker = new Worker(std::move(config));
    d->worker->moveToThread(&d->thread);
    connect(&d->thread, &QThread::finished, d->worker, &QObject::deleteLater);
    d->thread.start();
}

ServiceRunner::~ServiceRunner()
{
    d->thread.quit();
    d->thread.wait();
}

api::ServiceConfig ServiceRunner::config() const
{
    QMutexLocker lock(&d->mutex);
    return d->config;
}

void ServiceRunner::setConfig(const api::ServiceConfig& config)
{
    {
        QMutexLocker lock(&d->mutex);
        d->config = config;
    }
    Worker* worker = d->worker;
    enqueue([worker, config] { worker->reset(config); });
}

int ServiceRunner::pending() const
{
    return d->pending.load();
}

void ServiceRunner::post(std::function<void(api::ServiceClient&)> job)
{
    emit pendingChanged(++d->pending);
    Worker* worker = d->worker;
    enqueue([this, worker, job = std::move(job)] {
        job(worker->client());
        // The runner outlives its worker (the destructor waits), so `this` is safe here.
        const int left = --d->pending;
        QMetaObject::invokeMethod(this, [this, left] { emit pendingChanged(left); });
    });
}

void ServiceRunner::enqueue(std::function<void()> job)
{
    {
        QMutexLocker lock(&d->mutex);
        d->jobs.push_back(std::move(job));
    }
    QMetaObject::invokeMethod(d->worker, [this] { drain(); });
}

void ServiceRunner::drain()
{
    if (d->draining)
        return; // inside a job's wait: the outer drain takes the next job when this one ends
    d->draining = true;
    for (;;) {
        std::function<void()> job;
        {
            QMutexLocker lock(&d->mutex);
            if (d->jobs.empty())
                break;
            job = std::move(d->jobs.front());
            d->jobs.pop_front();
        }
        job();
    }
    d->draining = false;
}

void ServiceRunner::deliver(QObject* context, std::function<void()> work)
{
    QMetaObject::invokeMethod(context, std::move(work), Qt::QueuedConnection);
}

} // namespace core::session

#include "core/session/moc_service_runner.cpp"
