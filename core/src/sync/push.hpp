#pragma once

#include "core/store/local_store.hpp"
#include "core/sync/remote.hpp"
#include "core/sync/sync_engine.hpp"

#include <QHash>
#include <QSet>
#include <functional>

namespace core::sync::detail {

/// One run's push: the outbox oldest first, each record's rows in order. Queued creates go
/// out `createBatchSize` (or `pipelineDepth`) at a time: their tries are written in one
/// transaction, then the creates go as batch requests (`Remote::createBatch`) or, without
/// batches, as requests on the wire together, and the answers are written in one transaction.
/// Anything else goes on its own, as does everything with a depth of 1 and no batches.
class Push {
public:
    struct Events {
        std::function<void(int sent)> sent;
        std::function<void(int done, int total)> progress;
    };

    Push(store::LocalStore& store, Remote& remote, const SyncOptions& options, Events events);

    /// False when the run must stop (a login is needed).
    bool run(SyncReport& report);

private:
    bool sendOne(const store::OutboxEntry& entry, SyncReport& report);
    bool sendCreates(const QList<store::OutboxEntry>& entries, SyncReport& report);
    /// What the server's answer does to the row and its record. False when a login is needed.
    bool settle(const store::OutboxEntry& entry, const store::LocalVacancy& record,
        RemoteReply reply, SyncReport& report);
    bool settlePreconditionFailed(const store::OutboxEntry& entry,
        const store::LocalVacancy& record, const RemoteReply& reply, SyncReport& report);
    /// The try failed in a way worth retrying: the next time, honouring Retry-After.
    void defer(const store::OutboxEntry& entry, const RemoteReply& reply, SyncReport& report);

    store::LocalStore& store_;
    Remote& remote_;
    const SyncOptions& options_;
    Events events_;
    QSet<QString> skip_; ///< records done with for this run
    QHash<QString, int> resends_;
    int total_ = 0;
    int done_ = 0;
};

} // namespace core::sync::detail
