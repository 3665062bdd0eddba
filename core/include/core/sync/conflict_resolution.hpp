#pragma once

#include "core/sync/merge.hpp"

#include <QHash>
#include <QString>

namespace core::store {
class LocalStore;
}

namespace core::sync {

// The clerk's decisions on a record in Conflict, written to the store at once (one
// transaction each); the next sync sends what they queue. Each throws store::StoreError when
// the record has no conflict.

/// Every conflicting field takes my value; the fields only the server changed keep the
/// server's. One update is queued.
void keepMine(store::LocalStore& store, const QString& localId);
/// The server's version as it is; my edits of this record go, nothing is queued.
void keepServer(store::LocalStore& store, const QString& localId);
/// Each conflicting field as chosen (a field not named keeps the server's value); the fields
/// only one side changed merged. One update is queued.
void resolvePerField(
    store::LocalStore& store, const QString& localId, const QHash<QString, Side>& choices);

} // namespace core::sync
