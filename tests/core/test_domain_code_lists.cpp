// Code lists: the built-in copy from resources/codes and the server's replacement.
#include "core/domain/code_lists.hpp"
#include "core/domain/domain_json_error.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <catch2/catch.hpp>

using namespace core::domain;

namespace {

QJsonObject parse(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

/// A made-up server bundle: a retired 人員區分 and 職系, a retired 工作地點 with a successor.
const char* serverBundle = R"({
  "personKinds": {"items": ["一般人員", {"name": "駐衛警", "retired": true}]},
  "series": {"items": [{"code": "0100", "name": "無"}, {"code": "A101", "name": "綜合行政"},
                       {"code": "X999", "name": "舊職系", "retired": true, "validTo": "2020-01-15"}]},
  "workplaces": {"items": [{"code": "98", "name": "連江縣"},
                           {"code": "21", "name": "福建省連江縣", "retired": true, "replacedBy": "98"}]},
  "grades": {"ranks": [{"rank": "委任", "from": 1, "to": 5}]},
  "titles": {"items": ["科員"]}
})";

} // namespace

TEST_CASE("the built-in lists come from the shipped reference files", "[domain][codes]")
{
    const CodeLists& lists = CodeLists::builtin();
    CHECK(lists.etag().isEmpty());
    CHECK(lists.items(CodeListKind::PersonKind).size() == 30);
    // The 人員區分 agencies use: the 2016 feed's 代理教師 and 駐衛警, and the 2022 filter's 駐警衛.
    for (const char* kind : { "代理教師", "駐衛警", "駐警衛" }) {
        INFO(kind);
        CHECK(lists.contains(CodeListKind::PersonKind, QString::fromUtf8(kind)));
        CHECK_FALSE(lists.isRetired(CodeListKind::PersonKind, QString::fromUtf8(kind)));
    }
    qsizetype current = 0;
    for (const Code& c : lists.items(CodeListKind::Series))
        current += c.retired ? 0 : 1;
    CHECK(current == 58); // 57 職系 + 0100 無
    // Old names stay readable, retired, each naming the 職系 that took it over.
    const auto old = lists.find(CodeListKind::Series, QStringLiteral("一般行政"));
    REQUIRE(old);
    CHECK(old->retired);
    CHECK(old->replacedBy == QStringLiteral("A101"));
    for (const Code& c : lists.items(CodeListKind::Series)) {
        INFO(c.code.toStdString());
        if (!c.retired)
            continue;
        CHECK(lists.contains(CodeListKind::Series, c.replacedBy));
        CHECK_FALSE(lists.isRetired(CodeListKind::Series, c.replacedBy));
    }
    CHECK(lists.findByName(CodeListKind::Series, QStringLiteral("資訊處理"))->code
        == QStringLiteral("B702"));
    CHECK_FALSE(lists.findByName(CodeListKind::Series, QStringLiteral("B702")));
    CHECK(lists.find(CodeListKind::Series, QStringLiteral("B702"))->name
        == QStringLiteral("資訊處理"));
    CHECK(lists.find(CodeListKind::Workplace, QStringLiteral("33"))->name
        == QStringLiteral("桃園市"));
    CHECK(lists.contains(CodeListKind::PersonKind, QStringLiteral("一般人員")));
    CHECK_FALSE(lists.contains(CodeListKind::Series, QStringLiteral("A999")));

    // Retirement is marked in workplaces.json: 21 → 98, 32 → 33.
    CHECK(lists.isRetired(CodeListKind::Workplace, QStringLiteral("21")));
    CHECK(lists.find(CodeListKind::Workplace, QStringLiteral("32"))->replacedBy
        == QStringLiteral("33"));
    CHECK_FALSE(lists.isRetired(CodeListKind::Workplace, QStringLiteral("98")));
    CHECK_FALSE(lists.isRetired(CodeListKind::Workplace, QStringLiteral("nope")));

    const auto intermediate = lists.band(RankClass::Intermediate);
    REQUIRE(intermediate);
    CHECK(intermediate->from == 6);
    CHECK(intermediate->to == 9);
    CHECK_FALSE(lists.band(RankClass::Other));
    CHECK(lists.commonTitles().contains(QStringLiteral("科員")));
    CHECK(lists.commonRanges().size() == 10);
}

TEST_CASE("the server's lists replace the built-in ones, ETag kept", "[domain][codes]")
{
    const CodeLists lists = CodeLists::fromJson(parse(serverBundle), QStringLiteral("\"v42\""));
    CHECK(lists.etag() == QStringLiteral("\"v42\""));
    CHECK(lists.items(CodeListKind::PersonKind).size() == 2);
    CHECK(lists.isRetired(CodeListKind::PersonKind, QStringLiteral("駐衛警")));
    CHECK_FALSE(lists.isRetired(CodeListKind::PersonKind, QStringLiteral("一般人員")));
    CHECK(lists.isRetired(CodeListKind::Series, QStringLiteral("X999")));
    CHECK_FALSE(lists.contains(CodeListKind::Series, QStringLiteral("B702")));
    CHECK(lists.band(RankClass::Junior).has_value());
    CHECK_FALSE(lists.band(RankClass::Senior).has_value());
}

TEST_CASE("a malformed server bundle is refused with the field named", "[domain][codes]")
{
    const auto fieldOf = [](const char* json) {
        try {
            CodeLists::fromJson(parse(json), QString());
        } catch (const DomainJsonError& error) {
            return error.field();
        }
        return QStringLiteral("(accepted)");
    };
    CHECK(fieldOf(R"({"series": {"items": []}})") == QStringLiteral("personKinds"));
    CHECK(fieldOf(R"({"personKinds": {"items": [1]}, "series": {"items": []},
        "workplaces": {"items": []}, "grades": {"ranks": []}, "titles": {"items": []}})")
        == QStringLiteral("personKinds.items[0]"));
    CHECK(fieldOf(R"({"personKinds": {"items": []}, "series": {"items": [{"code": "A1",
        "name": "x", "retired": "yes"}]}, "workplaces": {"items": []}, "grades": {"ranks": []},
        "titles": {"items": []}})")
        == QStringLiteral("series.items[0].retired"));
    CHECK(fieldOf(R"({"personKinds": {"items": []}, "series": {"items": []},
        "workplaces": {"items": []}, "grades": {"ranks": [{"rank": "委任", "from": 5, "to": 1}]},
        "titles": {"items": []}})")
        == QStringLiteral("grades.ranks[0]"));
}

TEST_CASE("the bundle's register gives an agency's units, level by level", "[domain][codes]")
{
    QJsonObject bundle = parse(serverBundle);
    CHECK(CodeLists::fromJson(bundle, QString()).agencies().isEmpty()); // an older server's
    bundle.insert("agencies", parse(R"({"items": [
        {"code": "A29000000G", "name": "數位發展部", "address": "臺北市中正區延平南路143號"},
        {"code": "A29020000G", "name": "數位發展部數位產業署", "parent": "A29000000G"},
        {"code": "A29010000G", "name": "數位發展部資通安全署", "parent": "A29000000G"},
        {"code": "A29010100G", "name": "資通安全署某中心", "parent": "A29010000G"},
        {"code": "A12000000X", "name": "他機關"},
        {"code": "L1", "name": "迴圈一", "parent": "L2"},
        {"code": "L2", "name": "迴圈二", "parent": "L1"}]})"));
    const CodeLists lists = CodeLists::fromJson(bundle, QString());
    REQUIRE(lists.agencies().size() == 7);
    CHECK(lists.agencies().first().address == QStringLiteral("臺北市中正區延平南路143號"));
    QStringList units;
    for (const Agency& unit : lists.unitsOf(QStringLiteral("A29000000G")))
        units.append(unit.code);
    CHECK(units == QStringList { "A29020000G", "A29010000G", "A29010100G" });
    CHECK(lists.unitsOf(QStringLiteral("A12000000X")).isEmpty());
    CHECK(lists.unitsOf(QStringLiteral("nowhere")).isEmpty());
    CHECK(lists.unitsOf(QStringLiteral("L1")).size() == 1); // a loop ends

    bundle.insert("agencies", parse(R"({"items": [{"code": "A1", "name": "x", "parent": 3}]})"));
    try {
        CodeLists::fromJson(bundle, QString());
        FAIL("accepted a parent that is no string");
    } catch (const DomainJsonError& error) {
        CHECK(error.field() == QStringLiteral("agencies.items[0].parent"));
    }
}
