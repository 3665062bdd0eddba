#pragma once

#include "server/http/http_message.hpp"
#include "server/service_context.hpp"

#include <QJsonObject>
#include <QString>

namespace server::applications {

/// Appends one audit_log row (id from the "audit" counter, now, the caller's log name and
/// agency). Runs inside the caller's transaction, so the row and what it records stand or fall
/// together. `detail` must never hold a full ID number, a token or a password.
void writeAudit(const ServiceContext& context, const http::Principal& actor, const QString& action,
    const QString& target, const QJsonObject& detail);

} // namespace server::applications
