// The public Open Data feed: the government format (vacancy-data.md §1), read back with a real
// XML parser.

#include "../core/vacancy_fixture.hpp"
#include "server/opendata/open_data_xml.hpp"

#include <QXmlStreamReader>
#include <catch2/catch.hpp>

using core::domain::CodeLists;
using core::domain::Gender;
using core::domain::RankClass;
using core::domain::Vacancy;
using core::domain::VacancyClass;
using server::opendata::openDataXml;

namespace {

// The reference's tag list, written out here on purpose (not taken from the code under test).
const QStringList referenceTags
    = { "ORG_ID", "ORG_NAME", "PERSON_KIND", "RANK", "TITLE", "SYSNAM", "NUMBER_OF", "RESERVE_NUM",
          "GENDER_TYPE", "WORK_PLACE_TYPE", "DATE_FROM", "DATE_TO", "IS_HANDICAP", "IS_ORIGINAL",
          "IS_LOCAL_ORIGINAL", "IS_TRANING", "IS_TRANSFER", "TYPE", "VITAE_EMAIL", "WORK_QUALITY",
          "WORK_ITEM", "WORK_ADDRESS", "CONTACT_METHOD", "URL_LINK", "VIEW_URL", "Work_Type" };

struct Row {
    QStringList tags;
    QHash<QString, QString> values;
    QString operator[](const QString& tag) const { return values.value(tag); }
};

struct Feed {
    QString root;
    QStringList rootChildren; ///< element names directly under the root
    QString announceDate;
    QList<Row> rows;
    QString error; ///< the reader's message; empty when well-formed
};

/// Parses the feed strictly: anything but ANNOUNCE_DATE and ROW under the root, or a nested
/// element inside a row's field, is reported as an error.
Feed parse(const QByteArray& bytes)
{
    Feed feed;
    QXmlStreamReader xml(bytes);
    if (!xml.readNextStartElement()) {
        feed.error = QStringLiteral("no root: ") + xml.errorString();
        return feed;
    }
    feed.root = xml.name().toString();
    while (xml.readNextStartElement()) {
        const QString name = xml.name().toString();
        feed.rootChildren.append(name);
        if (name == QLatin1String("ANNOUNCE_DATE")) {
            feed.announceDate = xml.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement);
        } else if (name == QLatin1String("ROW")) {
            Row row;
            while (xml.readNextStartElement()) {
                const QString tag = xml.name().toString();
                row.tags.append(tag);
                row.values.insert(
                    tag, xml.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement));
            }
            feed.rows.append(row);
        } else {
            xml.skipCurrentElement();
        }
    }
    while (!xml.atEnd() && !xml.hasError())
        xml.readNext();
    if (xml.hasError())
        feed.error = xml.errorString();
    return feed;
}

const QDate announce(2026, 11, 28);

Feed feedOf(const QList<Vacancy>& vacancies)
{
    return parse(openDataXml(vacancies, CodeLists::builtin(), announce));
}

Row rowOf(const Vacancy& vacancy)
{
    const Feed feed = feedOf({ vacancy });
    REQUIRE(feed.error.isEmpty());
    REQUIRE(feed.rows.size() == 1);
    return feed.rows.first();
}

/// Every field filled, with awkward but legal values.
Vacancy everyFieldFilled()
{
    Vacancy v = domaintest::validVacancy();
    v.fillerExtension = QStringLiteral("123");
    v.rankClasses
        = { RankClass::Junior, RankClass::Intermediate, RankClass::Senior, RankClass::Other };
    v.gradeText = QStringLiteral("約僱5等280薪點");
    v.seriesCodes = { QStringLiteral("A101"), QStringLiteral("B702") };
    v.openings = 3;
    v.reserveOpenings = 6;
    v.gender = Gender::Female;
    v.genderReason = QStringLiteral("女性受刑人戒護");
    v.workplaceCodes = { QStringLiteral("10"), QStringLiteral("23"), QStringLiteral("98") };
    v.welcomesDisabled = v.welcomesIndigenous = v.indigenousArea = v.trainingProgramme = v.transfer
        = true;
    v.vacancyClass = VacancyClass::NoResumeAccess;
    v.resumeAccess.enabled = true;
    v.resumeAccess.trainingFrom = QDate(2020, 1, 1);
    v.resumeAccess.trainingTo = QDate(2025, 12, 31);
    v.resumeAccess.appraisalFromYear = 2021;
    v.resumeAccess.appraisalToYear = 2025;
    v.resumeAccess.items = { core::domain::ResumeItem::All };
    v.qualifications = QStringLiteral("1. 具「綜合行政」職系任用資格 & 薦任 <第7職等> 以上\n"
                                      "2. \"Excel\" 'Word' 熟練\t(尤佳) 😀");
    v.vacancyId = QStringLiteral("1151100001");
    v.status = core::domain::VacancyStatus::Published;
    v.createdOn = v.updatedOn = v.publishedOn = QDate(2026, 11, 20);
    return v;
}

} // namespace

TEST_CASE("open data feed: ROOT, ANNOUNCE_DATE, then one ROW per vacancy with every tag in order")
{
    Vacancy second = domaintest::validVacancy();
    second.title = QStringLiteral("技士");
    const QByteArray bytes
        = openDataXml({ domaintest::validVacancy(), second }, CodeLists::builtin(), announce);

    CHECK(bytes.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    const Feed feed = parse(bytes);
    REQUIRE(feed.error.isEmpty());
    CHECK(feed.root == QLatin1String("ROOT"));
    CHECK(feed.rootChildren == QStringList { "ANNOUNCE_DATE", "ROW", "ROW" });
    CHECK(feed.announceDate == QLatin1String("1151128"));
    REQUIRE(feed.rows.size() == 2);
    for (const Row& row : feed.rows)
        CHECK(row.tags == referenceTags);
    CHECK(server::opendata::openDataRowTags() == referenceTags);
    // Input order is kept.
    CHECK(feed.rows[0]["TITLE"] == QStringLiteral("科員"));
    CHECK(feed.rows[1]["TITLE"] == QStringLiteral("技士"));
}

TEST_CASE("open data feed: empty values are written as empty elements, never left out")
{
    Vacancy v = domaintest::validVacancy();
    v.contactEmail.clear();
    v.announcementUrl.clear();
    v.seriesCodes.clear();
    // No vacancyId: VIEW_URL is empty.
    const QByteArray bytes = openDataXml({ v }, CodeLists::builtin(), announce);
    CHECK(bytes.contains("<VITAE_EMAIL/>"));
    CHECK(bytes.contains("<URL_LINK/>"));
    CHECK(bytes.contains("<SYSNAM/>"));
    CHECK(bytes.contains("<VIEW_URL/>"));

    const Feed feed = parse(bytes);
    REQUIRE(feed.rows.size() == 1);
    CHECK(feed.rows[0].tags == referenceTags);
    CHECK(feed.rows[0]["VITAE_EMAIL"].isEmpty());
    CHECK(feed.rows[0]["VIEW_URL"].isEmpty());
}

TEST_CASE("open data feed: an empty list is ROOT with ANNOUNCE_DATE alone")
{
    const QByteArray bytes = openDataXml({}, CodeLists::builtin(), QDate(2016, 5, 15));
    const Feed feed = parse(bytes);
    REQUIRE(feed.error.isEmpty());
    CHECK(feed.root == QLatin1String("ROOT"));
    CHECK(feed.rootChildren == QStringList { "ANNOUNCE_DATE" });
    CHECK(feed.announceDate == QLatin1String("1050515"));
    CHECK(feed.rows.isEmpty());
}

TEST_CASE("open data feed: the fixture's fields map to the feed's texts")
{
    Vacancy v = domaintest::validVacancy();
    v.vacancyId = QStringLiteral("1151100042");
    const Row row = rowOf(v);
    CHECK(row["ORG_ID"] == QLatin1String("A096C0000Q"));
    CHECK(row["ORG_NAME"] == QStringLiteral("國立臺北護理健康大學"));
    CHECK(row["PERSON_KIND"] == QStringLiteral("一般人員"));
    CHECK(row["RANK"] == QStringLiteral("委任第5職等或薦任第6職等至薦任第7職等"));
    CHECK(row["TITLE"] == QStringLiteral("科員"));
    CHECK(row["SYSNAM"] == QStringLiteral("綜合行政"));
    CHECK(row["NUMBER_OF"] == QLatin1String("1"));
    CHECK(row["RESERVE_NUM"] == QLatin1String("2"));
    CHECK(row["GENDER_TYPE"] == QStringLiteral("不拘"));
    CHECK(row["WORK_PLACE_TYPE"] == QStringLiteral(",10-臺北市"));
    CHECK(row["DATE_FROM"] == QLatin1String("1151201"));
    CHECK(row["DATE_TO"] == QLatin1String("1151204"));
    CHECK(row["TYPE"] == QStringLiteral("薦任,委任"));
    CHECK(row["VITAE_EMAIL"] == QLatin1String("hr@ntunhs.edu.tw"));
    CHECK(row["WORK_QUALITY"] == QStringLiteral("具公務人員任用資格"));
    CHECK(row["WORK_ITEM"] == QStringLiteral("綜合業務"));
    CHECK(row["WORK_ADDRESS"] == QStringLiteral("臺北市北投區明德路365號"));
    CHECK(row["CONTACT_METHOD"] == QStringLiteral("請寄履歷"));
    CHECK(row["URL_LINK"] == QLatin1String("https://www.ntunhs.edu.tw/notice"));
    CHECK(row["VIEW_URL"]
        == QLatin1String(
            "https://web3.dgpa.gov.tw/want03front/ap/wantf00001_1.aspx?work_id=1151100042"));
    CHECK(row["Work_Type"] == QStringLiteral("須具公務人員任用資格職缺"));
    // Not public: the filler and the agency address appear nowhere.
    const QByteArray bytes = openDataXml({ v }, CodeLists::builtin(), announce);
    CHECK_FALSE(bytes.contains(QStringLiteral("王小明").toUtf8()));
    CHECK_FALSE(bytes.contains("02-28227101"));
    CHECK_FALSE(bytes.contains("wang@ntunhs.edu.tw"));
}

TEST_CASE("open data feed: dates are ROC yyyMMdd, zero-padded to 7 digits")
{
    Vacancy v = domaintest::validVacancy();
    SECTION("a year before ROC 100")
    {
        v.validFrom = QDate(2010, 12, 31);
        v.validTo = QDate(2011, 1, 1);
        const Row row = rowOf(v);
        CHECK(row["DATE_FROM"] == QLatin1String("0991231"));
        CHECK(row["DATE_TO"] == QLatin1String("1000101"));
    }
    SECTION("the first ROC day")
    {
        v.validFrom = QDate(1912, 1, 1);
        CHECK(rowOf(v)["DATE_FROM"] == QLatin1String("0010101"));
    }
    SECTION("no date, or one before the ROC calendar, is empty")
    {
        v.validFrom = QDate();
        v.validTo = QDate(1911, 12, 31);
        const Row row = rowOf(v);
        CHECK(row["DATE_FROM"].isEmpty());
        CHECK(row["DATE_TO"].isEmpty());
        CHECK(row.tags == referenceTags);
    }
    SECTION("the announce date")
    {
        const Feed feed = parse(openDataXml({}, CodeLists::builtin(), QDate(2010, 1, 5)));
        CHECK(feed.announceDate == QLatin1String("0990105"));
        CHECK(parse(openDataXml({}, CodeLists::builtin(), QDate())).announceDate.isEmpty());
    }
}

TEST_CASE("open data feed: the five flags are Y/N, each on its own tag")
{
    struct Case {
        bool Vacancy::*field;
        const char* tag;
    };
    const Case cases[] = {
        { &Vacancy::welcomesDisabled, "IS_HANDICAP" },
        { &Vacancy::welcomesIndigenous, "IS_ORIGINAL" },
        { &Vacancy::indigenousArea, "IS_LOCAL_ORIGINAL" },
        { &Vacancy::trainingProgramme, "IS_TRANING" },
        { &Vacancy::transfer, "IS_TRANSFER" },
    };
    const Row none = rowOf(domaintest::validVacancy());
    for (const Case& c : cases)
        CHECK(none[QLatin1String(c.tag)] == QLatin1String("N"));
    for (const Case& set : cases) {
        Vacancy v = domaintest::validVacancy();
        v.*set.field = true;
        const Row row = rowOf(v);
        for (const Case& c : cases) {
            INFO("set " << set.tag << ", checking " << c.tag);
            CHECK(row[QLatin1String(c.tag)] == QLatin1String(c.field == set.field ? "Y" : "N"));
        }
    }
}

TEST_CASE("open data feed: several 職系 and 工作地點")
{
    Vacancy v = domaintest::validVacancy();
    SECTION("names joined by 、, workplaces as ,NN-名稱 tokens")
    {
        v.seriesCodes = { QStringLiteral("A101"), QStringLiteral("B702"), QStringLiteral("BG01") };
        v.workplaceCodes = { QStringLiteral("10"), QStringLiteral("23"), QStringLiteral("99"),
            QStringLiteral("101") };
        const Row row = rowOf(v);
        CHECK(row["SYSNAM"] == QStringLiteral("綜合行政、資訊處理、技藝"));
        CHECK(row["WORK_PLACE_TYPE"]
            == QStringLiteral(",10-臺北市,23-新北市,99-跨縣市,101-中興新村"));
    }
    SECTION("0100 is 無; retired and unknown codes stay visible")
    {
        v.seriesCodes = { QStringLiteral("0100") };
        v.workplaceCodes = { QStringLiteral("21"), QStringLiteral("77") };
        const Row row = rowOf(v);
        CHECK(row["SYSNAM"] == QStringLiteral("無"));
        CHECK(row["WORK_PLACE_TYPE"] == QStringLiteral(",21-福建省連江縣,77"));
        v.seriesCodes = { QStringLiteral("Z999") };
        CHECK(rowOf(v)["SYSNAM"] == QLatin1String("Z999"));
    }
}

TEST_CASE("open data feed: 官職等 and 官等類別")
{
    Vacancy v = domaintest::validVacancy();
    SECTION("one grade alone, and 簡任 first in TYPE")
    {
        v.gradeRanges = { { RankClass::Intermediate, 8, 8 } };
        v.rankClasses
            = { RankClass::Junior, RankClass::Senior, RankClass::Other, RankClass::Intermediate };
        const Row row = rowOf(v);
        CHECK(row["RANK"] == QStringLiteral("薦任第8職等"));
        CHECK(row["TYPE"] == QStringLiteral("簡任,薦任,委任,其他"));
    }
    SECTION("without ranges the free text is the RANK")
    {
        v.gradeRanges.clear();
        v.gradeText = QStringLiteral("約僱5等280薪點");
        v.rankClasses = { RankClass::Other };
        const Row row = rowOf(v);
        CHECK(row["RANK"] == QStringLiteral("約僱5等280薪點"));
        CHECK(row["TYPE"] == QStringLiteral("其他"));
    }
    SECTION("nothing at all: empty elements")
    {
        v.gradeRanges.clear();
        v.rankClasses.clear();
        const Row row = rowOf(v);
        CHECK(row["RANK"].isEmpty());
        CHECK(row["TYPE"].isEmpty());
    }
}

TEST_CASE("open data feed: gender, 名額 and 職缺類別 texts")
{
    Vacancy v = domaintest::validVacancy();
    v.gender = Gender::Male;
    CHECK(rowOf(v)["GENDER_TYPE"] == QStringLiteral("男"));
    v.gender = Gender::Female;
    CHECK(rowOf(v)["GENDER_TYPE"] == QStringLiteral("女"));
    v.gender = Gender::Any;
    CHECK(rowOf(v)["GENDER_TYPE"] == QStringLiteral("不拘"));

    v.openings = 12;
    v.reserveOpenings = 0;
    Row row = rowOf(v);
    CHECK(row["NUMBER_OF"] == QLatin1String("12"));
    CHECK(row["RESERVE_NUM"] == QLatin1String("0"));

    v.vacancyClass = VacancyClass::NonCivilService;
    CHECK(rowOf(v)["Work_Type"] == QStringLiteral("不具公務人員任用資格"));
    v.vacancyClass = VacancyClass::NoResumeAccess;
    CHECK(rowOf(v)["Work_Type"] == QStringLiteral("不使用應徵者履歷調閱"));
}

TEST_CASE("open data feed: markup characters in free text are escaped and read back intact")
{
    Vacancy v = domaintest::validVacancy();
    const QString text = QStringLiteral("a < b && c > d \"quoted\" 'single' </ROW><ROW>");
    v.qualifications = text;
    v.title = QStringLiteral("科員 & <技士>");
    v.agencyName = QStringLiteral("\"機關\"");
    const QByteArray bytes = openDataXml({ v }, CodeLists::builtin(), announce);
    CHECK(bytes.contains("a &lt; b &amp;&amp; c"));
    CHECK(bytes.contains("&lt;/ROW"));
    CHECK_FALSE(bytes.contains("<技士>"));

    const Feed feed = parse(bytes);
    REQUIRE(feed.error.isEmpty());
    REQUIRE(feed.rows.size() == 1);
    CHECK(feed.rows[0]["WORK_QUALITY"] == text);
    CHECK(feed.rows[0]["TITLE"] == QStringLiteral("科員 & <技士>"));
    CHECK(feed.rows[0]["ORG_NAME"] == QStringLiteral("\"機關\""));
}

TEST_CASE("open data feed: characters XML cannot carry are dropped, the rest kept")
{
    Vacancy v = domaintest::validVacancy();
    QString dirty = QStringLiteral("A");
    dirty += QChar(0x0001);
    dirty += QStringLiteral("B");
    dirty += QChar(0x001F);
    dirty += QChar(0x0000);
    dirty += QStringLiteral("C\tD\nE");
    dirty += QChar(0x007F);
    dirty += QChar(0x0085);
    dirty += QChar(0xFFFE);
    dirty += QChar(0xFFFF);
    dirty += QChar(0xD800); // lone high surrogate
    dirty += QStringLiteral("F");
    dirty += QChar(0xDC00); // lone low surrogate
    dirty += QStringLiteral("😀臺");
    v.duties = dirty;
    QString onlyControls;
    onlyControls += QChar(0x0002);
    onlyControls += QChar(0x0008);
    v.contactMethod = onlyControls;

    const QByteArray bytes = openDataXml({ v }, CodeLists::builtin(), announce);
    const Feed feed = parse(bytes);
    REQUIRE(feed.error.isEmpty());
    REQUIRE(feed.rows.size() == 1);
    CHECK(feed.rows[0]["WORK_ITEM"] == QStringLiteral("ABC\tD\nEF😀臺"));
    CHECK(feed.rows[0]["CONTACT_METHOD"].isEmpty());
    CHECK(bytes.contains("<CONTACT_METHOD/>"));
    CHECK(feed.rows[0].tags == referenceTags);
    CHECK_FALSE(bytes.contains('\x01'));
    CHECK_FALSE(bytes.contains('\0'));
}

TEST_CASE("open data feed: line ends are written as LF")
{
    Vacancy v = domaintest::validVacancy();
    v.duties = QStringLiteral("1.甲\r\n2.乙\r3.丙\n4.丁");
    const QByteArray bytes = openDataXml({ v }, CodeLists::builtin(), announce);
    CHECK_FALSE(bytes.contains('\r'));
    CHECK(rowOf(v)["WORK_ITEM"] == QStringLiteral("1.甲\n2.乙\n3.丙\n4.丁"));
}

TEST_CASE("open data feed: a vacancy with every field filled is well-formed")
{
    const Vacancy v = everyFieldFilled();
    const QByteArray bytes = openDataXml({ v, v }, CodeLists::builtin(), announce,
        QStringLiteral("https://jobs.example.gov.tw/vacancies/"));
    CHECK(QString::fromUtf8(bytes).toUtf8() == bytes); // valid UTF-8
    const Feed feed = parse(bytes);
    REQUIRE(feed.error.isEmpty());
    REQUIRE(feed.rows.size() == 2);
    const Row& row = feed.rows[0];
    CHECK(row.tags == referenceTags);
    for (const QString& tag : referenceTags) {
        INFO(tag.toStdString());
        CHECK_FALSE(row[tag].isEmpty());
    }
    CHECK(row["WORK_QUALITY"] == v.qualifications);
    CHECK(row["SYSNAM"] == QStringLiteral("綜合行政、資訊處理"));
    CHECK(row["WORK_PLACE_TYPE"] == QStringLiteral(",10-臺北市,23-新北市,98-連江縣"));
    CHECK(row["RANK"] == QStringLiteral("委任第5職等或薦任第6職等至薦任第7職等"));
    CHECK(row["TYPE"] == QStringLiteral("簡任,薦任,委任,其他"));
    CHECK(row["GENDER_TYPE"] == QStringLiteral("女"));
    CHECK(row["NUMBER_OF"] == QLatin1String("3"));
    CHECK(row["RESERVE_NUM"] == QLatin1String("6"));
    CHECK(row["VIEW_URL"] == QLatin1String("https://jobs.example.gov.tw/vacancies/1151100001"));
    CHECK(row["Work_Type"] == QStringLiteral("不使用應徵者履歷調閱"));
    for (const char* flagTag :
        { "IS_HANDICAP", "IS_ORIGINAL", "IS_LOCAL_ORIGINAL", "IS_TRANING", "IS_TRANSFER" })
        CHECK(row[QLatin1String(flagTag)] == QLatin1String("Y"));
    // Not in the feed: the gender reason has no tag.
    CHECK_FALSE(bytes.contains(QStringLiteral("女性受刑人戒護").toUtf8()));
}
