#include "core/session/service_runner.hpp"

#include <QMetaObject>

namespace core::session {

ServiceRunner::ServiceRunner(api::ServiceConfig config, QObject* parent)
    : QObject(parent)
    , config_(std::move(config))
    , worker_(std::make_unique<threads::Worker>(QStringLiteral("shiqiuren-service")))
{ }

ServiceRunner::~ServiceRunner()
{
    // The client goes on the thread that made it (its network connections belong there).
    worker_->post([this] { client_.reset(); });
    worker_->finish();
}

api::ServiceConfig ServiceRunner::config() const
{
    const QMutexLocker lock(&mutex_);
    return config_;
}

void ServiceRunner::setConfig(const api::ServiceConfig& config)
{
    {
        const QMutexLocker lock(&mutex_);
        config_ = config;
    }
    worker_->post([this] { client_.reset(); }); // the next call makes one for the new service
}

api::ServiceClient& ServiceRunner::client()
{
    if (!client_)
        client_ = std::make_unique<api::ServiceClient>(config());
    return *client_;
}

void ServiceRunner::callStarted()
{
    emit pendingChanged(++pending_);
}

void ServiceRunner::callEnded()
{
    const int left = --pending_;
    // The runner outlives its worker's jobs (the destructor waits for them).
    QMetaObject::invokeMethod(this, [this, left] { emit pendingChanged(left); });
}

} // namespace core::session

#include "core/session/moc_service_runner.cpp"
