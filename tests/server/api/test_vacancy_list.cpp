// The vacancy list over real HTTP: scope, id, text search and paging, and the status that
// follows the dates (the seeded vacancies keep theirs).

#include "test_server.hpp"
#include "vacancy_test_support.hpp"

using namespace servertest;
using namespace vacancytest;

namespace {

QJsonObject withTitle(QJsonObject body, const QString& title)
{
    body.insert("title", title);
    return body;
}

} // namespace

TEST_CASE("vacancies: the list filters by scope, id and text, and pages", "[server][vacancies]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    QStringList made;
    made << created(client, token, withTitle(vacancyBody(0), "Data 分析師"))
                .value("vacancyId")
                .toString();
    made << created(client, token, withTitle(vacancyBody(1), "資料 50%_折扣"))
                .value("vacancyId")
                .toString();
    for (int i = 0; i < 3; ++i)
        made << created(client, token, vacancyBody(2 + i)).value("vacancyId").toString();

    // current = scheduled, published, rejected: the five above and the seeded rejected one.
    const QJsonObject current = list(client, token);
    CHECK(current.value("total").toInt() == 6);
    CHECK(current.value("page").toInt() == 1);
    CHECK(current.value("pageSize").toInt() == 20);
    QStringList expected = made;
    expected << seededRejected;
    std::sort(expected.begin(), expected.end(), std::greater<>());
    CHECK(idsOf(current) == expected); // newest 職缺編號 first
    CHECK(list(client, token, "scope=current") == current);

    // history = ended, withdrawn: the two seeded ones.
    const QJsonObject history = list(client, token, "scope=history");
    CHECK(history.value("total").toInt() == 2);
    CHECK(idsOf(history).contains(seededWithdrawn));
    CHECK(idsOf(history).contains(endedSeedId(client, token)));

    SECTION("paging keeps the total and splits the items")
    {
        const QJsonObject first = list(client, token, "page=1&pageSize=4");
        const QJsonObject second = list(client, token, "page=2&pageSize=4");
        const QJsonObject beyond = list(client, token, "page=3&pageSize=4");
        CHECK(first.value("total").toInt() == 6);
        CHECK(second.value("total").toInt() == 6);
        CHECK(beyond.value("total").toInt() == 6);
        CHECK(idsOf(first) == expected.mid(0, 4));
        CHECK(idsOf(second) == expected.mid(4));
        CHECK(idsOf(beyond).isEmpty());
        CHECK(second.value("page").toInt() == 2);
        CHECK(second.value("pageSize").toInt() == 4);
        CHECK(list(client, token, "pageSize=100").value("items").toArray().size() == 6);
    }
    SECTION("id is an exact 職缺編號")
    {
        CHECK(idsOf(list(client, token, "id=" + made[2])) == QStringList { made[2] });
        CHECK(list(client, token, "id=" + made[2] + "&scope=history").value("total") == 0);
        CHECK(idsOf(list(client, token, "scope=history&id=" + seededWithdrawn))
            == QStringList { seededWithdrawn });
    }
    SECTION("q matches title, content, address and id, in any case")
    {
        CHECK(idsOf(list(client, token, "q=DATA")) == QStringList { made[0] });
        CHECK(
            idsOf(list(client, token, "q=data%20%E5%88%86")) == QStringList { made[0] }); // data 分
        CHECK(list(client, token, "q=" + made[3].mid(4)).value("total").toInt() >= 1);
        CHECK(idsOf(list(client, token, "q=" + made[3])) == QStringList { made[3] });
        // 資格條件, 工作項目, 工作地址 of the fixture: every created one.
        CHECK(list(client, token, "q=%E7%B6%9C%E5%90%88%E6%A5%AD%E5%8B%99").value("total") == 5);
        CHECK(list(client, token, "q=%E6%98%8E%E5%BE%B7%E8%B7%AF").value("total") == 5);
        // % and _ are literal characters, not wildcards.
        CHECK(idsOf(list(client, token, "q=50%25_")) == QStringList { made[1] });
        CHECK(list(client, token, "q=%25").value("total") == 1);
        CHECK(list(client, token, "q=_").value("total") == 1);
        CHECK(list(client, token, "q=%5C").value("total") == 0); // a backslash
        CHECK(list(client, token, "q=%E4%B8%8D%E5%AD%98%E5%9C%A8").value("total") == 0);
        // Contact details are not searched.
        CHECK(list(client, token, "q=hr%40ntunhs").value("total") == 0);
    }
    SECTION("bad query values are 400 request-invalid with the parameter named")
    {
        const QList<QPair<QString, QString>> bad {
            { "scope=everything", "scope" },
            { "page=0", "page" },
            { "page=-1", "page" },
            { "page=abc", "page" },
            { "page=1.5", "page" },
            { "page=99999999999999", "page" },
            { "pageSize=0", "pageSize" },
            { "pageSize=101", "pageSize" },
            { "pageSize=ten", "pageSize" },
            { "id=123", "id" },
            { "id=11501000011", "id" },
            { "id=abcdefghij", "id" },
            { "sort=title", "sort" },
            { "page=1&page=2", "page" },
            { "q=" + QString(201, u'x'), "q" },
        };
        for (const auto& [query, field] : bad) {
            const Reply reply = client.get("/api/v1/vacancies?" + query, token);
            INFO(query.toStdString() << " → " << reply.body.toStdString());
            CHECK(reply.status == 400);
            CHECK(reply.error() == "request-invalid");
            CHECK(reply.json().value("fields").toObject().contains(field));
        }
    }
}

TEST_CASE("vacancies: status follows the date; seeded ones keep theirs", "[server][vacancies]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    const QJsonObject publishedNow = created(client, token, vacancyBody(0, 3));
    CHECK(publishedNow.value("status") == "published");
    CHECK(publishedNow.value("publishedOn") == today().toString(Qt::ISODate));
    const QJsonObject later = created(client, token, vacancyBody(1, 3));
    CHECK(later.value("status") == "scheduled");
    CHECK_FALSE(later.contains("publishedOn"));

    const QJsonObject ended = record(client, token, endedSeedId(client, token));
    CHECK(ended.value("status") == "ended");
    CHECK(ended.value("publishedOn") == ended.value("validFrom"));
    CHECK(ended.value("createdOn") == "2025-03-01");
    CHECK(ended.value("vacancyId").toString().startsWith("11403"));

    const QJsonObject withdrawn = record(client, token, seededWithdrawn);
    CHECK(withdrawn.value("status") == "withdrawn");
    CHECK_FALSE(withdrawn.contains("rejectionReason"));

    const QJsonObject rejected = record(client, token, seededRejected);
    CHECK(rejected.value("status") == "rejected");
    CHECK(rejected.value("rejectionReason").toString().contains("工作項目"));
    CHECK_FALSE(rejected.contains("publishedOn"));

    for (const QJsonObject& one : { publishedNow, later, ended, withdrawn, rejected }) {
        CHECK_FALSE(one.value("etag").toString().isEmpty());
        CHECK(one.value("agencyCode") == ownAgency);
    }

    SECTION("a restart with the same seed adds nothing")
    {
        const QJsonObject before = list(client, token, "scope=history");
        const QJsonArray feedBefore = wholeFeed(client, token);
        server.restart();
        const HttpClient again = server.client();
        const QString token2 = clerkSession(again);
        CHECK(list(again, token2, "scope=history") == before);
        CHECK(list(again, token2).value("total").toInt() == 3);
        CHECK(wholeFeed(again, token2) == feedBefore);
    }
    SECTION("a replaced rejected vacancy is active again, by date")
    {
        QJsonObject body = rejected;
        body.insert("duties", "補正後的工作項目");
        const Reply reply = put(client, token, seededRejected, body, etagOf(rejected));
        INFO(reply.body.toStdString());
        REQUIRE(reply.status == 200);
        CHECK(reply.json().value("status") == "scheduled"); // its dates lie in 2099
        CHECK_FALSE(reply.json().contains("rejectionReason"));
        CHECK(record(client, token, seededRejected).value("duties") == "補正後的工作項目");
    }
}
