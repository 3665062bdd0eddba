#include "server/opendata/opendata_routes.hpp"

#include "core/domain/domain_json_error.hpp"
#include "core/domain/vacancy_json.hpp"
#include "server/opendata/open_data_xml.hpp"
#include "server/reference/reference_routes.hpp"
#include "server/storage/sql.hpp"
#include "server/vacancies/vacancy_record.hpp"

#include <QJsonDocument>
#include <QLoggingCategory>

namespace server::opendata {

using http::HttpRequest;
using http::HttpResponse;

namespace {

Q_LOGGING_CATEGORY(lcOpenData, "shiqiuren.server.opendata")

QList<core::domain::Vacancy> publishedOn(const ServiceContext& context, const QDate& today)
{
    const QString day = today.toString(Qt::ISODate);
    QSqlQuery rows = storage::run(context.db,
        QStringLiteral("SELECT vacancy_id, body FROM vacancies WHERE state = :state "
                       "AND valid_from <= :d1 AND valid_to >= :d2 "
                       "ORDER BY valid_from DESC, vacancy_id"),
        { { "state", vacancies::stateName(vacancies::StoredState::Active) }, { "d1", day },
            { "d2", day } });
    QList<core::domain::Vacancy> list;
    while (rows.next()) {
        try {
            core::domain::Vacancy vacancy = core::domain::vacancyFromJson(
                QJsonDocument::fromJson(rows.value(1).toString().toUtf8()).object());
            vacancy.vacancyId = rows.value(0).toString();
            list.append(vacancy);
        } catch (const core::domain::DomainJsonError& error) {
            // One unreadable record must not take the whole public feed down.
            qCWarning(lcOpenData) << "skipping vacancy" << rows.value(0).toString() << ":"
                                  << error.what();
        }
    }
    return list;
}

HttpResponse feed(const ServiceContext& context, const HttpRequest& request)
{
    const QDate today = vacancies::todayInTaipei();
    const QByteArray xml = openDataXml(publishedOn(context, today), context.codes, today);
    const QByteArray etag = reference::strongEtag(xml);
    HttpResponse response;
    response.contentType = "application/xml; charset=utf-8";
    if (reference::ifNoneMatchHits(request, etag)) {
        response.status = 304;
        response.contentType.clear();
    } else {
        response.body = xml;
    }
    response.withHeader("ETag", etag).withHeader("Cache-Control", "no-cache");
    return response;
}

} // namespace

void addOpenDataRoutes(http::Router& router, const ServiceContext& context)
{
    router.add("GET", QStringLiteral("/api/v1/opendata/vacancies.xml"), http::Access::Public,
        [&context](HttpRequest& request) { return feed(context, request); });
}

} // namespace server::opendata
