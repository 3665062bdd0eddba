#include "server/vacancies/vacancy_routes.hpp"

#include "server/agencies/agency_scope.hpp"
#include "server/http/api_error.hpp"
#include "server/vacancies/change_feed.hpp"
#include "server/vacancies/query_params.hpp"
#include "server/vacancies/vacancy_batch.hpp"
#include "server/vacancies/vacancy_record.hpp"
#include "server/vacancies/vacancy_store.hpp"
#include "server/vacancies/vacancy_writes.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace server::vacancies {

using http::HttpRequest;
using http::HttpResponse;

namespace {

constexpr int maxPageSize = 100;
constexpr int maxPage = 1000000;
constexpr int maxFeedLimit = 500;
constexpr qsizetype maxSearchLength = 200;

HttpResponse listResponse(const ServiceContext& context, const HttpRequest& request)
{
    QueryParams params(request.query, { "scope", "id", "q", "page", "pageSize" });
    ListFilter filter;
    const QString scope = params.choice(QStringLiteral("scope"),
        { QStringLiteral("current"), QStringLiteral("history") }, QStringLiteral("current"));
    filter.scope = scope == QLatin1String("history") ? ListScope::History : ListScope::Current;
    filter.vacancyId = params.text(QStringLiteral("id"), 10).value_or(QString());
    if (!filter.vacancyId.isEmpty() && !isVacancyIdShape(filter.vacancyId))
        params.reject(QStringLiteral("id"), QStringLiteral("value"));
    filter.text = params.text(QStringLiteral("q"), maxSearchLength).value_or(QString());
    if (std::any_of(filter.text.begin(), filter.text.end(),
            [](QChar c) { return c.category() == QChar::Other_Control; }))
        params.reject(QStringLiteral("q"), QStringLiteral("value"));
    filter.page = params.integer(QStringLiteral("page"), 1, 1, maxPage);
    filter.pageSize = params.integer(QStringLiteral("pageSize"), 20, 1, maxPageSize);
    params.finish();

    const QDate today = todayInTaipei();
    const ListPage page = listVacancies(
        context.db, agencies::agencyScope(context.db, request.caller.agencyCode), filter, today);
    QJsonArray items;
    for (const StoredVacancy& row : page.items)
        items.append(recordJson(row, today));
    return HttpResponse::json(200,
        QJsonDocument(QJsonObject {
            { "items", items },
            { "page", filter.page },
            { "pageSize", filter.pageSize },
            { "total", page.total },
        }));
}

HttpResponse changesResponse(const ServiceContext& context, const HttpRequest& request)
{
    QueryParams params(request.query, { "since", "limit" });
    const std::optional<QString> since = params.text(QStringLiteral("since"), 200);
    const int limit = params.integer(QStringLiteral("limit"), 100, 1, maxFeedLimit);
    params.finish();
    qint64 afterSeq = 0;
    if (since) {
        const std::optional<qint64> decoded = decodeChangeCursor(*since);
        if (!decoded)
            throw http::ApiError(400, QStringLiteral("cursor-invalid"));
        afterSeq = *decoded;
    }
    return HttpResponse::json(200,
        QJsonDocument(
            changeFeedPage(context, agencies::agencyScope(context.db, request.caller.agencyCode),
                afterSeq, limit, todayInTaipei())));
}

} // namespace

void addVacancyRoutes(http::Router& router, const ServiceContext& context)
{
    using http::Access;
    const QString one = QStringLiteral("/api/v1/vacancies/{id}");
    router.add("GET", QStringLiteral("/api/v1/vacancies"), Access::Account,
        [&context](HttpRequest& request) { return listResponse(context, request); });
    router.add("POST", QStringLiteral("/api/v1/vacancies"), Access::CertificateWrite,
        [&context](HttpRequest& request) { return createVacancy(context, request); });
    router.add("POST", QStringLiteral("/api/v1/vacancy-batches"), Access::CertificateWrite,
        [&context](HttpRequest& request) { return createVacancyBatch(context, request); });
    router.add("GET", one, Access::Account, [&context](HttpRequest& request) {
        return recordResponse(200,
            requireVacancy(context, agencies::agencyScope(context.db, request.caller.agencyCode),
                request.param(QStringLiteral("id"))),
            todayInTaipei());
    });
    router.add("PUT", one, Access::CertificateWrite,
        [&context](HttpRequest& request) { return replaceVacancy(context, request); });
    router.add("DELETE", one, Access::CertificateWrite,
        [&context](HttpRequest& request) { return removeVacancy(context, request); });
    router.add("GET", QStringLiteral("/api/v1/changes"), Access::Account,
        [&context](HttpRequest& request) { return changesResponse(context, request); });
}

} // namespace server::vacancies
