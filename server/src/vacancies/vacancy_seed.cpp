#include "server/vacancies/vacancy_seed.hpp"

#include "core/domain/domain_json_error.hpp"
#include "core/domain/vacancy_json.hpp"
#include "server/seed/seed_dates.hpp"
#include "server/seed/seed_loader.hpp"
#include "server/storage/sql.hpp"
#include "server/vacancies/vacancy_input.hpp"
#include "server/vacancies/vacancy_record.hpp"
#include "server/vacancies/vacancy_store.hpp"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace server::vacancies {

using seed::SeedError;

namespace {

[[noreturn]] void fail(const QString& where, const QString& problem)
{
    throw SeedError((where + QStringLiteral(": ") + problem).toStdString());
}

QString requiredText(const QJsonObject& entry, const QString& key, const QString& where)
{
    const QJsonValue value = entry.value(key);
    if (!value.isString() || value.toString().trimmed().isEmpty())
        fail(where, u'"' + key + QStringLiteral("\" must be a non-empty string"));
    return value.toString().trimmed();
}

/// The counter that remembers an id-less entry: a fingerprint of what it says.
QString fingerprintCounter(const QJsonObject& entry)
{
    QJsonObject identity = entry;
    identity.remove(QStringLiteral("applications"));
    identity.remove(QStringLiteral("comment"));
    const QByteArray digest = QCryptographicHash::hash(
        QJsonDocument(identity).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256);
    return QStringLiteral("seed-vacancy:") + QString::fromLatin1(digest.toHex());
}

struct SeedEntry {
    std::optional<QString> fixedId;
    QString agencyCode;
    StoredState state = StoredState::Active;
    QString rejectionReason;
    core::domain::Vacancy vacancy;
    QDate createdOn;
};

SeedEntry readEntry(const ServiceContext& context, const QJsonObject& entry, const QString& where,
    const QDate& today)
{
    static const QStringList keys { "vacancyId", "agencyCode", "state", "rejectionReason",
        "vacancy", "applications", "comment" };
    for (auto it = entry.begin(); it != entry.end(); ++it)
        if (!keys.contains(it.key()))
            fail(where, QStringLiteral("unknown member \"%1\"").arg(it.key()));
    SeedEntry seed;
    if (entry.contains("vacancyId")) {
        seed.fixedId = requiredText(entry, "vacancyId", where);
        if (!isVacancyIdShape(*seed.fixedId))
            fail(where, QStringLiteral("vacancyId must be 10 digits"));
    }
    seed.agencyCode = requiredText(entry, "agencyCode", where);
    if (!storage::scalar(context.db, QStringLiteral("SELECT code FROM agencies WHERE code = :c"),
            { { "c", seed.agencyCode } })
             .isValid())
        fail(where, QStringLiteral("unknown agencyCode ") + seed.agencyCode);
    if (entry.contains("state")) {
        const std::optional<StoredState> state = stateFromName(requiredText(entry, "state", where));
        if (!state || *state == StoredState::Deleted)
            fail(where, QStringLiteral("state must be active, withdrawn or rejected"));
        seed.state = *state;
    }
    if (seed.state == StoredState::Rejected)
        seed.rejectionReason = requiredText(entry, "rejectionReason", where);
    else if (entry.contains("rejectionReason"))
        fail(where, QStringLiteral("rejectionReason belongs to a rejected vacancy only"));

    if (!entry.value("vacancy").isObject())
        fail(where, QStringLiteral("\"vacancy\" must be an object"));
    try {
        seed.vacancy = core::domain::vacancyFromJson(seed::withSeedDates(
            entry.value("vacancy").toObject(), today, where + QStringLiteral(".vacancy")));
    } catch (const core::domain::DomainJsonError& error) {
        fail(where + QStringLiteral(".vacancy"), QString::fromUtf8(error.what()));
    }
    seed.createdOn = seed.vacancy.createdOn.isValid()
        ? seed.vacancy.createdOn
        : std::min(today, seed.vacancy.validFrom.isValid() ? seed.vacancy.validFrom : today);
    QList<core::domain::FieldMessage> problems
        = adoptAgency(context, seed.vacancy, QStringList { seed.agencyCode });
    problems += validationProblems(context, seed.vacancy, today, false);
    for (const core::domain::FieldMessage& problem : problems)
        fail(where + QStringLiteral(".vacancy.") + problem.field, problem.message);
    return seed;
}

qint64 creationMillis(const QDate& createdOn, const QDate& today)
{
    if (createdOn >= today)
        return storage::nowMillis();
    // 09:00 in Taipei: the same calendar day there.
    return QDateTime(createdOn, QTime(1, 0), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

void seedVacancies(const ServiceContext& context, const QJsonArray& entries)
{
    const QDate today = todayInTaipei();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString where = QStringLiteral("vacancies[%1]").arg(i);
        if (!entries.at(i).isObject())
            fail(where, QStringLiteral("must be an object"));
        const QJsonObject entry = entries.at(i).toObject();
        const SeedEntry seed = readEntry(context, entry, where, today);

        StoredVacancy row;
        if (seed.fixedId) {
            if (vacancyIdTaken(context.db, *seed.fixedId))
                continue; // seeded by an earlier start
            reserveVacancyId(context.db, *seed.fixedId);
            row.vacancyId = *seed.fixedId;
        } else {
            const QString counter = fingerprintCounter(entry);
            if (storage::scalar(context.db,
                    QStringLiteral("SELECT value FROM counters WHERE name = :n"),
                    { { "n", counter } })
                    .isValid())
                continue;
            row.vacancyId = nextVacancyId(context.db, seed.createdOn);
            storage::run(context.db,
                QStringLiteral("INSERT INTO counters (name, value) VALUES (:n, :v)"),
                { { "n", counter }, { "v", row.vacancyId.toLongLong() } });
        }
        row.agencyCode = seed.agencyCode;
        row.vacancy = seed.vacancy;
        row.state = seed.state;
        row.rejectionReason = seed.rejectionReason;
        row.createdAt = creationMillis(seed.createdOn, today);
        insertVacancy(context.db, row);
    }
}

} // namespace server::vacancies
