#pragma once

#include "core/domain/vacancy.hpp"

#include <QDateTime>
#include <QString>
#include <optional>

namespace core::store {
class LocalStore;
}

namespace core::sync::detail {

enum class Merged { Rebased, Conflict, AlreadyThere };

/// The server's version `server` (tag `etag`) meets a record with local edits: merged into its
/// data and its queued body against its base, or a conflict recorded (detected `now`). When
/// `answeredSequence` is the outbox row the server just answered 412 to and the server already
/// has exactly what it carries (an earlier try went through, its answer was lost), that row is
/// acknowledged instead. One transaction. `rejectionReason`: the service's reason when `server`
/// is 審核未通過.
Merged mergeInto(store::LocalStore& store, const QString& localId, const domain::Vacancy& server,
    const QString& etag, std::optional<qint64> answeredSequence, const QDateTime& now,
    const QString& rejectionReason);

} // namespace core::sync::detail
