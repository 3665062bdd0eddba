#include "core/sync/conflict_resolution.hpp"

#include "core/store/local_store.hpp"

namespace core::sync {

namespace {

store::ConflictRecord conflictOf(const store::LocalStore& store, const QString& localId)
{
    const auto conflict = store.syncState().conflict(localId);
    if (!conflict)
        throw store::StoreError("sync: vacancy " + localId.toStdString() + " has no conflict");
    return *conflict;
}

} // namespace

void keepMine(store::LocalStore& store, const QString& localId)
{
    QHash<QString, Side> choices;
    for (const QString& field : conflictOf(store, localId).fields)
        choices.insert(field, Side::Mine);
    resolvePerField(store, localId, choices);
}

void keepServer(store::LocalStore& store, const QString& localId)
{
    store.inTransaction(
        [&] { store.syncState().resolveConflict(localId, conflictOf(store, localId).server); });
}

void resolvePerField(
    store::LocalStore& store, const QString& localId, const QHash<QString, Side>& choices)
{
    store.inTransaction([&] {
        const store::ConflictRecord c = conflictOf(store, localId);
        store.syncState().resolveConflict(localId, resolve(c.base, c.mine, c.server, choices));
    });
}

} // namespace core::sync
