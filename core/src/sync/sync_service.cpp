#include "core/sync/sync_service.hpp"

#include "core/api/service_client.hpp"
#include "core/session/session_state.hpp"
#include "core/store/local_store.hpp"
#include "core/sync/conflict_resolution.hpp"
#include "core/threads/worker.hpp"

#include <QMetaObject>
#include <algorithm>
#include <functional>

namespace core::sync {

namespace {

/// What lives on the worker thread: the client (its network connections belong to that
/// thread) and the engine over it. Made on first use, dropped on a new configuration.
struct WorkerState {
    std::unique_ptr<api::ServiceClient> client;
    std::unique_ptr<SyncEngine> engine;
};

} // namespace

/// The worker (core::threads::Worker: the client waits for each answer in a local event loop,
/// so the jobs wait in a queue of their own) and what only its jobs touch.
struct SyncService::Worker {
    WorkerState* state = nullptr;
    api::ServiceConfig config; ///< the worker's copy
    QString token; ///< the same
    threads::Worker thread { QStringLiteral("shiqiuren-sync") };

    void post(std::function<void()> job) { thread.post(std::move(job)); }
};

SyncService::SyncService(store::LocalStore& store, api::ServiceConfig config,
    SyncServiceOptions options, QObject* parent)
    : QObject(parent)
    , store_(store)
    , config_(std::move(config))
    , options_(std::move(options))
    , worker_(std::make_unique<Worker>())
{
    worker_->config = config_;
    worker_->state = new WorkerState;

    nextRun_.setSingleShot(true);
    connect(&nextRun_, &QTimer::timeout, this, &SyncService::startRun);
    health_.setInterval(int(options_.healthInterval.count()));
    connect(&health_, &QTimer::timeout, this, &SyncService::checkHealth);
    health_.start();
    refreshCounts();
    try {
        setLastSuccess(store_.syncState().lastSuccessfulSync());
    } catch (const store::StoreError&) {
        // Shown as "never" until the next run.
    }
    if (options_.checkAtOnce)
        checkHealth();
}

SyncService::~SyncService()
{
    stop();
}

void SyncService::stop()
{
    stopped_ = true;
    nextRun_.stop();
    health_.stop();
    if (!worker_->state)
        return;
    // The engine and its client go on the thread they were used on, after the current job.
    WorkerState* state = worker_->state;
    worker_->post([state] { delete state; });
    worker_->state = nullptr;
    worker_->thread.finish();
}

void SyncService::setConfig(const api::ServiceConfig& config)
{
    config_ = config;
    if (stopped_)
        return;
    Worker* w = worker_.get();
    WorkerState* state = w->state;
    w->post([w, state, config] {
        state->engine.reset();
        state->client.reset();
        w->config = config;
    });
    setConnection(Connection::Unknown);
    failures_ = 0;
    // The health check decides: reachable, it starts a run (healthFinished).
    checkHealth();
}

void SyncService::follow(session::SessionState& session)
{
    session_ = &session;
    connect(&session, &session::SessionState::started, this, [this] {
        if (session_)
            setToken(session_->info().token);
    });
    connect(&session, &session::SessionState::ended, this, &SyncService::clearToken);
    if (session.loggedIn())
        setToken(session.info().token);
}

void SyncService::setToken(const QString& token)
{
    token_ = token;
    if (stopped_)
        return;
    Worker* w = worker_.get();
    WorkerState* state = w->state;
    w->post([w, state, token] {
        w->token = token;
        if (state->engine)
            state->engine->setToken(token);
    });
    setLoginNeeded(false, {});
    failures_ = 0;
    syncNow();
}

void SyncService::clearToken()
{
    setToken(QString());
    nextRun_.stop();
    requested_ = false;
}

bool SyncService::runScheduled() const
{
    return nextRun_.isActive() || requested_;
}

void SyncService::syncNow()
{
    refreshCounts();
    if (stopped_)
        return;
    if (token_.isEmpty()) {
        setLoginNeeded(true, QStringLiteral("unauthenticated"));
        return;
    }
    if (running_) {
        requested_ = true;
        return;
    }
    startRun();
}

void SyncService::startRun()
{
    nextRun_.stop();
    requested_ = false;
    if (stopped_ || running_ || token_.isEmpty() || !config_.baseUrl.isValid())
        return;
    running_ = true;
    runStartedAt_ = QDateTime::currentDateTimeUtc();
    runStartedOffline_ = connection_ != Connection::Online;
    emit syncingChanged(true);
    emit statusChanged();

    Worker* w = worker_.get();
    WorkerState* state = w->state;
    store::LocalStore* store = &store_;
    const SyncOptions engineOptions = options_.engine;
    QPointer<SyncService> self(this);
    w->post([w, state, store, engineOptions, self] {
        if (!state->engine) {
            state->client = std::make_unique<api::ServiceClient>(w->config);
            state->engine = std::make_unique<SyncEngine>(*store, *state->client, engineOptions);
            state->engine->setToken(w->token);
            if (self) {
                SyncService* service = self.data();
                connect(state->engine.get(), &SyncEngine::progress, service,
                    [service](int done, int total) { emit service->progress(done, total); });
            }
        }
        const SyncReport report = state->engine->syncOnce();
        if (self) {
            SyncService* service = self.data();
            QMetaObject::invokeMethod(
                service, [service, report] { service->runFinished(report); }, Qt::QueuedConnection);
        }
    });
}

void SyncService::runFinished(const SyncReport& report)
{
    running_ = false;
    lastReport_ = report;
    if (stopped_)
        return;
    // The server answered something: it is there, whatever else went wrong.
    const bool reached = report.completed || report.needsLogin || report.sent > 0
        || report.pulled > 0 || report.rejected > 0 || report.newConflicts > 0;
    const bool wasOffline = runStartedOffline_ || connection_ != Connection::Online;
    setConnection(reached ? Connection::Online : Connection::Offline);
    setCounts(report.queued, report.conflicts, report.rejectedRecords);
    if (report.completed)
        setLastSuccess(report.lastSuccess);
    emit syncingChanged(false);

    if (report.needsLogin) {
        // Nothing is retried until a new login: a password session would only be refused again.
        setLoginNeeded(true, report.loginReason);
        requested_ = false;
    } else if (report.completed) {
        failures_ = 0;
        // A run that found the server back may come before the backoff of what was queued
        // while it was away: that backoff was for a server that was not there, so send it now.
        if (wasOffline && report.queued > 0 && makeQueuedDue())
            requested_ = true;
        if (requested_)
            startRun();
        else
            scheduleAfter(untilNextDue(options_.interval, runStartedAt_));
    } else {
        ++failures_;
        if (requested_ && reached)
            startRun();
        else
            scheduleAfter(
                std::max(retryDelay(failures_, options_.engine), std::chrono::milliseconds(1)));
    }
    emit statusChanged();
    emit finished(report);
}

void SyncService::checkHealth()
{
    if (stopped_ || running_ || healthRunning_ || !config_.baseUrl.isValid())
        return;
    healthRunning_ = true;
    Worker* w = worker_.get();
    WorkerState* state = w->state;
    QPointer<SyncService> self(this);
    w->post([w, state, self] {
        if (!state->client)
            state->client = std::make_unique<api::ServiceClient>(w->config);
        const api::Result<api::Health> health = state->client->health();
        // An HTTP error is still an answer: the server is reachable.
        const bool reachable = health.ok() || health.failure.kind == api::ErrorKind::Http
            || health.failure.kind == api::ErrorKind::BadResponse;
        if (self) {
            SyncService* service = self.data();
            QMetaObject::invokeMethod(
                service, [service, reachable] { service->healthFinished(reachable); },
                Qt::QueuedConnection);
        }
    });
}

void SyncService::healthFinished(bool reachable)
{
    healthRunning_ = false;
    if (stopped_)
        return;
    const bool wasOffline = connection_ != Connection::Online;
    setConnection(reachable ? Connection::Online : Connection::Offline);
    // Back online with work waiting: the backoff was for a server that was not there.
    if (reachable && wasOffline && hasToken() && !needsLogin_ && !running_) {
        makeQueuedDue();
        failures_ = 0;
        syncNow();
    }
    emit statusChanged();
}

bool SyncService::makeQueuedDue()
{
    bool cleared = false;
    try {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const store::OutboxEntry& entry : store_.outbox().entries()) {
            if (entry.nextAttemptAt.isValid() && entry.nextAttemptAt > now) {
                store_.outbox().deferOperation(entry.sequence, QDateTime(), entry.lastError);
                cleared = true;
            }
        }
    } catch (const store::StoreError&) {
        // They wait for their time as the engine planned.
    }
    return cleared;
}

std::chrono::milliseconds SyncService::untilNextDue(
    std::chrono::milliseconds longest, const QDateTime& lookedAt) const
{
    std::chrono::milliseconds wait = longest;
    try {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const store::OutboxEntry& entry : store_.outbox().entries()) {
            // An entry due before the run began and still here is held for a reason no timer
            // mends (a conflict, an earlier entry of its record): counting it would start a run
            // every millisecond. One that fell due during the run may never have been tried.
            if (!entry.nextAttemptAt.isValid() || entry.nextAttemptAt <= lookedAt)
                continue;
            if (entry.nextAttemptAt <= now)
                return std::chrono::milliseconds(0);
            wait = std::min(wait, std::chrono::milliseconds(now.msecsTo(entry.nextAttemptAt)));
        }
    } catch (const store::StoreError&) {
        // The periodic run finds them.
    }
    return wait;
}

void SyncService::keepMine(const QString& localId)
{
    sync::keepMine(store_, localId);
    syncNow();
}

void SyncService::keepServer(const QString& localId)
{
    sync::keepServer(store_, localId);
    syncNow();
}

void SyncService::resolvePerField(const QString& localId, const QHash<QString, Side>& choices)
{
    sync::resolvePerField(store_, localId, choices);
    syncNow();
}

void SyncService::refreshCounts()
{
    try {
        setCounts(store_.outbox().size(), store_.records().count(store::RecordState::Conflict),
            store_.records().count(store::RecordState::Rejected));
    } catch (const store::StoreError&) {
        // The counts stay as they were; the next run reports the database's trouble.
    }
}

void SyncService::setConnection(Connection connection)
{
    if (connection_ == connection)
        return;
    connection_ = connection;
    emit connectionChanged(connection);
    emit statusChanged();
}

void SyncService::setCounts(int queued, int conflicts, int rejected)
{
    if (queued_ != queued) {
        queued_ = queued;
        emit queuedChanged(queued);
        emit statusChanged();
    }
    if (conflicts_ != conflicts) {
        conflicts_ = conflicts;
        emit conflictsChanged(conflicts);
        emit statusChanged();
    }
    if (rejected_ != rejected) {
        rejected_ = rejected;
        emit rejectedChanged(rejected);
        emit statusChanged();
    }
}

void SyncService::setLastSuccess(const QDateTime& when)
{
    if (!when.isValid() || when == lastSuccess_)
        return;
    lastSuccess_ = when;
    emit lastSuccessChanged(when);
    emit statusChanged();
}

void SyncService::scheduleAfter(std::chrono::milliseconds delay)
{
    if (stopped_ || token_.isEmpty())
        return;
    nextRun_.start(int(std::min<std::chrono::milliseconds::rep>(delay.count(), 24 * 3600 * 1000)));
}

void SyncService::setLoginNeeded(bool needed, const QString& reason)
{
    const bool changed = needsLogin_ != needed || loginReason_ != reason;
    needsLogin_ = needed;
    loginReason_ = reason;
    if (needed)
        emit loginNeeded(reason);
    if (changed)
        emit statusChanged();
}

} // namespace core::sync

// As sync_engine.cpp: the meta-object code here, so a program using the service does not pull in
// core's shared mocs_compilation.o (and PC/SC with it).
#include "core/sync/moc_sync_service.cpp"
