#include "server/seed/seed_loader.hpp"

#include "core/domain/taiwan_id.hpp"
#include "server/applications/resume_filter.hpp"
#include "server/seed/seed_dates.hpp"
#include "server/storage/sql.hpp"
#include "server/vacancies/vacancy_record.hpp"
#include "server/vacancies/vacancy_seed.hpp"

#include <QDate>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace server::seed {

using storage::run;

namespace {

QString text(const QJsonObject& entry, const QString& key, const QString& where)
{
    const QJsonValue value = entry.value(key);
    if (!value.isString() || value.toString().trimmed().isEmpty())
        throw SeedError((where + ": \"" + key + "\" must be a non-empty string").toStdString());
    return value.toString().trimmed();
}

bool knownAgency(const ServiceContext& context, const QString& code)
{
    return storage::scalar(
        context.db, QStringLiteral("SELECT code FROM agencies WHERE code = :c"), { { "c", code } })
        .isValid();
}

/// An agency that is its own ancestor would make its clerks' scope endless.
void refuseParentLoops(const ServiceContext& context)
{
    QHash<QString, QString> parentOf;
    QSqlQuery rows = storage::run(
        context.db, QStringLiteral("SELECT code, parent FROM agencies WHERE parent IS NOT NULL"));
    while (rows.next())
        parentOf.insert(rows.value(0).toString(), rows.value(1).toString());
    for (auto it = parentOf.cbegin(); it != parentOf.cend(); ++it) {
        QString up = it.value();
        for (qsizetype steps = 0; !up.isEmpty(); ++steps) {
            if (up == it.key() || steps > parentOf.size())
                throw SeedError(("agency " + it.key() + " is its own parent's unit").toStdString());
            up = parentOf.value(up);
        }
    }
}

void loadAgencies(const ServiceContext& context, const QJsonArray& agencies)
{
    for (qsizetype i = 0; i < agencies.size(); ++i) {
        const QString where = QStringLiteral("agencies[%1]").arg(i);
        const QJsonObject a = agencies[i].toObject();
        const QVariantMap values {
            { "code", text(a, "code", where) },
            { "name", text(a, "name", where) },
            { "address", text(a, "address", where) },
            { "phone", text(a, "phone", where) },
            { "domain", text(a, "emailDomain", where) },
        };
        run(context.db,
            QStringLiteral("INSERT INTO agencies (code, name, address, phone, email_domain) "
                           "VALUES (:code, :name, :address, :phone, :domain) "
                           "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
                           "address = excluded.address, phone = excluded.phone, "
                           "email_domain = excluded.email_domain"),
            values);
    }
    // Parents after every agency is in: a unit may come before the agency it belongs to.
    for (qsizetype i = 0; i < agencies.size(); ++i) {
        const QString where = QStringLiteral("agencies[%1]").arg(i);
        const QJsonObject a = agencies[i].toObject();
        const QString code = text(a, "code", where);
        const QString parent = a.contains("parent") ? text(a, "parent", where) : QString();
        if (!parent.isEmpty() && !knownAgency(context, parent))
            throw SeedError((where + ": unknown parent " + parent).toStdString());
        run(context.db, QStringLiteral("UPDATE agencies SET parent = :p WHERE code = :c"),
            { { "c", code },
                { "p", parent.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : parent } });
    }
    refuseParentLoops(context);
}

void loadPersons(const ServiceContext& context, const QJsonArray& persons)
{
    for (qsizetype i = 0; i < persons.size(); ++i) {
        const QString where = QStringLiteral("persons[%1]").arg(i);
        const QJsonObject p = persons[i].toObject();
        const QString idNumber = text(p, "idNumber", where).toUpper();
        if (!core::domain::isValidTaiwanId(idNumber))
            throw SeedError((where + ": idNumber fails the check digit").toStdString());
        if (!p.value("active").isBool())
            throw SeedError((where + ": \"active\" must be true or false").toStdString());
        const QString agency = text(p, "agencyCode", where);
        if (!knownAgency(context, agency))
            throw SeedError((where + ": unknown agencyCode " + agency).toStdString());
        const QVariant existing = storage::scalar(context.db,
            QStringLiteral("SELECT id FROM persons WHERE id_number = :n"), { { "n", idNumber } });
        const QVariantMap values {
            { "n", idNumber },
            { "name", text(p, "name", where) },
            { "agency", agency },
            { "active", p.value("active").toBool() ? 1 : 0 },
        };
        if (existing.isValid()) {
            run(context.db,
                QStringLiteral("UPDATE persons SET name = :name, agency_code = :agency, "
                               "active = :active WHERE id_number = :n"),
                values);
        } else {
            QVariantMap insert = values;
            insert.insert("id", storage::nextCounter(context.db, QStringLiteral("person")));
            run(context.db,
                QStringLiteral("INSERT INTO persons (id, id_number, name, agency_code, active) "
                               "VALUES (:id, :n, :name, :agency, :active)"),
                insert);
        }
        // An account carried over from the old system: the custom account and its password
        // hash (`shiqiuren-server --hash-password`), never a password. Set once: what the
        // person changed here later is not overwritten by a restart.
        if (p.contains("account") || p.contains("passwordHash")) {
            const QString account = text(p, "account", where);
            const QString hash = text(p, "passwordHash", where);
            if (!hash.startsWith(QLatin1String("scrypt$")))
                throw SeedError((where + ": passwordHash must be an scrypt$ hash").toStdString());
            run(context.db,
                QStringLiteral("UPDATE persons SET account = :a, account_key = :k, "
                               "password_hash = :h WHERE id_number = :n AND account IS NULL"),
                { { "a", account }, { "k", account.toLower() }, { "h", hash }, { "n", idNumber } });
        }
    }
}

void loadApplicants(const ServiceContext& context, const QJsonArray& applicants)
{
    for (qsizetype i = 0; i < applicants.size(); ++i) {
        const QString where = QStringLiteral("applicants[%1]").arg(i);
        const QJsonObject a = applicants[i].toObject();
        if (!a.value("resume").isObject())
            throw SeedError((where + ": \"resume\" must be an object").toStdString());
        const QString problem = applications::resumeProblem(a.value("resume").toObject());
        if (!problem.isEmpty())
            throw SeedError((where + ": " + problem).toStdString());
        run(context.db,
            QStringLiteral("INSERT INTO applicants (id, name, resume) VALUES (:id, :name, :r) "
                           "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                           "resume = excluded.resume"),
            { { "id", text(a, "id", where) }, { "name", text(a, "name", where) },
                { "r",
                    QString::fromUtf8(QJsonDocument(a.value("resume").toObject())
                                          .toJson(QJsonDocument::Compact)) } });
    }
}

/// Who applied where: after vacancies and applicants, so both ids must already exist.
void loadApplications(const ServiceContext& context, const QJsonArray& applications)
{
    for (qsizetype i = 0; i < applications.size(); ++i) {
        const QString where = QStringLiteral("applications[%1]").arg(i);
        const QJsonObject a = applications[i].toObject();
        const QString vacancy = text(a, "vacancyId", where);
        const QString applicant = text(a, "applicantId", where);
        const std::optional<QDate> appliedOn
            = seedDate(text(a, "appliedOn", where), vacancies::todayInTaipei());
        if (!appliedOn)
            throw SeedError((where + ": appliedOn must be yyyy-MM-dd, today, today+N or today-N")
                                .toStdString());
        if (!storage::scalar(context.db, QStringLiteral("SELECT id FROM applicants WHERE id = :id"),
                { { "id", applicant } })
                 .isValid())
            throw SeedError((where + ": unknown applicantId " + applicant).toStdString());
        if (!storage::scalar(context.db,
                QStringLiteral("SELECT vacancy_id FROM vacancies WHERE vacancy_id = :id"),
                { { "id", vacancy } })
                 .isValid())
            throw SeedError((where + ": unknown vacancyId " + vacancy).toStdString());
        run(context.db,
            QStringLiteral("INSERT INTO applications (vacancy_id, applicant_id, applied_on) "
                           "VALUES (:v, :a, :d) ON CONFLICT (vacancy_id, applicant_id) "
                           "DO UPDATE SET applied_on = excluded.applied_on"),
            { { "v", vacancy }, { "a", applicant }, { "d", appliedOn->toString(Qt::ISODate) } });
    }
}

} // namespace

void loadSeed(const ServiceContext& context, const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw SeedError(("cannot read the seed file " + path).toStdString());
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw SeedError(
            ("the seed file is not a JSON object: " + error.errorString()).toStdString());
    const QJsonObject seed = document.object();
    for (auto it = seed.begin(); it != seed.end(); ++it)
        if (!QStringList {
                "agencies", "persons", "applicants", "vacancies", "applications", "comment" }
                 .contains(it.key()))
            throw SeedError(("unknown seed section \"" + it.key() + "\"").toStdString());

    storage::Transaction transaction(context.db);
    loadAgencies(context, seed.value("agencies").toArray());
    loadPersons(context, seed.value("persons").toArray());
    loadApplicants(context, seed.value("applicants").toArray());
    vacancies::seedVacancies(context, seed.value("vacancies").toArray());
    loadApplications(context, seed.value("applications").toArray());
    transaction.commit();
}

} // namespace server::seed
