#pragma once

#include "core/api/service_client.hpp"
#include "core/store/local_store.hpp"
#include "core/sync/merge.hpp"
#include "core/sync/remote.hpp"
#include "core/sync/sync_options.hpp"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <memory>

namespace core::sync {

/// The rejection code the engine writes itself: a delete not carried out because someone else
/// changed the vacancy since the clerk saw it. No message is stored with it; the form says why
/// in the clerk's language.
inline constexpr auto vacancyChangedCode = "vacancy-changed";

/// What one syncOnce() did and where things stand.
struct SyncReport {
    bool completed = false; ///< push and pull ran to the end (the server was reachable)
    bool needsLogin = false; ///< the session cannot write: a new login is needed; nothing lost
    /// Why, as the server said: unauthenticated, session-expired (401), certificate-login-required
    /// (a password session cannot write), account-setup-required, person-inactive (403).
    QString loginReason;
    QString error; ///< why the run stopped early (the network, the local database), if it did
    int sent = 0; ///< operations the server took (acknowledged) this run
    int deferred = 0; ///< tries that failed and wait for their next time
    int rejected = 0; ///< operations the server refused this run (records now Rejected)
    int merged = 0; ///< merges settled without the clerk (412 or pull into an edited record)
    int newConflicts = 0; ///< conflicts found this run
    int pulled = 0; ///< change-feed entries applied
    bool codeListsUpdated = false;
    // Where things stand after the run (the status bar):
    int queued = 0; ///< outbox rows still waiting
    int conflicts = 0; ///< records in Conflict
    int rejectedRecords = 0; ///< records in Rejected
    QDateTime lastSuccess; ///< the last completed run, UTC
};

/// The sync engine (offline-sync.md): push the outbox oldest first, then pull the change feed,
/// then refresh the code lists. syncOnce() blocks: run it on a worker thread (it uses that
/// thread's own store connection and network manager). Conflicts are settled with the plain
/// functions of conflict_resolution.hpp, on any thread. Nothing is lost whatever fails in between:
/// every step is written to the store before and after it goes to the server, and a failed step is
/// simply tried again.
class SyncEngine : public QObject {
    Q_OBJECT
public:
    /// Over an existing store and the central-service client, whose session token it uses
    /// (neither owned). `options.requestTimeout` does not apply: the client has its own.
    SyncEngine(store::LocalStore& store, api::ServiceClient& client, SyncOptions options = {},
        QObject* parent = nullptr);
    /// Over an existing store and any Remote (a fake server model in tests; neither owned).
    SyncEngine(store::LocalStore& store, Remote& remote, SyncOptions options = {},
        QObject* parent = nullptr);
    /// Owns its store (opened on `storeFile`) and a ServiceClient for `baseUrl` with `token`
    /// and options.requestTimeout: what a separate process (the crash harness's child) needs.
    SyncEngine(const QString& storeFile, const QString& baseUrl, const QString& token,
        SyncOptions options = {}, QObject* parent = nullptr);
    ~SyncEngine() override;

    store::LocalStore& store();
    /// After a login (the engine reported needsLogin): the next run resumes with it.
    void setToken(const QString& token);
    /// Another server address: the engine's client is replaced by one for `baseUrl` with the
    /// same configuration and the token last given to setToken() (give it again if the token
    /// was set on a borrowed client directly).
    void setBaseUrl(const QString& baseUrl);

    /// One full run. Never throws: a failure ends the run early and is in the report.
    SyncReport syncOnce();

signals:
    void queuedChanged(int queued);
    void sentChanged(int sentThisRun);
    void conflictsChanged(int conflicts);
    void rejectedChanged(int rejectedRecords);
    void lastSuccessChanged(const QDateTime& when);
    /// For a progress bar on long runs: operations handled out of those due at the start.
    void progress(int done, int total);
    void loginNeeded();
    void finished(const core::sync::SyncReport& report);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace core::sync
