#include "server/applications/application_routes.hpp"

#include "core/domain/vacancy_json.hpp"
#include "server/agencies/agency_scope.hpp"
#include "server/applications/resume_filter.hpp"
#include "server/audit/audit_log.hpp"
#include "server/http/api_error.hpp"
#include "server/storage/sql.hpp"
#include "server/vacancies/query_params.hpp"
#include "server/vacancies/vacancy_record.hpp"
#include "server/vacancies/vacancy_store.hpp"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace server::applications {

using http::ApiError;
using http::HttpRequest;
using http::HttpResponse;

namespace {

constexpr int defaultPageSize = 20;
constexpr int maxPageSize = 100;
constexpr int maxPage = 1000000;

struct Paging {
    int page = 1;
    int pageSize = defaultPageSize;
    int offset() const { return (page - 1) * pageSize; }
};

/// `page` ≥ 1 and `pageSize` 1..100, read like the vacancy list's (400 request-invalid).
Paging paging(vacancies::QueryParams& params)
{
    Paging result;
    result.page = params.integer(QStringLiteral("page"), 1, 1, maxPage);
    result.pageSize = params.integer(QStringLiteral("pageSize"), defaultPageSize, 1, maxPageSize);
    return result;
}

Paging paging(const HttpRequest& request)
{
    vacancies::QueryParams params(request.query, { "page", "pageSize" });
    const Paging result = paging(params);
    params.finish();
    return result;
}

QJsonObject pageBody(QJsonObject body, const Paging& paging, qint64 total)
{
    body.insert("page", paging.page);
    body.insert("pageSize", paging.pageSize);
    body.insert("total", total);
    return body;
}

/// The vacancy `id` of the caller's agency or one of its units, or 404 — the same answer for
/// another agency's, an unknown and a deleted one, so nobody learns another agency's ids.
core::domain::Vacancy ownVacancy(const ServiceContext& context, const HttpRequest& request)
{
    const std::optional<vacancies::StoredVacancy> stored = vacancies::findVacancy(context.db,
        agencies::agencyScope(context.db, request.caller.agencyCode),
        request.param(QStringLiteral("id")));
    if (!stored || stored->state == vacancies::StoredState::Deleted)
        throw ApiError(404, QStringLiteral("not-found"));
    core::domain::Vacancy vacancy = stored->vacancy;
    vacancy.vacancyId = stored->vacancyId;
    vacancy.agencyCode = stored->agencyCode;
    return vacancy;
}

bool usesResumeAccess(const core::domain::Vacancy& vacancy)
{
    return vacancy.resumeAccess.enabled
        && vacancy.vacancyClass != core::domain::VacancyClass::NoResumeAccess;
}

HttpResponse readApplications(const ServiceContext& context, HttpRequest& request)
{
    const Paging page = paging(request);
    const core::domain::Vacancy vacancy = ownVacancy(context, request);
    // A vacancy without 調閱履歷 is refused rather than answered with an empty list: "nobody
    // applied" and "you may not read them" must not look the same to the clerk.
    if (!usesResumeAccess(vacancy))
        throw ApiError(403, QStringLiteral("resume-access-disabled"));
    const QStringList sections = allowedSections(vacancy.resumeAccess);

    const qint64 total = storage::scalar(context.db,
        QStringLiteral("SELECT COUNT(*) FROM applications WHERE vacancy_id = :v"),
        { { "v", vacancy.vacancyId } })
                             .toLongLong();
    QSqlQuery rows = storage::run(context.db,
        QStringLiteral("SELECT a.id, a.name, a.resume, p.applied_on FROM applications p "
                       "JOIN applicants a ON a.id = p.applicant_id WHERE p.vacancy_id = :v "
                       "ORDER BY p.applied_on, a.id LIMIT :limit OFFSET :offset"),
        { { "v", vacancy.vacancyId }, { "limit", page.pageSize }, { "offset", page.offset() } });
    QJsonArray items;
    QJsonArray applicantIds;
    while (rows.next()) {
        const QJsonObject resume
            = QJsonDocument::fromJson(rows.value(2).toString().toUtf8()).object();
        items.append(QJsonObject {
            { "id", rows.value(0).toString() },
            { "name", rows.value(1).toString() },
            { "appliedOn", rows.value(3).toString() },
            { "resume", filterResume(resume, vacancy.resumeAccess) },
        });
        applicantIds.append(rows.value(0).toString());
    }
    rows.finish();
    // The audit row is written before anything is answered: no row, no résumés. Its own short
    // transaction (counter + insert), so the reads above never upgrade to a write lock.
    // The row belongs to the trail of the vacancy's agency, like the vacancy's writes.
    audit::AuditEntry entry
        = audit::callerEntry(request, QStringLiteral("applications.read"), vacancy.vacancyId,
            QJsonObject {
                { "applicants", items.size() },
                { "applicantIds", applicantIds },
                { "sections", QJsonArray::fromStringList(sections) },
                { "page", page.page },
                { "total", total },
            });
    entry.agencyCode = vacancy.agencyCode;
    storage::Transaction transaction(context.db);
    audit::writeAudit(context, entry);
    transaction.commit();

    return HttpResponse::json(200,
        QJsonDocument(pageBody(
            QJsonObject {
                { "vacancyId", vacancy.vacancyId },
                { "resumeAccess", core::domain::toJson(vacancy).value("resumeAccess") },
                { "sections", QJsonArray::fromStringList(sections) },
                { "items", items },
            },
            page, total)));
}

HttpResponse readAudit(const ServiceContext& context, HttpRequest& request)
{
    vacancies::QueryParams params(request.query, { "page", "pageSize", "action" });
    const Paging page = paging(params);
    // One kind of entry (e.g. applications.read), or all of them.
    const std::optional<QString> action = params.text(QStringLiteral("action"), 64);
    params.finish();
    // The trails of the caller's agency and of its units.
    QVariantMap bindings;
    QString where = QStringLiteral("WHERE ")
        + agencies::inScope(QStringLiteral("agency_code"),
            agencies::agencyScope(context.db, request.caller.agencyCode), bindings)
        + u' ';
    if (action) {
        where += QStringLiteral("AND action = :action ");
        bindings.insert("action", *action);
    }
    const qint64 total = storage::scalar(
        context.db, QStringLiteral("SELECT COUNT(*) FROM audit_log ") + where, bindings)
                             .toLongLong();
    bindings.insert("limit", page.pageSize);
    bindings.insert("offset", page.offset());
    QSqlQuery rows = storage::run(context.db,
        QStringLiteral("SELECT id, at, actor, action, target, detail, remote, holder "
                       "FROM audit_log ")
            + where + QStringLiteral("ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset"),
        bindings);
    QJsonArray items;
    while (rows.next())
        items.append(QJsonObject {
            { "id", rows.value(0).toLongLong() },
            { "at",
                QDateTime::fromMSecsSinceEpoch(rows.value(1).toLongLong(), Qt::UTC)
                    .toString(Qt::ISODateWithMs) },
            { "actor", rows.value(2).toString() },
            { "action", rows.value(3).toString() },
            { "target", rows.value(4).toString() },
            { "detail", QJsonDocument::fromJson(rows.value(5).toString().toUtf8()).object() },
            { "remoteAddress", rows.value(6).toString() },
            { "cardHolder", rows.value(7).toString() },
        });
    return HttpResponse::json(
        200, QJsonDocument(pageBody(QJsonObject { { "items", items } }, page, total)));
}

} // namespace

void addApplicationRoutes(http::Router& router, const ServiceContext& context)
{
    using http::Access;
    router.add("GET", QStringLiteral("/api/v1/vacancies/{id}/applications"), Access::Account,
        [&context](HttpRequest& request) { return readApplications(context, request); });
    router.add("GET", QStringLiteral("/api/v1/audit"), Access::Account,
        [&context](HttpRequest& request) { return readAudit(context, request); });
}

} // namespace server::applications
