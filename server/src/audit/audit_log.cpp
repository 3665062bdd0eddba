#include "server/audit/audit_log.hpp"

#include "server/storage/sql.hpp"

#include <QJsonDocument>

namespace server::audit {

namespace {

/// Qt binds a null QString as SQL NULL; the columns want text, empty when there is none.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

void writeAudit(const ServiceContext& context, const AuditEntry& entry)
{
    storage::run(context.db,
        QStringLiteral("INSERT INTO audit_log (id, at, actor, agency_code, action, target, "
                       "detail, remote, holder) "
                       "VALUES (:id, :at, :actor, :agency, :action, :target, :detail, :remote, "
                       ":holder)"),
        {
            { "id", storage::nextCounter(context.db, QStringLiteral("audit")) },
            { "at", storage::nowMillis() },
            { "actor", entry.actor.isEmpty() ? QStringLiteral("-") : entry.actor },
            { "agency", text(entry.agencyCode) },
            { "action", text(entry.action) },
            { "target", text(entry.target) },
            { "detail",
                QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Compact)) },
            { "remote", text(entry.remote) },
            { "holder", text(entry.holder) },
        });
}

QString remoteAddress(const http::HttpRequest& request)
{
    bool mapped = false;
    const quint32 v4 = request.remote.toIPv4Address(&mapped);
    return mapped ? QHostAddress(v4).toString() : request.remote.toString();
}

AuditEntry callerEntry(const http::HttpRequest& request, const QString& action,
    const QString& target, const QJsonObject& detail)
{
    AuditEntry entry;
    entry.actor = request.caller.logName();
    entry.agencyCode = request.caller.agencyCode;
    entry.holder = request.caller.holder;
    entry.action = action;
    entry.target = target;
    entry.detail = detail;
    entry.remote = remoteAddress(request);
    return entry;
}

} // namespace server::audit
