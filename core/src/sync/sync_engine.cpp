#include "core/sync/sync_engine.hpp"

#include "core/domain/code_lists.hpp"
#include "core/domain/domain_json_error.hpp"
#include "sync/service_client_remote.hpp"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QUrl>
#include <algorithm>
#include <cmath>

namespace core::sync {

using domain::Vacancy;
using store::LocalStore;
using store::LocalVacancy;
using store::OperationKind;
using store::OutboxEntry;
using store::RecordState;
using Outcome = RemoteReply::Outcome;

namespace {

QStringList united(QStringList a, const QStringList& b)
{
    for (const QString& key : b) {
        if (!a.contains(key))
            a << key;
    }
    return a;
}

} // namespace

struct SyncEngine::Private {
    std::unique_ptr<LocalStore> ownedStore;
    std::unique_ptr<Remote> ownedRemote;
    LocalStore* store = nullptr;
    Remote* remote = nullptr;
    SyncOptions options;

    QDateTime now() const
    {
        return options.clock ? options.clock() : QDateTime::currentDateTimeUtc();
    }

    double random() const
    {
        return options.random ? options.random() : QRandomGenerator::global()->generateDouble();
    }

    std::chrono::milliseconds backoff(int attempts) const
    {
        using std::chrono::milliseconds;
        const int exponent = std::clamp(attempts - 1, 0, 40);
        const double raw = double(options.backoffBase.count()) * std::pow(2.0, exponent);
        const double capped = std::min(raw, double(options.backoffCap.count()));
        // Equal jitter: between half and all of the delay.
        return milliseconds(static_cast<qint64>(capped / 2 + random() * capped / 2));
    }

    /// The try failed in a way worth retrying: the next time, honouring Retry-After.
    void defer(const OutboxEntry& entry, const RemoteReply& reply, SyncReport& report) const
    {
        std::chrono::milliseconds delay = backoff(entry.attempts + 1);
        if (reply.retryAfterSeconds)
            delay = std::max(
                delay, std::chrono::milliseconds(qint64(*reply.retryAfterSeconds) * 1000));
        store->deferOperation(entry.sequence, now().addMSecs(delay.count()), reply.describe());
        ++report.deferred;
    }

    enum class Merged { Rebased, Conflict, AlreadyThere };

    /// The server's version `server` (tag `etag`) meets a record with local edits: merged into
    /// its data and its queued body against its base, or a conflict recorded. One transaction.
    Merged mergeInto(const QString& localId, const Vacancy& server, const QString& etag,
        std::optional<qint64> answeredSequence) const
    {
        Merged outcome = Merged::Rebased;
        store->inTransaction([&] {
            const LocalVacancy r = *store->find(localId);
            const Vacancy base = r.base.value_or(server);
            const auto queued = store->queuedData(localId);
            const MergeResult data = merge(base, r.data, server);
            std::optional<MergeResult> body;
            if (queued)
                body = merge(base, *queued, server);
            const QStringList fields
                = united(data.conflicts, body ? body->conflicts : QStringList {});
            if (!fields.isEmpty()) {
                store->recordConflict({ localId, r.data, server, base, etag, fields, now() });
                outcome = Merged::Conflict;
                return;
            }
            // The server has exactly what we are sending (our earlier try went through, its
            // answer was lost): acknowledge instead of writing it again.
            if (answeredSequence && r.state == RecordState::Pending && r.queuedOperations == 1
                && body && sameContent(body->merged, server)) {
                store->acknowledge(*answeredSequence, server, etag);
                outcome = Merged::AlreadyThere;
                return;
            }
            store->rebase(localId, server, etag, body ? body->merged : data.merged, data.merged);
        });
        return outcome;
    }

    /// Push: the outbox oldest first. False when the run must stop (a login is needed).
    bool push(SyncReport& report, SyncEngine& engine) const
    {
        QSet<QString> skip; // records done with for this run
        QHash<QString, int> resends;
        const int total = int(store->outbox().size());
        int done = 0;
        while (const auto next = store->nextDue(now(), skip)) {
            const OutboxEntry entry = *next;
            const auto record = store->find(entry.localId);
            if (!record) {
                skip.insert(entry.localId);
                continue;
            }
            if (entry.kind != OperationKind::Create && record->serverId.isEmpty()) {
                // Nothing on the server to address (cannot happen with the store's rules).
                skip.insert(entry.localId);
                continue;
            }
            store->beginAttempt(entry.sequence);
            RemoteReply reply;
            switch (entry.kind) {
            case OperationKind::Create:
                reply = remote->create(entry.body, entry.operationId);
                break;
            case OperationKind::Update:
                reply = remote->update(record->serverId, entry.body, record->etag);
                break;
            case OperationKind::Delete:
                reply = remote->remove(record->serverId, record->etag);
                break;
            }
            const bool wantsRecord = entry.kind != OperationKind::Delete
                || reply.outcome == Outcome::PreconditionFailed;
            if ((reply.outcome == Outcome::Ok || reply.outcome == Outcome::PreconditionFailed)
                && wantsRecord && !reply.record) {
                reply.outcome = Outcome::Retry; // an answer without its record: try again
                reply.errorCode = QStringLiteral("no-record");
            }

            switch (reply.outcome) {
            case Outcome::Ok:
                if (entry.kind == OperationKind::Delete)
                    store->acknowledgeDelete(entry.sequence,
                        reply.httpStatus == 200 ? reply.record : std::nullopt, reply.etag);
                else
                    store->acknowledge(entry.sequence, *reply.record, reply.etag);
                ++report.sent;
                emit engine.sentChanged(report.sent);
                break;
            case Outcome::PreconditionFailed:
                if (++resends[entry.localId] > options.maxResendsPerRun) {
                    defer(entry, reply, report);
                    skip.insert(entry.localId);
                    break;
                }
                if (entry.kind == OperationKind::Delete) {
                    if (reply.record->status == domain::VacancyStatus::Withdrawn) {
                        store->acknowledgeDelete(entry.sequence, reply.record, reply.etag);
                        ++report.sent;
                    } else if (!record->base || sameContent(*record->base, *reply.record)) {
                        // Only the server's own fields moved (the status by date): the clerk
                        // deleted what is there, so the delete goes again on this version.
                        store->rebase(entry.localId, *reply.record, reply.etag, *reply.record);
                    } else {
                        // Someone else changed it since the clerk last saw it. Deleting now
                        // would throw their edit away unseen (what If-Match is for): the
                        // record comes back as the server has it, and the clerk decides again.
                        store->inTransaction([&] {
                            // Kept with the record like the server's 422 messages; the form
                            // shows its own translated sentence for this code.
                            store->reject(entry.sequence, QStringLiteral("vacancy-changed"),
                                { { QString(),
                                    // i18n-ok: stored data; the form says it in its own words
                                    QStringLiteral("此職缺已由他人修改，刪除未執行；請檢視最新"
                                                   // i18n-ok: the same sentence
                                                   "內容後再決定是否刪除。") } });
                            store->rebase(entry.localId, *reply.record, reply.etag, *reply.record);
                        });
                        ++report.rejected;
                    }
                    break;
                }
                switch (mergeInto(entry.localId, *reply.record, reply.etag, entry.sequence)) {
                case Merged::Rebased:
                    ++report.merged; // and the loop sends it again
                    break;
                case Merged::AlreadyThere:
                    ++report.sent;
                    break;
                case Merged::Conflict:
                    ++report.newConflicts;
                    break;
                }
                break;
            case Outcome::NotFound:
                if (entry.kind == OperationKind::Create) {
                    store->reject(entry.sequence, reply.errorCode, reply.fields);
                    ++report.rejected;
                } else {
                    // The server no longer has it: as a tombstone from the feed would say.
                    store->applyServerTombstone(record->serverId, {}, std::nullopt);
                }
                break;
            case Outcome::Refused:
            case Outcome::NotModified: {
                QList<domain::FieldMessage> messages = reply.fields;
                if (messages.isEmpty() && !reply.message.isEmpty())
                    messages.append({ QString(), reply.message });
                store->reject(entry.sequence, reply.errorCode, messages);
                ++report.rejected;
                break;
            }
            case Outcome::NeedsLogin:
                // Not the record's fault: no backoff, it goes first after the login.
                store->deferOperation(entry.sequence, {}, reply.describe());
                report.needsLogin = true;
                report.loginReason = reply.errorCode;
                return false;
            case Outcome::Retry:
                defer(entry, reply, report);
                skip.insert(entry.localId);
                break;
            }
            emit engine.progress(++done, std::max(total, done));
        }
        return true;
    }

    /// One feed entry, inside the page's transaction.
    void apply(const FeedEntry& entry, SyncReport& report) const
    {
        if (entry.deleted) {
            store->applyServerTombstone(entry.id, entry.etag, entry.record);
            ++report.pulled;
            return;
        }
        if (!entry.record)
            return;
        Vacancy server = *entry.record;
        if (server.vacancyId.isEmpty())
            server.vacancyId = entry.id;
        const auto known = store->findByServerId(entry.id);
        if (known && !entry.etag.isEmpty() && known->etag == entry.etag)
            return; // the version we have (our own write, most often)
        ++report.pulled;
        if (!known || !known->hasLocalEdits()) {
            store->applyServerRecord(server, entry.etag);
            return;
        }
        if (known->deleted) {
            // Our delete goes out on the new version.
            store->rebase(known->localId, server, entry.etag, server);
            return;
        }
        if (known->state == RecordState::Conflict) {
            // The server moved on: the clerk's choice is against its latest version.
            auto conflict = *store->conflict(known->localId);
            if (conflict.serverEtag == entry.etag) {
                --report.pulled; // the version the conflict is already about
                return;
            }
            const MergeResult result = merge(conflict.base, conflict.mine, server);
            conflict.server = server;
            conflict.serverEtag = entry.etag;
            conflict.fields = result.conflicts;
            conflict.detectedAt = now();
            store->recordConflict(conflict);
            if (result.clean()) {
                store->resolveConflict(known->localId, result.merged);
                ++report.merged;
            }
            return;
        }
        switch (mergeInto(known->localId, server, entry.etag, std::nullopt)) {
        case Merged::Rebased:
        case Merged::AlreadyThere:
            ++report.merged;
            break;
        case Merged::Conflict:
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
            const QString cursor = store->feedCursor();
            const RemoteReply reply = remote->changes(cursor, options.feedPageSize, page);
            if (reply.outcome == Outcome::NeedsLogin) {
                report.needsLogin = true;
                report.loginReason = reply.errorCode;
                return false;
            }
            if (reply.errorCode == u"cursor-invalid" && !restarted) {
                // A cursor this server did not make (a new server, a restored database): start
                // over; records already here are recognised by their 職缺編號.
                store->setFeedCursor({});
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
                    store->setFeedCursor(page.cursor);
            });
            if (!page.hasMore || page.cursor.isEmpty() || page.cursor == cursor)
                return true;
        }
        return true;
    }

    /// The code lists, revalidated with If-None-Match when due. Never stops the run.
    void refreshCodeLists(SyncReport& report) const
    {
        const QDateTime checked = store->codeListsCheckedAt();
        if (checked.isValid() && options.codeListsInterval.count() > 0
            && checked.addMSecs(options.codeListsInterval.count()) > now())
            return;
        const auto cached = store->cachedCodeLists();
        const RemoteReply reply = remote->codeLists(cached ? cached->etag : QString());
        if (reply.outcome == Outcome::Ok) {
            try {
                // Only a bundle the form can use replaces the one it has.
                domain::CodeLists::fromJson(
                    QJsonDocument::fromJson(reply.body).object(), reply.etag);
            } catch (const domain::DomainJsonError&) {
                return;
            }
            store->saveCodeLists(reply.body, reply.etag);
            report.codeListsUpdated = true;
        } else if (reply.outcome != Outcome::NotModified) {
            return;
        }
        store->setCodeListsCheckedAt(now());
    }

    void fillStatus(SyncReport& report) const
    {
        report.queued = int(store->outbox().size());
        report.conflicts = int(store->conflicts().size());
        report.rejectedRecords = store->count(RecordState::Rejected);
        report.lastSuccess = store->lastSuccessfulSync();
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

std::chrono::milliseconds SyncEngine::backoff(int attempts) const
{
    return d->backoff(attempts);
}

SyncReport SyncEngine::syncOnce()
{
    SyncReport report;
    try {
        if (d->push(report, *this) && d->pull(report)) {
            d->refreshCodeLists(report);
            if (report.deferred == 0 && report.error.isEmpty()) {
                report.completed = true;
                d->store->setLastSuccessfulSync(d->now());
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

void SyncEngine::keepMine(const QString& localId)
{
    const auto conflict = d->store->conflict(localId);
    if (!conflict)
        throw store::StoreError("sync: vacancy " + localId.toStdString() + " has no conflict");
    QHash<QString, Side> choices;
    for (const QString& field : conflict->fields)
        choices.insert(field, Side::Mine);
    resolvePerField(localId, choices);
}

void SyncEngine::keepServer(const QString& localId)
{
    const auto conflict = d->store->conflict(localId);
    if (!conflict)
        throw store::StoreError("sync: vacancy " + localId.toStdString() + " has no conflict");
    d->store->resolveConflict(localId, conflict->server);
    emit conflictsChanged(int(d->store->conflicts().size()));
}

void SyncEngine::resolvePerField(const QString& localId, const QHash<QString, Side>& choices)
{
    d->store->inTransaction([&] {
        const auto conflict = d->store->conflict(localId);
        if (!conflict)
            throw store::StoreError("sync: vacancy " + localId.toStdString() + " has no conflict");
        d->store->resolveConflict(
            localId, resolve(conflict->base, conflict->mine, conflict->server, choices));
    });
    emit conflictsChanged(int(d->store->conflicts().size()));
    emit queuedChanged(int(d->store->outbox().size()));
}

} // namespace core::sync
// The meta-object code in this object file, not in core's shared mocs_compilation.o: that one
// holds every Q_OBJECT of core (CardWatcher's too), and a program using SyncEngine would then have
// to link PC/SC just to start.
#include "core/sync/moc_sync_engine.cpp"
