#include "server/vacancies/vacancy_input.hpp"

#include "core/domain/domain_json_error.hpp"
#include "core/domain/vacancy_json.hpp"
#include "server/accounts/persons.hpp"
#include "server/http/api_error.hpp"
#include "server/http/json_body.hpp"

#include <QJsonArray>

namespace server::vacancies {

using core::domain::FieldMessage;
using http::ApiError;

namespace {

/// Long enough for any real announcement URL.
constexpr qsizetype maxUrlLength = 2000;
/// More entries than any form offers (57 職系, 26 工作地點, a handful of ranges).
constexpr qsizetype maxListEntries = 60;

QString kindName(core::domain::DomainJsonError::Kind kind)
{
    using Kind = core::domain::DomainJsonError::Kind;
    switch (kind) {
    case Kind::UnknownField:
        return QStringLiteral("unknown");
    case Kind::WrongType:
        return QStringLiteral("type");
    case Kind::MissingField:
        return QStringLiteral("missing");
    case Kind::BadValue:
        break;
    }
    return QStringLiteral("invalid");
}

void limitText(
    QList<FieldMessage>& problems, const char* field, const QString& text, qsizetype maximum)
{
    if (text.size() > maximum)
        problems.append({ QString::fromLatin1(field),
            QStringLiteral("內容不得超過%1字（目前%2字）").arg(maximum).arg(text.size()) });
}

void limitList(QList<FieldMessage>& problems, const char* field, qsizetype size)
{
    if (size > maxListEntries)
        problems.append(
            { QString::fromLatin1(field), QStringLiteral("最多%1項").arg(maxListEntries) });
}

/// Where the JSON holds a NUL character (PostgreSQL text cannot store one); empty: nowhere.
QString nulPath(const QJsonValue& value, const QString& path)
{
    if (value.isString())
        return value.toString().contains(QChar(u'\0')) ? path : QString();
    if (value.isArray()) {
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString found = nulPath(items.at(i), path + QStringLiteral("[%1]").arg(i));
            if (!found.isEmpty())
                return found;
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString name = path.isEmpty() ? it.key() : path + u'.' + it.key();
            if (it.key().contains(QChar(u'\0')))
                return name;
            const QString found = nulPath(it.value(), name);
            if (!found.isEmpty())
                return found;
        }
    }
    return {};
}

} // namespace

core::domain::Vacancy readVacancyBody(
    const ServiceContext& context, const http::HttpRequest& request)
{
    QJsonObject body = http::readJsonObject(request, context.config.limits);
    body.remove(QStringLiteral("etag"));
    body.remove(QStringLiteral("rejectionReason"));
    const QString nul = nulPath(body, {});
    if (!nul.isEmpty())
        throw ApiError::badField(nul, QStringLiteral("invalid"));
    try {
        return core::domain::vacancyFromJson(body);
    } catch (const core::domain::DomainJsonError& error) {
        throw ApiError::badField(error.field(), kindName(error.kind()));
    }
}

QList<FieldMessage> adoptAgency(
    const ServiceContext& context, core::domain::Vacancy& vacancy, const QStringList& allowed)
{
    QList<FieldMessage> problems;
    const QString chosen = vacancy.agencyCode.trimmed();
    QString agencyCode = allowed.value(0);
    if (allowed.contains(chosen))
        agencyCode = chosen;
    else if (!chosen.isEmpty())
        problems.append({ QStringLiteral("agencyCode"),
            allowed.size() == 1
                ? QStringLiteral("只能登錄本機關（%1）的職缺").arg(agencyCode)
                : QStringLiteral("只能登錄本機關（%1）或所屬機關的職缺").arg(agencyCode) });
    vacancy.vacancyId.clear();
    vacancy.status.reset();
    vacancy.createdOn = vacancy.updatedOn = vacancy.publishedOn = QDate();
    vacancy.agencyCode = agencyCode;
    const QJsonObject agency = accounts::agencyJson(context, agencyCode);
    if (!agency.isEmpty()) {
        vacancy.agencyName = agency.value("name").toString();
        if (vacancy.agencyAddress.trimmed().isEmpty())
            vacancy.agencyAddress = agency.value("address").toString();
    }
    return problems;
}

QList<FieldMessage> validationProblems(const ServiceContext& context,
    const core::domain::Vacancy& vacancy, const QDate& today, bool checkStartDate)
{
    core::domain::Vacancy checked = vacancy;
    // core skips the start-date rule for a vacancy that already has a server status.
    if (checkStartDate)
        checked.status.reset();
    else
        checked.status = core::domain::VacancyStatus::Published;
    QList<FieldMessage> problems = core::domain::validate(checked, context.codes, today);

    const qsizetype shortText = context.config.limits.maxShortText;
    limitText(problems, "agencyAddress", vacancy.agencyAddress, shortText);
    limitText(problems, "fillerName", vacancy.fillerName, shortText);
    limitText(problems, "fillerPhone", vacancy.fillerPhone, shortText);
    limitText(problems, "fillerExtension", vacancy.fillerExtension, shortText);
    limitText(problems, "fillerEmail", vacancy.fillerEmail, shortText);
    limitText(problems, "personKind", vacancy.personKind, shortText);
    limitText(problems, "gradeText", vacancy.gradeText, shortText);
    limitText(problems, "title", vacancy.title, shortText);
    limitText(problems, "workAddress", vacancy.workAddress, shortText);
    limitText(problems, "contactEmail", vacancy.contactEmail, shortText);
    limitText(problems, "genderReason", vacancy.genderReason, core::domain::maxLongTextLength);
    limitText(problems, "announcementUrl", vacancy.announcementUrl, maxUrlLength);
    limitList(problems, "rankClasses", vacancy.rankClasses.size());
    limitList(problems, "gradeRanges", vacancy.gradeRanges.size());
    limitList(problems, "seriesCodes", vacancy.seriesCodes.size());
    limitList(problems, "workplaceCodes", vacancy.workplaceCodes.size());
    limitList(problems, "resumeAccess.items", vacancy.resumeAccess.items.size());
    return problems;
}

ApiError validationFailed(const QList<FieldMessage>& problems)
{
    QJsonObject fields;
    for (const FieldMessage& problem : problems) {
        QJsonArray messages = fields.value(problem.field).toArray();
        if (!messages.contains(problem.message))
            messages.append(problem.message);
        fields.insert(problem.field, messages);
    }
    return ApiError(422, QStringLiteral("validation-failed"), {}, fields);
}

} // namespace server::vacancies
