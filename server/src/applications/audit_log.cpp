#include "server/applications/audit_log.hpp"

#include "server/storage/sql.hpp"

#include <QJsonDocument>

namespace server::applications {

void writeAudit(const ServiceContext& context, const http::Principal& actor, const QString& action,
    const QString& target, const QJsonObject& detail)
{
    storage::run(context.db,
        QStringLiteral("INSERT INTO audit_log (id, at, actor, agency_code, action, target, detail) "
                       "VALUES (:id, :at, :actor, :agency, :action, :target, :detail)"),
        {
            { "id", storage::nextCounter(context.db, QStringLiteral("audit")) },
            { "at", storage::nowMillis() },
            { "actor", actor.logName() },
            { "agency", actor.agencyCode },
            { "action", action },
            { "target", target },
            { "detail", QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)) },
        });
}

} // namespace server::applications
