#pragma once

#include "core/api/service_client.hpp"

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace core::session {

/// The GUI's door to the central service. ServiceClient blocks, so every call runs on one
/// worker thread, in the order asked, and its Result comes back on the thread of `context` (the
/// widget that asked). A context destroyed meanwhile simply gets nothing. The session token the
/// client holds after a login lives on that worker only.
class ServiceRunner : public QObject {
    Q_OBJECT
public:
    explicit ServiceRunner(api::ServiceConfig config, QObject* parent = nullptr);
    /// Waits for the call in progress (at most its timeout), then stops the worker.
    ~ServiceRunner() override;

    api::ServiceConfig config() const;
    /// Another service: later calls go to a new client for it (without a session).
    void setConfig(const api::ServiceConfig& config);

    /// Runs `call` on the worker, then `done` with its result on `context`'s thread.
    template <typename T>
    void run(QObject* context, std::function<api::Result<T>(api::ServiceClient&)> call,
        std::function<void(const api::Result<T>&)> done)
    {
        QPointer<QObject> guard(context);
        post([guard, call = std::move(call), done = std::move(done)](api::ServiceClient& client) {
            auto result = std::make_shared<api::Result<T>>(call(client));
            if (guard)
                deliver(guard.data(), [done, result] { done(*result); });
        });
    }

    /// Calls waiting or running; for a busy indicator.
    int pending() const;

signals:
    void pendingChanged(int pending);

private:
    void post(std::function<void(api::ServiceClient&)> job);
    void enqueue(std::function<void()> job);
    void drain(); // on the worker thread
    static void deliver(QObject* context, std::function<void()> work);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace core::session
