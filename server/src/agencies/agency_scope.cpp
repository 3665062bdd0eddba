#include "server/agencies/agency_scope.hpp"

#include "server/storage/sql.hpp"

#include <QSet>

namespace server::agencies {

QStringList agencyScope(const QSqlDatabase& db, const QString& agencyCode)
{
    QStringList scope { agencyCode };
    QSet<QString> seen { agencyCode };
    QStringList level { agencyCode };
    // One query per level (a 部, its 署, their 分署): registers are shallow. `seen` stops a loop
    // in a register the seed check did not write.
    while (!level.isEmpty()) {
        QVariantMap binds;
        QSqlQuery rows = storage::run(db,
            QStringLiteral("SELECT code FROM agencies WHERE ")
                + inScope(QStringLiteral("parent"), level, binds)
                + QStringLiteral(" ORDER BY code"),
            binds);
        QStringList next;
        while (rows.next()) {
            const QString code = rows.value(0).toString();
            if (!seen.contains(code)) {
                seen.insert(code);
                next.append(code);
            }
        }
        scope += next;
        level = next;
    }
    return scope;
}

QString inScope(const QString& column, const QStringList& codes, QVariantMap& binds)
{
    QStringList names;
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const QString name = QStringLiteral("scope%1").arg(i);
        binds.insert(name, codes.at(i));
        names.append(u':' + name);
    }
    return column + QStringLiteral(" IN (") + names.join(QStringLiteral(", ")) + u')';
}

} // namespace server::agencies
