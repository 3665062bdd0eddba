#include "sync/merge_into.hpp"

#include "core/store/local_store.hpp"
#include "core/sync/merge.hpp"

namespace core::sync::detail {

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

Merged mergeInto(store::LocalStore& store, const QString& localId, const domain::Vacancy& server,
    const QString& etag, std::optional<qint64> answeredSequence, const QDateTime& now,
    const QString& rejectionReason)
{
    Merged outcome = Merged::Rebased;
    store.inTransaction([&] {
        const store::LocalVacancy r = *store.records().find(localId);
        const domain::Vacancy base = r.base.value_or(server);
        const auto queued = store.records().queuedData(localId);
        const MergeResult data = merge(base, r.data, server);
        std::optional<MergeResult> body;
        if (queued)
            body = merge(base, *queued, server);
        const QStringList fields = united(data.conflicts, body ? body->conflicts : QStringList {});
        if (!fields.isEmpty()) {
            store.syncState().recordConflict({ localId, r.data, server, base, etag, fields, now });
            outcome = Merged::Conflict;
            return;
        }
        // The server has exactly what we are sending (our earlier try went through, its answer
        // was lost): acknowledge instead of writing it again.
        if (answeredSequence && r.state == store::RecordState::Pending && r.queuedOperations == 1
            && body && sameContent(body->merged, server)) {
            store.outbox().acknowledge(*answeredSequence, server, etag, rejectionReason);
            outcome = Merged::AlreadyThere;
            return;
        }
        store.outbox().rebase(
            localId, server, etag, body ? body->merged : data.merged, data.merged, rejectionReason);
    });
    return outcome;
}

} // namespace core::sync::detail
