// 調閱履歷 through ServiceClient::applications(): the sections the vacancy opens, its applicants in
// order with only those sections, the pages, and the refusals typed — against the real server
// on the shared 調閱履歷 seed (tests/server/support/applications_seed).
#include "applications_seed.hpp"
#include "client_fixture.hpp"

#include <QJsonDocument>

using namespace apitest;
using namespace servertest::applications;
using core::api::ResumeSection;

TEST_CASE("applications(): the opened sections only, applicants in order, no ID numbers",
    "[api][applications]")
{
    const ApplicationsSeed seed;
    servertest::TestServer server(seed.options());
    ServiceClient client(configFor(server));
    clerkLogin(client);

    const auto list = client.applications(subsetId);
    INFO(list.failure.summary().toStdString());
    REQUIRE(list.ok());
    CHECK(list->vacancyId == subsetId);
    CHECK(list->sections == QList { ResumeSection::Exam, ResumeSection::Appraisal });
    CHECK(list->resumeAccess.value("enabled").toBool());
    CHECK(list->total == 2);
    REQUIRE(list->items.size() == 2);
    CHECK(list->items.at(0).id == "T0001");
    CHECK(list->items.at(0).appliedOn == QDate(2026, 1, 6));
    CHECK(list->items.at(1).id == "T0002");
    for (const core::api::Application& applicant : list->items) {
        CHECK_FALSE(applicant.name.isEmpty());
        for (const QString& key : applicant.resume.keys())
            CHECK((key == "exam" || key == "appraisal"));
        const QByteArray resume = QJsonDocument(applicant.resume).toJson();
        for (const QString& idNumber : applicantIdNumbers)
            CHECK_FALSE(resume.contains(idNumber.toLatin1()));
    }
}

TEST_CASE("applications(): pages as asked", "[api][applications]")
{
    const ApplicationsSeed seed;
    servertest::TestServer server(seed.options());
    ServiceClient client(configFor(server));
    clerkLogin(client);

    const auto last = client.applications(pagedId, 3, 10);
    INFO(last.failure.summary().toStdString());
    REQUIRE(last.ok());
    CHECK(last->total == pagedApplicants);
    CHECK(last->page == 3);
    CHECK(last->pageSize == 10);
    CHECK(last->items.size() == pagedApplicants - 20);
    CHECK(last->sections == QList { ResumeSection::LanguageSkills });
}

TEST_CASE("applications(): refusals come back typed", "[api][applications]")
{
    const ApplicationsSeed seed;
    servertest::TestServer server(seed.options());
    ServiceClient client(configFor(server));
    clerkLogin(client);

    const auto disabled = client.applications(disabledId);
    REQUIRE_FALSE(disabled.ok());
    CHECK(disabled.failure.kind == ErrorKind::Http);
    CHECK(disabled.failure.error == ServiceError::ResumeAccessDisabled);
    const auto others = client.applications(otherAgencyId);
    REQUIRE_FALSE(others.ok());
    CHECK(others.failure.error == ServiceError::NotFound); // not this agency's: not there
    const auto unknown = client.applications(QStringLiteral("1159999999"));
    CHECK(unknown.failure.error == ServiceError::NotFound);

    ServiceClient anonymous(configFor(server));
    const auto noSession = anonymous.applications(subsetId);
    REQUIRE_FALSE(noSession.ok());
    CHECK(noSession.failure.error == ServiceError::Unauthenticated);
}
