#pragma once

#include "core/api/service_config.hpp"
#include "core/sync/merge.hpp"
#include "core/sync/sync_engine.hpp"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <chrono>
#include <memory>

namespace core::store {
class LocalStore;
}
namespace core::session {
class SessionState;
}

namespace core::sync {

/// The knobs of the service, injectable for tests.
struct SyncServiceOptions {
    SyncOptions engine; ///< backoff, feed page size, code-list interval
    /// A run this long after the last completed one, while logged in.
    std::chrono::milliseconds interval { std::chrono::minutes(5) };
    /// GET /health this often while idle (online/offline; back online starts a run).
    std::chrono::milliseconds healthInterval { std::chrono::seconds(30) };
    /// The first health check as soon as the service is made. Off: it waits for checkHealth()
    /// (the client calls it once its window is on the screen) or the first interval.
    bool checkAtOnce = true;
};

/// Runs the sync engine for the GUI: one worker thread does every run and health check (the
/// engine blocks); what it finds comes back as signals on the service's (GUI) thread. Runs on
/// request (syncNow: the form queued something, a login), every `interval`, and after a failed
/// run with the engine's backoff. A session that cannot write (password login, or a session
/// that expired) pauses the runs until the next login instead of retrying in a loop.
class SyncService : public QObject {
    Q_OBJECT
public:
    enum class Connection { Unknown, Online, Offline };
    Q_ENUM(Connection)

    /// Over the GUI's store (used on this thread for the counts and conflict resolution; the
    /// worker opens its own connection to the same file). Not owned; must outlive the service.
    SyncService(store::LocalStore& store, api::ServiceConfig config,
        SyncServiceOptions options = {}, QObject* parent = nullptr);
    /// Waits for a run in progress (at most its request timeout), then stops the worker.
    ~SyncService() override;

    /// Another central service: the next run and health check go there.
    void setConfig(const api::ServiceConfig& config);
    api::ServiceConfig config() const { return config_; }
    /// Takes the token whenever `session` starts, and drops it when it ends.
    void follow(session::SessionState& session);
    /// The session's bearer token (memory only). A new token starts a run.
    void setToken(const QString& token);
    void clearToken();
    bool hasToken() const { return !token_.isEmpty(); }

    Connection connection() const { return connection_; }
    bool syncing() const { return running_; }
    int queued() const { return queued_; }
    int conflicts() const { return conflicts_; }
    int rejected() const { return rejected_; }
    QDateTime lastSuccess() const { return lastSuccess_; } ///< UTC; invalid: never
    /// The last run paused for a login; loginReason() says which (certificate-login-required:
    /// a password session cannot send vacancies; unauthenticated: nobody logged in).
    bool needsLogin() const { return needsLogin_; }
    QString loginReason() const { return loginReason_; }
    /// A run is planned (timer running or a request waiting behind the current run).
    bool runScheduled() const;
    const SyncReport& lastReport() const { return lastReport_; }

    // Conflict resolution, applied to the store at once (conflict_resolution.hpp), then a run.
    void keepMine(const QString& localId);
    void keepServer(const QString& localId);
    void resolvePerField(const QString& localId, const QHash<QString, Side>& choices);

public slots:
    /// A run as soon as the worker is free (one more after the current run when busy).
    void syncNow();
    /// Re-reads queued / conflicts / rejected from the store (after a local change).
    void refreshCounts();
    /// GET /health now (when no run is in progress).
    void checkHealth();
    /// Stops the timers and waits for the worker; nothing runs afterwards.
    void stop();

signals:
    void connectionChanged(core::sync::SyncService::Connection connection);
    void syncingChanged(bool syncing);
    void progress(int done, int total);
    void queuedChanged(int queued);
    void conflictsChanged(int conflicts);
    void rejectedChanged(int rejected);
    void lastSuccessChanged(const QDateTime& when);
    /// The session cannot sync (see loginReason()); emitted once per paused run.
    void loginNeeded(const QString& reason);
    /// Any of the above changed (one signal for a status area).
    void statusChanged();
    /// A run ended; the store holds what it did (the list reloads on this).
    void finished(const core::sync::SyncReport& report);

private:
    void startRun();
    void runFinished(const SyncReport& report);
    void healthFinished(bool reachable);
    void setConnection(Connection connection);
    void setCounts(int queued, int conflicts, int rejected);
    void setLastSuccess(const QDateTime& when);
    void scheduleAfter(std::chrono::milliseconds delay);
    void setLoginNeeded(bool needed, const QString& reason);
    /// Outbox rows waiting for their backoff become due now (they waited for a server that was
    /// not there); true when any was waiting.
    bool makeQueuedDue();
    /// Until the first outbox entry still waiting out its backoff is due, or `longest` when
    /// none comes sooner. An entry whose wait ended after `lookedAt` (while the last run was
    /// under way, after its push had passed it by) is due at once.
    std::chrono::milliseconds untilNextDue(
        std::chrono::milliseconds longest, const QDateTime& lookedAt) const;

    struct Worker;
    store::LocalStore& store_;
    api::ServiceConfig config_;
    SyncServiceOptions options_;
    std::unique_ptr<Worker> worker_;
    QTimer nextRun_;
    QTimer health_;
    QString token_;
    bool running_ = false;
    QDateTime runStartedAt_; ///< UTC, when the current or last run was started
    /// The service was not known to be there when the run started (a health check may say it
    /// is back before the run ends).
    bool runStartedOffline_ = false;
    bool healthRunning_ = false;
    bool requested_ = false;
    bool stopped_ = false;
    int failures_ = 0;
    Connection connection_ = Connection::Unknown;
    int queued_ = 0;
    int conflicts_ = 0;
    int rejected_ = 0;
    QDateTime lastSuccess_;
    bool needsLogin_ = false;
    QString loginReason_;
    SyncReport lastReport_;
    QPointer<session::SessionState> session_;
};

} // namespace core::sync
