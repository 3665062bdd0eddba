#include "server/vacancies/vacancy_record.hpp"

#include "core/domain/vacancy_json.hpp"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

namespace server::vacancies {

using core::domain::VacancyStatus;

namespace {

const QTimeZone& taipei()
{
    static const QTimeZone zone = [] {
        QTimeZone named(QByteArrayLiteral("Asia/Taipei"));
        return named.isValid() ? named : QTimeZone(8 * 3600);
    }();
    return zone;
}

const QList<QPair<StoredState, QString>>& stateNames()
{
    static const QList<QPair<StoredState, QString>> names {
        { StoredState::Active, QStringLiteral("active") },
        { StoredState::Withdrawn, QStringLiteral("withdrawn") },
        { StoredState::Rejected, QStringLiteral("rejected") },
        { StoredState::Deleted, QStringLiteral("deleted") },
    };
    return names;
}

} // namespace

QString stateName(StoredState state)
{
    for (const auto& [value, name] : stateNames())
        if (value == state)
            return name;
    return {};
}

std::optional<StoredState> stateFromName(const QString& name)
{
    for (const auto& [value, text] : stateNames())
        if (text == name)
            return value;
    return std::nullopt;
}

QDate todayInTaipei()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(taipei()).date();
}

QDate taipeiDate(qint64 millis)
{
    return QDateTime::fromMSecsSinceEpoch(millis, Qt::UTC).toTimeZone(taipei()).date();
}

VacancyStatus statusOn(StoredState state, const core::domain::Vacancy& vacancy, const QDate& today)
{
    switch (state) {
    case StoredState::Withdrawn:
    case StoredState::Deleted:
        return VacancyStatus::Withdrawn;
    case StoredState::Rejected:
        return VacancyStatus::Rejected;
    case StoredState::Active:
        break;
    }
    if (today < vacancy.validFrom)
        return VacancyStatus::Scheduled;
    if (today > vacancy.validTo)
        return VacancyStatus::Ended;
    return VacancyStatus::Published;
}

QJsonObject recordJson(const StoredVacancy& stored, const QDate& today)
{
    core::domain::Vacancy v = stored.vacancy;
    v.vacancyId = stored.vacancyId;
    v.agencyCode = stored.agencyCode;
    v.status = statusOn(stored.state, v, today);
    v.createdOn = taipeiDate(stored.createdAt);
    v.updatedOn = taipeiDate(stored.updatedAt);
    const bool started = v.validFrom.isValid() && v.validFrom <= today;
    const bool wasPublic = *v.status == VacancyStatus::Published
        || *v.status == VacancyStatus::Ended || (*v.status == VacancyStatus::Withdrawn && started);
    v.publishedOn = wasPublic ? v.validFrom : QDate();
    QJsonObject record = core::domain::toJson(v);
    record.insert(QStringLiteral("etag"), stored.etag);
    if (stored.state == StoredState::Rejected)
        record.insert(QStringLiteral("rejectionReason"), stored.rejectionReason);
    return record;
}

http::HttpResponse recordResponse(int status, const StoredVacancy& stored, const QDate& today)
{
    return http::HttpResponse::json(status, QJsonDocument(recordJson(stored, today)))
        .withHeader("ETag", stored.etag.toLatin1());
}

QString etagFor(qint64 changeSeq)
{
    return u'"' + QString::number(changeSeq) + u'"';
}

QString searchTextFor(const core::domain::Vacancy& vacancy, const QString& vacancyId)
{
    return QStringList { vacancy.title, vacancy.qualifications, vacancy.duties, vacancy.workAddress,
        vacancyId }
        .join(u'\n')
        .toLower();
}

bool isVacancyIdShape(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{10}$"));
    return pattern.match(text).hasMatch();
}

} // namespace server::vacancies
