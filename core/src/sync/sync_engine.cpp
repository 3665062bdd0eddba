#include "core/sync/sync_engine.hpp"

#include "core/domain/code_lists.hpp"
#include "core/domain/domain_json_error.hpp"
#include "sync/merge_into.hpp"
#include "sync/push.hpp"
#include "sync/service_client_remote.hpp"

#include <QJsonDocument>
#include <QUrl>

namespace core::sync {

using domain::Vacancy;
using store::LocalStore;
using store::RecordState;
using Outcome = RemoteReply::Outcome;

struct SyncEngine::Private {
    std::unique_ptr<LocalStore> ownedStore;
    std::unique_ptr<Remote> ownedRemote;
    LocalStore* store = nullptr;
    Remote* remote = nullptr;
    SyncOptions options;

    QDateTime now() const { return currentTime(options); }

    /// One feed entry, inside the page's transaction.
    void apply(const FeedEntry& entry, SyncReport& report) const
    {
        if (entry.deleted) {
            store->syncState().applyServerTombstone(entry.id, entry.etag, entry.record);
            ++report.pulled;
            return;
        }
        if (!entry.record)
            return;
        Vacancy server = *entry.record;
        if (server.vacancyId.isEmpty())
            server.vacancyId = entry.id;
        const auto known = store->records().findByServerId(entry.id);
        if (known && !entry.etag.isEmpty() && known->etag == entry.etag)
            return; // the version we have (our own write, most often)
        ++report.pulled;
        if (!known || !known->hasLocalEdits()) {
            store->syncState().applyServerRecord(server, entry.etag, entry.rejectionReason);
            return;
        }
        if (known->deleted) {
            // Our delete goes out on the new version.
            store->outbox().rebase(
                known->localId, server, entry.etag, server, std::nullopt, entry.rejectionReason);
            return;
        }
        if (known->state == RecordState::Conflict) {
            // The server moved on: the clerk's choice is against its latest version.
            auto conflict = *store->syncState().conflict(known->localId);
            if (conflict.serverEtag == entry.etag) {
                --report.pulled; // the version the conflict is already about
                return;
            }
            const MergeResult result = merge(conflict.base, conflict.mine, server);
            conflict.server = server;
            conflict.serverEtag = entry.etag;
            conflict.fields = result.conflicts;
            conflict.detectedAt = now();
            store->syncState().recordConflict(conflict);
            if (result.clean()) {
                store->syncState().resolveConflict(known->localId, result.merged);
                ++report.merged;
            }
            return;
        }
        switch (detail::mergeInto(*store, known->localId, server, entry.etag, std::nullopt, now(),
            entry.rejectionReason)) {
        case detail::Merged::Rebased:
        case detail::Merged::AlreadyThere:
            ++report.merged;
            break;
        case detail::Merged::Conflict:
            ++report.newConflicts;
            break;
        }
    }

    /// Pull: the change feed from the saved cursor, each page and its cursor in one
    /// transaction. False when the run must stop.
    bool pull(SyncReport& report) const
    {
        bool restarted = false;
        for (int pages = 0; pages < 100000; ++pages) {
            FeedPage page;
            const QString cursor = store->syncState().feedCursor();
            const RemoteReply reply = remote->changes(cursor, options.feedPageSize, page);
            if (reply.outcome == Outcome::NeedsLogin) {
                report.needsLogin = true;
                report.loginReason = reply.errorCode;
                return false;
            }
            if (reply.errorCode == u"cursor-invalid" && !restarted) {
                // A cursor this server did not make (a new server, a restored database): start
                // over; records already here are recognised by their 職缺編號.
                store->syncState().setFeedCursor({});
                restarted = true;
                continue;
            }
            if (!reply.ok()) {
                report.error = QStringLiteral("change feed: ") + reply.describe();
                return false;
            }
            store->inTransaction([&] {
                for (const FeedEntry& entry : page.changes)
                    apply(entry, report);
                if (!page.cursor.isEmpty())
                    store->syncState().setFeedCursor(page.cursor);
            });
            if (!page.hasMore || page.cursor.isEmpty() || page.cursor == cursor)
                return true;
        }
        return true;
    }

    /// The code lists, revalidated with If-None-Match when due. Never stops the run.
    void refreshCodeLists(SyncReport& report) const
    {
        const QDateTime checked = store->syncState().codeListsCheckedAt();
        if (checked.isValid() && options.codeListsInterval.count() > 0
            && checked.addMSecs(options.codeListsInterval.count()) > now())
            return;
        const auto cached = store->syncState().cachedCodeLists();
        const RemoteReply reply = remote->codeLists(cached ? cached->etag : QString());
        if (reply.outcome == Outcome::Ok) {
            try {
                // Only a bundle the form can use replaces the one it has.
                domain::CodeLists::fromJson(
                    QJsonDocument::fromJson(reply.body).object(), reply.etag);
            } catch (const domain::DomainJsonError&) {
                return;
            }
            store->syncState().saveCodeLists(reply.body, reply.etag);
            report.codeListsUpdated = true;
        } else if (reply.outcome != Outcome::NotModified) {
            return;
        }
        store->syncState().setCodeListsCheckedAt(now());
    }

    void fillStatus(SyncReport& report) const
    {
        report.queued = store->outbox().size();
        report.conflicts = int(store->syncState().conflicts().size());
        report.rejectedRecords = store->records().count(RecordState::Rejected);
        report.lastSuccess = store->syncState().lastSuccessfulSync();
    }
};

SyncEngine::SyncEngine(LocalStore& store, Remote& remote, SyncOptions options, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->store = &store;
    d->remote = &remote;
    d->options = std::move(options);
}

SyncEngine::SyncEngine(const QString& storeFile, const QString& baseUrl, const QString& token,
    SyncOptions options, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->ownedStore = std::make_unique<LocalStore>(storeFile);
    api::ServiceConfig config;
    config.baseUrl = QUrl(baseUrl);
    config.timeout = d->options.requestTimeout;
    auto remote = std::make_unique<detail::ServiceClientRemote>(
        std::make_unique<api::ServiceClient>(std::move(config)));
    remote->setToken(token);
    d->ownedRemote = std::move(remote);
    d->store = d->ownedStore.get();
    d->remote = d->ownedRemote.get();
}

SyncEngine::SyncEngine(
    LocalStore& store, api::ServiceClient& client, SyncOptions options, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->store = &store;
    d->ownedRemote = std::make_unique<detail::ServiceClientRemote>(client);
    d->remote = d->ownedRemote.get();
    d->options = std::move(options);
}

SyncEngine::~SyncEngine() = default;

LocalStore& SyncEngine::store()
{
    return *d->store;
}

void SyncEngine::setToken(const QString& token)
{
    d->remote->setToken(token);
}

void SyncEngine::setBaseUrl(const QString& baseUrl)
{
    d->remote->setBaseUrl(baseUrl);
}

SyncReport SyncEngine::syncOnce()
{
    SyncReport report;
    try {
        detail::Push push(*d->store, *d->remote, d->options,
            { [this](int sent) { emit sentChanged(sent); },
                [this](int done, int total) { emit progress(done, total); } });
        if (push.run(report) && d->pull(report)) {
            d->refreshCodeLists(report);
            if (report.deferred == 0 && report.error.isEmpty()) {
                report.completed = true;
                d->store->syncState().setLastSuccessfulSync(d->now());
            }
        }
    } catch (const std::exception& e) {
        // The local database failed (or a record in it cannot be read): every step so far is
        // committed or rolled back whole, so the next run simply goes on.
        report.error = QStringLiteral("local database: ") + QString::fromUtf8(e.what());
    }
    try {
        d->fillStatus(report);
    } catch (const std::exception& e) {
        if (report.error.isEmpty())
            report.error = QStringLiteral("local database: ") + QString::fromUtf8(e.what());
    }
    emit queuedChanged(report.queued);
    emit conflictsChanged(report.conflicts);
    emit rejectedChanged(report.rejectedRecords);
    if (report.completed)
        emit lastSuccessChanged(report.lastSuccess);
    if (report.needsLogin)
        emit loginNeeded();
    emit finished(report);
    return report;
}

} // namespace core::sync
// The meta-object code in this object file, not in core's shared mocs_compilation.o: that one
// holds every Q_OBJECT of core (CardWatcher's too), and a program using SyncEngine would then have
// to link PC/SC just to start.
#include "core/sync/moc_sync_engine.cpp"
