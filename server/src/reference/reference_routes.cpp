#include "server/reference/reference_routes.hpp"

#include "server/http/api_error.hpp"
#include "server/storage/sql.hpp"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace server::reference {

using http::HttpRequest;
using http::HttpResponse;

namespace {

// The lists the client ships with are the ones the reference server serves: core's resources.
QJsonObject builtinList(const QString& file)
{
    QFile resource(QStringLiteral(":/codes/") + file);
    if (!resource.open(QIODevice::ReadOnly))
        throw std::runtime_error("code list resource missing: " + file.toStdString());
    return QJsonDocument::fromJson(resource.readAll()).object();
}

const QList<QPair<QString, QString>>& lists()
{
    static const QList<QPair<QString, QString>> names {
        { "person-kinds", "person-kinds.json" },
        { "series", "series.json" },
        { "workplaces", "workplaces.json" },
        { "grades", "grades.json" },
        { "titles", "common-titles.json" },
    };
    return names;
}

/// The register: with each agency's address and the agency it belongs to, so the client's form
/// offers "my agency and its units" and fills the address from its cached copy, offline too.
QJsonObject agencies(const ServiceContext& context)
{
    QJsonArray items;
    QSqlQuery rows = storage::run(context.db,
        QStringLiteral("SELECT code, name, address, parent FROM agencies ORDER BY code"));
    while (rows.next()) {
        QJsonObject item {
            { "code", rows.value(0).toString() },
            { "name", rows.value(1).toString() },
            { "address", rows.value(2).toString() },
        };
        if (!rows.value(3).isNull())
            item.insert("parent", rows.value(3).toString());
        items.append(item);
    }
    return QJsonObject { { "items", items } };
}

QJsonObject bundle(const ServiceContext& context)
{
    return QJsonObject {
        { "personKinds", builtinList("person-kinds.json") },
        { "series", builtinList("series.json") },
        { "workplaces", builtinList("workplaces.json") },
        { "grades", builtinList("grades.json") },
        { "titles", builtinList("common-titles.json") },
        { "agencies", agencies(context) },
    };
}

HttpResponse cacheable(const HttpRequest& request, const QJsonObject& body)
{
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QByteArray etag = strongEtag(bytes);
    HttpResponse response;
    if (ifNoneMatchHits(request, etag)) {
        response.status = 304;
        response.contentType.clear();
    } else {
        response.body = bytes;
    }
    response.withHeader("ETag", etag).withHeader("Cache-Control", "no-cache");
    return response;
}

HttpResponse health(const ServiceContext& context)
{
    bool databaseOk = false;
    try {
        databaseOk = storage::scalar(context.db, QStringLiteral("SELECT 1")).toInt() == 1;
    } catch (const storage::StorageError&) { }
    HttpResponse response = HttpResponse::json(databaseOk ? 200 : 503,
        QJsonDocument(QJsonObject {
            { "status", databaseOk ? "ok" : "degraded" },
            { "database", databaseOk ? "ok" : "unreachable" },
        }));
    // The Date header (RFC 9110) lets the client's environment check see a wrong clock.
    response.withHeader("Date",
        QLocale::c()
                .toString(
                    QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
                .toLatin1()
            + " GMT");
    return response;
}

} // namespace

QByteArray strongEtag(const QByteArray& body)
{
    return '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().left(32) + '"';
}

bool ifNoneMatchHits(const HttpRequest& request, const QByteArray& etag)
{
    const QByteArray header = request.header("if-none-match");
    if (header.trimmed() == "*")
        return true;
    for (const QByteArray& candidate : header.split(','))
        if (candidate.trimmed() == etag || candidate.trimmed() == "W/" + etag)
            return true;
    return false;
}

void addReferenceRoutes(http::Router& router, const ServiceContext& context)
{
    using http::Access;
    router.add("GET", QStringLiteral("/api/v1/reference"), Access::Public,
        [&context](HttpRequest& request) { return cacheable(request, bundle(context)); });
    router.add("GET", QStringLiteral("/api/v1/reference/{list}"), Access::Public,
        [&context](HttpRequest& request) {
            const QString name = request.param(QStringLiteral("list"));
            if (name == QLatin1String("agencies"))
                return cacheable(request, agencies(context));
            for (const auto& [list, file] : lists())
                if (list == name)
                    return cacheable(request, builtinList(file));
            throw http::ApiError(404, QStringLiteral("not-found"));
        });
    router.add("GET", QStringLiteral("/api/v1/health"), Access::Public,
        [&context](HttpRequest&) { return health(context); });
}

} // namespace server::reference
