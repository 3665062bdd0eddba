#include "sync/push.hpp"

#include "sync/merge_into.hpp"

#include <algorithm>

namespace core::sync::detail {

using domain::Vacancy;
using store::LocalVacancy;
using store::OperationKind;
using store::OutboxEntry;
using Outcome = RemoteReply::Outcome;

Push::Push(store::LocalStore& store, Remote& remote, const SyncOptions& options, Events events)
    : store_(store)
    , remote_(remote)
    , options_(options)
    , events_(std::move(events))
{ }

bool Push::run(SyncReport& report)
{
    total_ = store_.outbox().size();
    done_ = 0;
    const int depth = std::max(
        1, options_.createBatchSize > 1 ? options_.createBatchSize : options_.pipelineDepth);
    for (;;) {
        const QList<OutboxEntry> due = store_.outbox().due(currentTime(options_), skip_, depth);
        if (due.isEmpty())
            return true;
        QList<OutboxEntry> creates;
        for (const OutboxEntry& entry : due) {
            if (entry.kind == OperationKind::Create)
                creates.append(entry);
        }
        const bool goOn
            = creates.size() > 1 ? sendCreates(creates, report) : sendOne(due.first(), report);
        if (!goOn)
            return false;
    }
}

bool Push::sendOne(const OutboxEntry& entry, SyncReport& report)
{
    const auto record = store_.records().find(entry.localId);
    if (!record || (entry.kind != OperationKind::Create && record->serverId.isEmpty())) {
        // Gone, or nothing on the server to address (cannot happen with the store's rules).
        skip_.insert(entry.localId);
        return true;
    }
    store_.outbox().beginAttempt(entry.sequence);
    RemoteReply reply;
    switch (entry.kind) {
    case OperationKind::Create:
        reply = remote_.create(entry.body, entry.operationId);
        break;
    case OperationKind::Update:
        reply = remote_.update(record->serverId, entry.body, record->etag);
        break;
    case OperationKind::Delete:
        reply = remote_.remove(record->serverId, record->etag);
        break;
    }
    return settle(entry, *record, reply, report);
}

bool Push::sendCreates(const QList<OutboxEntry>& entries, SyncReport& report)
{
    // Every try is on disk before its request goes out, as on the one-by-one path.
    QList<OutboxEntry> sending;
    QList<LocalVacancy> records;
    store_.inTransaction([&] {
        for (const OutboxEntry& entry : entries) {
            const auto record = store_.records().find(entry.localId);
            if (!record) {
                skip_.insert(entry.localId);
                continue;
            }
            store_.outbox().beginAttempt(entry.sequence);
            sending.append(entry);
            records.append(*record);
        }
    });
    QList<RemoteCreate> calls;
    for (const OutboxEntry& entry : sending)
        calls.append({ entry.body, entry.operationId });
    QList<RemoteReply> replies;
    if (options_.createBatchSize > 1)
        replies = remote_.createBatch(calls);
    else if (!calls.isEmpty())
        replies = remote_.createAll(calls);
    bool goOn = true;
    // A crash before this commits loses only acknowledgements: the same bytes go again under
    // the same keys, and the server answers what it stored.
    store_.inTransaction([&] {
        for (qsizetype i = 0; i < sending.size(); ++i) {
            const RemoteReply reply = i < replies.size() ? replies[i] : RemoteReply {};
            goOn = settle(sending[i], records[i], reply, report) && goOn;
        }
    });
    return goOn;
}

void Push::defer(const OutboxEntry& entry, const RemoteReply& reply, SyncReport& report)
{
    std::chrono::milliseconds delay = retryDelay(entry.attempts + 1, options_);
    if (reply.retryAfterSeconds)
        delay = std::max(delay, std::chrono::milliseconds(qint64(*reply.retryAfterSeconds) * 1000));
    store_.outbox().deferOperation(
        entry.sequence, currentTime(options_).addMSecs(delay.count()), reply.describe());
    ++report.deferred;
}

bool Push::settle(
    const OutboxEntry& entry, const LocalVacancy& record, RemoteReply reply, SyncReport& report)
{
    const bool wantsRecord
        = entry.kind != OperationKind::Delete || reply.outcome == Outcome::PreconditionFailed;
    if ((reply.outcome == Outcome::Ok || reply.outcome == Outcome::PreconditionFailed)
        && wantsRecord && !reply.record) {
        reply.outcome = Outcome::Retry; // an answer without its record: try again
        reply.errorCode = QStringLiteral("no-record");
    }

    switch (reply.outcome) {
    case Outcome::Ok:
        if (entry.kind == OperationKind::Delete)
            store_.outbox().acknowledgeDelete(
                entry.sequence, reply.httpStatus == 200 ? reply.record : std::nullopt, reply.etag);
        else
            store_.outbox().acknowledge(
                entry.sequence, *reply.record, reply.etag, reply.rejectionReason);
        ++report.sent;
        if (events_.sent)
            events_.sent(report.sent);
        break;
    case Outcome::PreconditionFailed:
        settlePreconditionFailed(entry, record, reply, report);
        break;
    case Outcome::NotFound:
        if (entry.kind == OperationKind::Create) {
            store_.outbox().reject(entry.sequence, reply.errorCode, reply.fields);
            ++report.rejected;
        } else {
            // The server no longer has it: as a tombstone from the feed would say.
            store_.syncState().applyServerTombstone(record.serverId, {}, std::nullopt);
        }
        break;
    case Outcome::Refused:
    case Outcome::NotModified: {
        QList<domain::FieldMessage> messages = reply.fields;
        if (messages.isEmpty() && !reply.message.isEmpty())
            messages.append({ QString(), reply.message });
        store_.outbox().reject(entry.sequence, reply.errorCode, messages);
        ++report.rejected;
        break;
    }
    case Outcome::NeedsLogin:
        // Not the record's fault: no backoff, it goes first after the login.
        store_.outbox().deferOperation(entry.sequence, {}, reply.describe());
        report.needsLogin = true;
        report.loginReason = reply.errorCode;
        return false;
    case Outcome::Retry:
        defer(entry, reply, report);
        skip_.insert(entry.localId);
        break;
    }
    ++done_;
    if (events_.progress)
        events_.progress(done_, std::max(total_, done_));
    return true;
}

bool Push::settlePreconditionFailed(const OutboxEntry& entry, const LocalVacancy& record,
    const RemoteReply& reply, SyncReport& report)
{
    if (++resends_[entry.localId] > options_.maxResendsPerRun) {
        defer(entry, reply, report);
        skip_.insert(entry.localId);
        return true;
    }
    if (entry.kind == OperationKind::Delete) {
        if (reply.record->status == domain::VacancyStatus::Withdrawn) {
            store_.outbox().acknowledgeDelete(entry.sequence, reply.record, reply.etag);
            ++report.sent;
        } else if (!record.base || sameContent(*record.base, *reply.record)) {
            // Only the server's own fields moved (the status by date): the clerk deleted what
            // is there, so the delete goes again on this version.
            store_.outbox().rebase(entry.localId, *reply.record, reply.etag, *reply.record,
                std::nullopt, reply.rejectionReason);
        } else {
            // Someone else changed it since the clerk last saw it. Deleting now would throw
            // their edit away unseen (what If-Match is for): the record comes back as the
            // server has it, and the clerk decides again. Only the code is kept: the form
            // says why in the clerk's language.
            store_.inTransaction([&] {
                store_.outbox().reject(entry.sequence, QLatin1String(vacancyChangedCode), {});
                store_.outbox().rebase(entry.localId, *reply.record, reply.etag, *reply.record,
                    std::nullopt, reply.rejectionReason);
            });
            ++report.rejected;
        }
        return true;
    }
    switch (mergeInto(store_, entry.localId, *reply.record, reply.etag, entry.sequence,
        currentTime(options_), reply.rejectionReason)) {
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
    return true;
}

} // namespace core::sync::detail
