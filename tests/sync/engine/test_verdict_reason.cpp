// The service's verdict 審核未通過 and its reason reach the local store through the real
// server's answers: the change feed brings the seed's rejected vacancy with its reason, and the
// answer to the clerk's correction (a new verdict) takes the reason away.
#include "engine_support.hpp"

using namespace synctest;
using namespace servertest;

TEST_CASE("sync: a rejected vacancy arrives with the service's reason; a new verdict drops it",
    "[sync][engine][verdict]")
{
    TestServer server; // tests/server/seed/test.json: 1140500001 is rejected, with a reason
    const QString token = clerkSession(server.client());
    const QString rejectedId = QStringLiteral("1140500001");
    const QString reason = serverRecords(server.client(), token)
                               .value(rejectedId)
                               .value("rejectionReason")
                               .toString();
    REQUIRE_FALSE(reason.isEmpty());

    Workstation w(server.baseUrl(), token);
    w.syncOk();
    const auto pulled = w.store().records().findByServerId(rejectedId);
    REQUIRE(pulled.has_value());
    REQUIRE(pulled->base.has_value());
    CHECK(pulled->base->status == core::domain::VacancyStatus::Rejected);
    CHECK(pulled->serverRejectionReason == reason);
    core::store::ListQuery byId;
    byId.serverId = rejectedId;
    const auto listed = w.store().records().list(byId).rows;
    REQUIRE(listed.size() == 1);
    CHECK(listed.first().serverRejectionReason == reason);
    checkSameAsServer(w.store(), server.client(), token);

    // The clerk corrects what the service asked for and sends it: the server's answer is a new
    // verdict, and the reason for the old one goes with it.
    w.edit(pulled->data.title, [](Vacancy& v) { v.duties = QStringLiteral("補正後的工作項目"); });
    CHECK(w.syncOk().sent == 1);
    const auto corrected = w.store().records().findByServerId(rejectedId);
    REQUIRE(corrected.has_value());
    CHECK(corrected->base->status != core::domain::VacancyStatus::Rejected);
    CHECK(corrected->serverRejectionReason.isEmpty());
    checkSameAsServer(w.store(), server.client(), token);

    // A second workstation that learns of it only from the feed has no reason either.
    Workstation later(server.baseUrl(), token);
    later.syncOk();
    CHECK(later.store().records().findByServerId(rejectedId)->serverRejectionReason.isEmpty());
}
