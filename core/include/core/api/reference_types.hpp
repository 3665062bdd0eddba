#pragma once

#include "core/domain/code_lists.hpp"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace core::api {

/// `GET /reference`: either the copy the caller has is current (304), or the new bundle.
struct CodeListsOutcome {
    bool notModified = false;
    std::optional<core::domain::CodeLists> lists; ///< parsed, with its ETag; absent when 304
    QJsonObject bundle; ///< the bundle as sent (to cache it); empty when 304
    QString etag; ///< the current ETag (also on a 304)
};

/// `GET /health`: both 200 (`ok`) and 503 (`degraded`, the database does not answer) are
/// answers here, not failures.
struct Health {
    bool ok = false; ///< status `ok`
    QString status; ///< `ok` or `degraded`
    QString database; ///< `ok` or `unreachable`
    /// The server's clock from the answer's Date header (UTC, whole seconds); absent when the
    /// server sent none (the environment check compares it with the local clock).
    std::optional<QDateTime> serverTime;
};

} // namespace core::api
