#pragma once

#include "core/api/service_client.hpp"
#include "core/threads/worker.hpp"

#include <QMutex>
#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

namespace core::session {

/// The GUI's door to the central service. ServiceClient blocks, so every call runs on one
/// threads::Worker, in the order asked, and its Result comes back on the thread of `context`
/// (the object that asked). A context destroyed meanwhile simply gets nothing. The session token
/// the client holds after a login lives on that worker only.
class ServiceRunner : public QObject {
    Q_OBJECT
public:
    explicit ServiceRunner(api::ServiceConfig config, QObject* parent = nullptr);
    /// Waits for the calls already asked (each at most its timeout), then stops the worker.
    ~ServiceRunner() override;

    api::ServiceConfig config() const;
    /// Another service: later calls go to a new client for it (without a session).
    void setConfig(const api::ServiceConfig& config);

    /// Runs `call` on the worker, then `done` with its result on `context`'s thread.
    template <typename T>
    void run(QObject* context, std::function<api::Result<T>(api::ServiceClient&)> call,
        std::function<void(const api::Result<T>&)> done)
    {
        callStarted();
        worker_->run<api::Result<T>>(
            context,
            [this, call = std::move(call)] {
                auto result = call(client());
                callEnded();
                return result;
            },
            [done = std::move(done)](api::Result<T>& result) { done(result); });
    }

    /// Calls waiting or running; for a busy indicator.
    int pending() const { return pending_.load(); }

signals:
    void pendingChanged(int pending);

private:
    api::ServiceClient& client(); // worker thread only
    void callStarted();
    void callEnded(); // worker thread

    mutable QMutex mutex_;
    api::ServiceConfig config_; // under mutex_
    std::unique_ptr<api::ServiceClient> client_; // made, used and dropped on the worker
    std::atomic<int> pending_ { 0 };
    // Last: destroyed first, so the jobs it still runs find the members above alive.
    std::unique_ptr<threads::Worker> worker_;
};

} // namespace core::session
