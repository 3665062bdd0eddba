#pragma once

#include "server/http/http_message.hpp"
#include "server/service_context.hpp"

#include <QJsonObject>
#include <QString>

namespace server::audit {

/// One row of the audit trail (`audit_log`). `detail` must never hold a full ID number, a token
/// or a password.
struct AuditEntry {
    QString actor; ///< a log name (Principal::logName), or "-" when nobody is known
    QString agencyCode; ///< whose trail the row belongs to; empty: the database's alone
    QString holder; ///< the card behind an agency-card session: "name (serial HEX)"
    QString action; ///< "login.card", "vacancy.create", … (docs/server.md lists them)
    QString target; ///< what was acted on: a vacancy id, an account, or empty
    QJsonObject detail;
    QString remote; ///< the client's address as the server saw it
};

/// Appends `entry` (id from the "audit" counter, now). Runs inside the caller's transaction when
/// there is one, so the row and what it records stand or fall together.
void writeAudit(const ServiceContext& context, const AuditEntry& entry);

/// What `request.caller` did, from `request.remote`.
AuditEntry callerEntry(const http::HttpRequest& request, const QString& action,
    const QString& target, const QJsonObject& detail = {});

/// The client's address without the IPv4-mapped IPv6 prefix.
QString remoteAddress(const http::HttpRequest& request);

} // namespace server::audit
