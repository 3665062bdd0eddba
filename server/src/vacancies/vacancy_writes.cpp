#include "server/vacancies/vacancy_writes.hpp"

#include "server/agencies/agency_scope.hpp"
#include "server/audit/audit_log.hpp"
#include "server/http/api_error.hpp"
#include "server/storage/sql.hpp"
#include "server/vacancies/idempotency.hpp"
#include "server/vacancies/vacancy_input.hpp"
#include "server/vacancies/vacancy_store.hpp"

#include <QJsonDocument>
#include <QJsonObject>

namespace server::vacancies {

using core::domain::FieldMessage;
using core::domain::VacancyStatus;
using http::ApiError;
using http::HttpRequest;
using http::HttpResponse;

namespace {

QByteArray locationOf(const QString& vacancyId)
{
    return "/api/v1/vacancies/" + vacancyId.toLatin1();
}

/// The entity tags of `If-Match`; 428 precondition-required without one. `*` is refused as
/// well: it would let a client overwrite a version it never saw.
QStringList requiredIfMatch(const HttpRequest& request)
{
    QStringList tags;
    for (const QByteArray& part : request.header("if-match").split(',')) {
        const QString tag = QString::fromLatin1(part.trimmed());
        if (!tag.isEmpty())
            tags.append(tag);
    }
    if (tags.isEmpty() || tags.contains(QStringLiteral("*")))
        throw ApiError(428, QStringLiteral("precondition-required"));
    return tags;
}

ApiError preconditionFailed(const StoredVacancy& current, const QDate& today)
{
    return ApiError(412, QStringLiteral("precondition-failed"))
        .withBody(QStringLiteral("current"), recordJson(current, today))
        .withHeader("ETag", current.etag.toLatin1());
}

/// If-Match compares strongly: a weak tag (W/"…") never matches.
void checkVersion(const StoredVacancy& current, const QStringList& tags, const QDate& today)
{
    if (!tags.contains(current.etag))
        throw preconditionFailed(current, today);
}

void checkOpen(const StoredVacancy& current, const QDate& today)
{
    const VacancyStatus status = statusOn(current.state, current.vacancy, today);
    if (status == VacancyStatus::Ended || status == VacancyStatus::Withdrawn)
        throw ApiError(409, QStringLiteral("vacancy-closed"));
}

/// Writes `next` over the version `expectedEtag` with its audit row, or answers for the writer
/// that came first: 404 when the vacancy is gone, else 412 with the version now stored.
void writeOver(const ServiceContext& context, StoredVacancy& next, const QString& expectedEtag,
    const QDate& today, const audit::AuditEntry& audit)
{
    {
        storage::Transaction transaction(context.db);
        if (updateVacancy(context.db, next, expectedEtag)) {
            audit::writeAudit(context, audit);
            transaction.commit();
            return;
        }
    } // rolled back: the change number taken is not used
    throw preconditionFailed(
        requireVacancy(context, QStringList { next.agencyCode }, next.vacancyId), today);
}

/// A vacancy write belongs to the trail of the vacancy's agency: a unit's clerk sees what the
/// parent's clerk did to the unit's vacancies, and the parent sees it through its scope.
audit::AuditEntry vacancyEntry(const HttpRequest& request, const StoredVacancy& row,
    const QString& action, const QString& target, const QJsonObject& detail = {})
{
    audit::AuditEntry entry = audit::callerEntry(request, action, target, detail);
    entry.agencyCode = row.agencyCode;
    return entry;
}

HttpResponse replayed(const StoredResponse& stored)
{
    HttpResponse response;
    response.status = stored.status;
    response.body = stored.body;
    response.withHeader("Idempotent-Replayed", "true");
    const QJsonObject record = QJsonDocument::fromJson(stored.body).object();
    if (record.value("etag").isString())
        response.withHeader("ETag", record.value("etag").toString().toLatin1());
    if (stored.status == 201 && record.value("vacancyId").isString())
        response.withHeader("Location", locationOf(record.value("vacancyId").toString()));
    return response;
}

HttpResponse createReserved(const ServiceContext& context, const HttpRequest& request,
    const IdempotencyReservation& reservation)
{
    storage::Transaction transaction(context.db);
    HttpResponse response = createUnderKey(context, request, reservation);
    transaction.commit();
    return response;
}

} // namespace

HttpResponse createUnderKey(const ServiceContext& context, const HttpRequest& request,
    const IdempotencyReservation& reservation)
{
    core::domain::Vacancy vacancy = readVacancyBody(context, request);
    const QDate today = todayInTaipei();
    QList<FieldMessage> problems = adoptAgency(
        context, vacancy, agencies::agencyScope(context.db, request.caller.agencyCode));
    problems += validationProblems(context, vacancy, today, true);
    if (!problems.isEmpty())
        throw validationFailed(problems);

    StoredVacancy row;
    row.vacancyId = nextVacancyId(context.db, today);
    row.agencyCode = vacancy.agencyCode;
    row.vacancy = vacancy;
    row.state = StoredState::Active;
    row.createdAt = storage::nowMillis();
    insertVacancy(context.db, row);
    HttpResponse response = recordResponse(201, row, today);
    response.withHeader("Location", locationOf(row.vacancyId));
    // The answer is stored with the vacancy, atomically: a crash leaves neither or both.
    completeIdempotencyKey(context, reservation, response.status, response.body);
    audit::writeAudit(
        context, vacancyEntry(request, row, QStringLiteral("vacancy.create"), row.vacancyId));
    return response;
}

StoredVacancy requireVacancy(
    const ServiceContext& context, const QStringList& agencyCodes, const QString& vacancyId)
{
    std::optional<StoredVacancy> found;
    if (isVacancyIdShape(vacancyId))
        found = findVacancy(context.db, agencyCodes, vacancyId);
    if (!found || found->state == StoredState::Deleted)
        throw ApiError(404, QStringLiteral("not-found"));
    return *found;
}

HttpResponse createVacancy(const ServiceContext& context, const HttpRequest& request)
{
    const IdempotencyOutcome outcome = reserveIdempotencyKey(context, request);
    if (outcome.replay)
        return replayed(*outcome.replay);
    try {
        return createReserved(context, request, *outcome.reservation);
    } catch (...) {
        // Nothing was stored (the transaction rolled back): let a retry start afresh.
        releaseIdempotencyKey(context, *outcome.reservation);
        throw;
    }
}

HttpResponse replaceVacancy(const ServiceContext& context, const HttpRequest& request)
{
    const QStringList tags = requiredIfMatch(request);
    core::domain::Vacancy vacancy = readVacancyBody(context, request);
    const QString id = request.param(QStringLiteral("id"));
    if (!vacancy.vacancyId.isEmpty() && vacancy.vacancyId != id)
        throw ApiError::badField(QStringLiteral("vacancyId"), QStringLiteral("mismatch"));
    const QDate today = todayInTaipei();
    const StoredVacancy current
        = requireVacancy(context, agencies::agencyScope(context.db, request.caller.agencyCode), id);
    checkVersion(current, tags, today);
    checkOpen(current, today);

    // A vacancy stays with the agency it was posted for: moved, it would vanish from one unit's
    // change feed without a tombstone.
    QList<FieldMessage> problems;
    const QString named = vacancy.agencyCode.trimmed();
    if (!named.isEmpty() && named != current.agencyCode)
        problems.append({ QStringLiteral("agencyCode"),
            QStringLiteral("已登錄職缺的徵才機關（%1）不能更改").arg(current.agencyCode) });
    vacancy.agencyCode.clear();
    problems += adoptAgency(context, vacancy, QStringList { current.agencyCode });
    // A start date kept as it was may lie in the past (the vacancy is published); a new one may
    // not.
    problems += validationProblems(
        context, vacancy, today, vacancy.validFrom != current.vacancy.validFrom);
    if (!problems.isEmpty())
        throw validationFailed(problems);

    StoredVacancy next = current;
    next.vacancy = vacancy;
    if (next.state == StoredState::Rejected) {
        // Fixed and sent again: back to the automatic publication by date.
        next.state = StoredState::Active;
        next.rejectionReason.clear();
    }
    writeOver(context, next, current.etag, today,
        vacancyEntry(request, next, QStringLiteral("vacancy.update"), id));
    return recordResponse(200, next, today);
}

HttpResponse removeVacancy(const ServiceContext& context, const HttpRequest& request)
{
    const QStringList tags = requiredIfMatch(request);
    const QDate today = todayInTaipei();
    const StoredVacancy current
        = requireVacancy(context, agencies::agencyScope(context.db, request.caller.agencyCode),
            request.param(QStringLiteral("id")));
    checkVersion(current, tags, today);
    checkOpen(current, today);

    StoredVacancy next = current;
    const bool published
        = statusOn(current.state, current.vacancy, today) == VacancyStatus::Published;
    // A published vacancy has been public: it is withdrawn (撤銷) and stays in the history. One
    // never published (scheduled, rejected) simply goes; the change feed keeps its tombstone.
    next.state = published ? StoredState::Withdrawn : StoredState::Deleted;
    writeOver(context, next, current.etag, today,
        vacancyEntry(request, next, QStringLiteral("vacancy.withdraw"), current.vacancyId,
            QJsonObject { { "outcome", published ? "withdrawn" : "deleted" } }));
    if (published)
        return recordResponse(200, next, today);
    return HttpResponse::noContent().withHeader("ETag", next.etag.toLatin1());
}

} // namespace server::vacancies
