// The public Open Data feed over HTTP (GET /opendata/vacancies.xml): today's published vacancies
// of every agency and nothing else, ROC dates, a strong ETag with 304; and the demo seed
// (server/seed/demo.json) starting a working server.

#include "card_login.hpp"
#include "core/domain/roc_date.hpp"
#include "open_data_feed.hpp"
#include "test_server.hpp"
#include "vacancy_test_support.hpp"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace servertest;
using opendatatest::Feed;
using opendatatest::feedPath;
using opendatatest::parseFeed;

namespace {

QString rocToday()
{
    return core::domain::RocDate::fromDate(vacancytest::today())->compact();
}

QJsonObject seededVacancy(const QString& id, const QString& agency, const QString& state,
    const QDate& from, const QDate& to)
{
    QJsonObject body = vacancytest::vacancyBody();
    body.remove("agencyCode");
    body.remove("agencyName");
    body.insert("validFrom", from.toString(Qt::ISODate));
    body.insert("validTo", to.toString(Qt::ISODate));
    QJsonObject entry { { "vacancyId", id }, { "agencyCode", agency }, { "state", state },
        { "vacancy", body } };
    if (state == QLatin1String("rejected"))
        entry.insert("rejectionReason", "資格條件請具體說明。");
    return entry;
}

/// test.json plus one vacancy of each status for both agencies, so every case is present.
class FeedSeed {
public:
    FeedSeed()
    {
        QFile base(seedPath("test.json"));
        REQUIRE(base.open(QIODevice::ReadOnly));
        QJsonObject seed = QJsonDocument::fromJson(base.readAll()).object();
        const QDate today = vacancytest::today();
        QJsonArray vacancies = seed.value("vacancies").toArray();
        const QString own = QStringLiteral("A29000000G");
        const QString other = QStringLiteral("A12000000X");
        const auto add = [&](const QString& id, const QString& agency, const QString& state,
                             const QDate& from, const QDate& to) {
            vacancies.append(seededVacancy(id, agency, state, from, to));
        };
        add("1159800001", own, "active", today.addDays(-30), QDate(2099, 12, 31)); // published
        add("1159800002", own, "active", today, today.addDays(3)); // published: starts today
        add("1159800003", own, "active", today.addDays(-10), today); // published: ends today
        add("1159800004", own, "active", today.addDays(1), today.addDays(20)); // scheduled
        add("1159800005", own, "active", today.addDays(-20), today.addDays(-1)); // ended
        add("1159800006", other, "withdrawn", today.addDays(-5), QDate(2099, 12, 31));
        add("1159800007", other, "rejected", today.addDays(-5), QDate(2099, 12, 31));
        add("1159800008", other, "active", today.addDays(-3), QDate(2099, 12, 31)); // published
        seed.insert("vacancies", vacancies);

        // What must be in the feed: every seeded entry that is active and valid today.
        for (const QJsonValue& value : vacancies) {
            const QJsonObject entry = value.toObject();
            const QJsonObject v = entry.value("vacancy").toObject();
            const bool active = entry.value("state").toString("active") == QLatin1String("active");
            const QDate from = QDate::fromString(v.value("validFrom").toString(), Qt::ISODate);
            const QDate to = QDate::fromString(v.value("validTo").toString(), Qt::ISODate);
            const bool published = active && from <= today && today <= to;
            const QString id = entry.value("vacancyId").toString();
            if (published) {
                ++publishedCount;
                if (!id.isEmpty())
                    publishedIds.insert(id);
            } else if (!id.isEmpty()) {
                hiddenIds.insert(id);
            }
        }

        REQUIRE(dir_.isValid());
        path_ = dir_.filePath("feed-seed.json");
        QFile out(path_);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(seed).toJson());
    }

    ServerOptions options() const
    {
        ServerOptions options;
        options.seed = path_;
        return options;
    }

    QSet<QString> publishedIds;
    QSet<QString> hiddenIds;
    int publishedCount = 0;

private:
    QTemporaryDir dir_;
    QString path_;
};

QString demoSeedPath()
{
    const QString source = qEnvironmentVariable("SHIQIUREN_SOURCE_DIR");
    if (!source.isEmpty())
        return source + QStringLiteral("/server/seed/demo.json");
    // tests/server/seed → the source tree's root.
    return QDir(seedPath(QStringLiteral("../../../server/seed/demo.json"))).absolutePath();
}

} // namespace

TEST_CASE("Open Data route: today's published vacancies of every agency, nothing else",
    "[server][opendata-route]")
{
    const FeedSeed seed;
    TestServer server(seed.options());
    const HttpClient client = server.client();

    const Reply reply = client.get(feedPath); // public: no session
    INFO(reply.body.left(2000).toStdString());
    REQUIRE(reply.status == 200);
    CHECK(reply.header("Content-Type") == "application/xml; charset=utf-8");
    const Feed feed = parseFeed(reply.body);
    CHECK(feed.announceDate == rocToday());
    CHECK(feed.rows.size() == seed.publishedCount);
    const QSet<QString> ids = feed.workIds();
    for (const QString& id : seed.publishedIds) {
        INFO("published " << id.toStdString());
        CHECK(ids.contains(id));
    }
    for (const QString& id : seed.hiddenIds) {
        INFO("not published " << id.toStdString());
        CHECK_FALSE(ids.contains(id));
    }
    CHECK(ids.contains("1159800001"));
    CHECK(ids.contains("1159800002"));
    CHECK(ids.contains("1159800003"));
    CHECK(ids.contains("1159800008"));
    CHECK(ids.contains("1140600001")); // test.json: 他機關's current one

    QSet<QString> agencies;
    for (const auto& row : feed.rows) {
        agencies.insert(row.value("ORG_ID"));
        CHECK(row.value("DATE_FROM").size() == 7); // ROC yyyMMdd
        CHECK(row.value("DATE_TO").size() == 7);
        CHECK(row.value("DATE_FROM") <= feed.announceDate);
        CHECK(row.value("DATE_TO") >= feed.announceDate);
        CHECK_FALSE(row.value("ORG_NAME").isEmpty());
    }
    CHECK(agencies == QSet<QString> { "A29000000G", "A12000000X" });
    const auto row = std::find_if(feed.rows.begin(), feed.rows.end(),
        [](const auto& r) { return r.value("VIEW_URL").endsWith("1159800001"); });
    REQUIRE(row != feed.rows.end());
    CHECK(row->value("DATE_TO") == "1881231"); // 2099-12-31
    CHECK(row->value("ORG_NAME") == "測試機關");
}

TEST_CASE("Open Data route: strong ETag, 304 on If-None-Match, new tag after a change",
    "[server][opendata-route]")
{
    TestServer server;
    const HttpClient client = server.client();

    const Reply first = client.get(feedPath);
    REQUIRE(first.status == 200);
    const QByteArray etag = first.header("ETag");
    REQUIRE(etag.startsWith('"'));
    REQUIRE(etag.endsWith('"'));

    const Reply again = client.get(feedPath, {}, { { "If-None-Match", etag } });
    CHECK(again.status == 304);
    CHECK(again.body.isEmpty());
    CHECK(again.header("ETag") == etag);
    CHECK(client.get(feedPath, {}, { { "If-None-Match", "W/" + etag } }).status == 304);
    CHECK(client.get(feedPath, {}, { { "If-None-Match", "\"other\", " + etag } }).status == 304);
    const Reply stale = client.get(feedPath, {}, { { "If-None-Match", "\"stale\"" } });
    CHECK(stale.status == 200);
    CHECK(stale.body == first.body);

    // A vacancy published now (starting today) is in the feed at once, under a new tag.
    const QString token = clerkSession(client);
    const QJsonObject record = vacancytest::created(client, token, vacancytest::vacancyBody(0, 10));
    const QString id = record.value("vacancyId").toString();
    const Reply changed = client.get(feedPath, {}, { { "If-None-Match", etag } });
    REQUIRE(changed.status == 200);
    CHECK(changed.header("ETag") != etag);
    CHECK(parseFeed(changed.body).workIds().contains(id));
    // A vacancy starting tomorrow is not.
    const QJsonObject later = vacancytest::created(client, token, vacancytest::vacancyBody(1, 10));
    CHECK_FALSE(parseFeed(client.get(feedPath).body)
                    .workIds()
                    .contains(later.value("vacancyId").toString()));
}

TEST_CASE("Demo seed: server/seed/demo.json starts a working server", "[server][demo-seed]")
{
    ServerOptions options;
    options.seed = demoSeedPath();
    REQUIRE(QFile::exists(options.seed));
    TestServer server(options);
    const HttpClient client = server.client();

    const Reply health = client.get("/api/v1/health");
    REQUIRE(health.status == 200);
    CHECK(health.json().value("status").toString() == "ok");

    const Reply agencies = client.get("/api/v1/reference/agencies");
    REQUIRE(agencies.status == 200);
    const QJsonArray registered = agencies.json().value("items").toArray();
    CHECK(registered.size() == 6);
    // 臺北市政府工務局 has two units (新建工程處, 水利工程處).
    int units = 0;
    for (const QJsonValue& agency : registered)
        units += agency.toObject().value("parent").toString() == "A29000000G" ? 1 : 0;
    CHECK(units == 2);

    // The login-free feed: the long-running published vacancies of all four agencies only.
    const Reply reply = client.get(feedPath);
    REQUIRE(reply.status == 200);
    const QSet<QString> ids = parseFeed(reply.body).workIds();
    CHECK(ids
        == QSet<QString> {
            "1150100001", "1150100002", "1150100003", "1150100101", "1150100201", "1150100301" });

    // 王小明's card activates against the demo's personnel data, and 調閱履歷 works.
    const QString token = clerkSession(client);

    // The demo's postings read like real ones on any day: current, with a period of weeks.
    const QDate today = vacancytest::today();
    for (const char* id : { "1150100001", "1150100002", "1150100003" }) {
        INFO(id);
        const QJsonObject record = vacancytest::record(client, token, QString::fromLatin1(id));
        const QDate from = QDate::fromString(record.value("validFrom").toString(), Qt::ISODate);
        const QDate to = QDate::fromString(record.value("validTo").toString(), Qt::ISODate);
        CHECK(from <= today);
        CHECK(today <= to);
        CHECK(from.daysTo(to) <= 31);
    }
    const Reply applications = client.get("/api/v1/vacancies/1150100001/applications", token);
    INFO(applications.body.toStdString());
    REQUIRE(applications.status == 200);
    CHECK(applications.json().value("total").toInt() == 3);
    const QJsonObject resume
        = applications.json().value("items").toArray().at(0).toObject().value("resume").toObject();
    CHECK(resume.keys().size() == 8);
    CHECK_FALSE(applications.body.contains("\"idNumber\""));
    CHECK(client.get("/api/v1/vacancies/1150100101/applications", token).status == 404);
    CHECK(client.get("/api/v1/vacancies/1150100003/applications", token).status == 403);
}
