#include "applications_seed.hpp"

#include "server/accounts/password_hash.hpp"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <catch2/catch.hpp>

namespace servertest::applications {

namespace {

QJsonObject seededVacancy(const QString& id, const QString& agency, const QJsonObject& body)
{
    return QJsonObject { { "vacancyId", id }, { "agencyCode", agency }, { "vacancy", body } };
}

QJsonObject application(const QString& vacancy, const QString& applicant, const QString& on)
{
    return QJsonObject { { "vacancyId", vacancy }, { "applicantId", applicant },
        { "appliedOn", on } };
}

} // namespace

QJsonObject vacancyBody(const QJsonObject& resumeAccess, const QString& vacancyClass)
{
    QJsonObject body {
        { "fillerName", "王小明" },
        { "fillerPhone", "02-23456789" },
        { "personKind", "一般人員" },
        { "title", "科員" },
        { "openings", 1 },
        { "workplaceCodes", QJsonArray { "10" } },
        { "validFrom", "2026-01-05" },
        { "validTo", "2099-12-31" },
        { "qualifications", "具公務人員任用資格" },
        { "duties", "綜合行政" },
        { "workAddress", "臺北市中正區測試路1號" },
        { "contactMethod", "請以應徵系統投遞履歷" },
        { "vacancyClass", vacancyClass },
        { "resumeAccess", resumeAccess },
    };
    if (vacancyClass == QLatin1String("civilService")) {
        body.insert("rankClasses", QJsonArray { "junior" });
        body.insert("gradeRanges",
            QJsonArray { QJsonObject { { "rank", "junior" }, { "from", 5 }, { "to", 5 } } });
        body.insert("seriesCodes", QJsonArray { "A101" });
    } else {
        body.insert("rankClasses", QJsonArray { "other" });
        body.insert("gradeText", "約僱5等280薪點");
    }
    return body;
}

ApplicationsSeed::ApplicationsSeed()
{
    QFile base(seedPath("test.json"));
    REQUIRE(base.open(QIODevice::ReadOnly));
    QJsonObject seed = QJsonDocument::fromJson(base.readAll()).object();
    REQUIRE(seed.value("agencies").isArray());

    QJsonArray persons = seed.value("persons").toArray();
    persons.append(QJsonObject { { "idNumber", "M100004045" }, { "name", "他機關員" },
        { "agencyCode", otherAgency }, { "active", true }, { "account", otherAccount },
        { "passwordHash", server::accounts::hashPassword(otherPassword) } });
    seed.insert("persons", persons);

    QJsonArray applicants = seed.value("applicants").toArray();
    for (int i = 1; i <= pagedApplicants; ++i)
        applicants.append(QJsonObject { { "id", QStringLiteral("P%1").arg(i, 3, 10, QChar('0')) },
            { "name", QStringLiteral("應徵者%1").arg(i) },
            { "resume",
                QJsonObject { { "languageSkills",
                    QJsonArray {
                        QJsonObject { { "kind", "language" }, { "name", "英語" } } } } } } });
    seed.insert("applicants", applicants);

    const QJsonObject allWithRanges {
        { "enabled", true },
        { "items", QJsonArray { "all" } },
        { "trainingFrom", "2022-01-01" },
        { "trainingTo", "2023-12-31" },
        { "rewardsFrom", "2021-01-01" },
        { "rewardsTo", "2022-12-31" },
        { "appraisalFromYear", 2021 },
        { "appraisalToYear", 2022 },
    };
    QJsonArray vacancies = seed.value("vacancies").toArray();
    vacancies.append(seededVacancy(allId, ownAgency, vacancyBody(allWithRanges)));
    vacancies.append(seededVacancy(subsetId, ownAgency,
        vacancyBody({ { "enabled", true }, { "items", QJsonArray { "exam", "appraisal" } } })));
    vacancies.append(seededVacancy(disabledId, ownAgency,
        vacancyBody({ { "enabled", false }, { "items", QJsonArray { "all" } } })));
    vacancies.append(seededVacancy(noResumeClassId, ownAgency,
        vacancyBody({ { "enabled", true }, { "items", QJsonArray { "all" } } },
            QStringLiteral("noResumeAccess"))));
    vacancies.append(seededVacancy(otherAgencyId, otherAgency,
        vacancyBody({ { "enabled", true }, { "items", QJsonArray { "all" } } })));
    vacancies.append(seededVacancy(pagedId, ownAgency,
        vacancyBody({ { "enabled", true }, { "items", QJsonArray { "languageSkills" } } })));
    seed.insert("vacancies", vacancies);

    QJsonArray applications = seed.value("applications").toArray();
    applications.append(application(allId, "T0002", "2026-01-07"));
    applications.append(application(allId, "T0001", "2026-01-06"));
    applications.append(application(allId, "T0003", "2026-01-08"));
    applications.append(application(subsetId, "T0001", "2026-01-06"));
    applications.append(application(subsetId, "T0002", "2026-01-07"));
    applications.append(application(disabledId, "T0001", "2026-01-06"));
    applications.append(application(noResumeClassId, "T0001", "2026-01-06"));
    applications.append(application(otherAgencyId, "T0003", "2026-01-06"));
    for (int i = 1; i <= pagedApplicants; ++i)
        applications.append(application(pagedId, QStringLiteral("P%1").arg(i, 3, 10, QChar('0')),
            QStringLiteral("2026-02-%1").arg(1 + i % 20, 2, 10, QChar('0'))));
    seed.insert("applications", applications);

    REQUIRE(dir_.isValid());
    path_ = dir_.filePath("applications-seed.json");
    QFile out(path_);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(seed).toJson());
}

ServerOptions ApplicationsSeed::options() const
{
    ServerOptions options;
    options.seed = path_;
    return options;
}

} // namespace servertest::applications
