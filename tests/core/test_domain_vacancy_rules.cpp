// The form's rules: each one fires exactly its own message on exactly its own field.
#include "core/domain/post_kind.hpp"
#include "core/domain/vacancy_json.hpp"
#include "core/domain/vacancy_rules.hpp"
#include "vacancy_kinds_fixture.hpp"

#include <QJsonDocument>
#include <catch2/catch.hpp>
#include <functional>

using namespace core::domain;
using domaintest::validVacancy;

namespace Catch {
template <> struct StringMaker<FieldMessage> {
    static std::string convert(const FieldMessage& m)
    {
        return (m.field + QStringLiteral(": ") + m.message).toStdString();
    }
};
template <> struct StringMaker<QSet<QString>> {
    static std::string convert(const QSet<QString>& set)
    {
        QStringList sorted = set.values();
        sorted.sort();
        return sorted.join(QLatin1Char(' ')).toStdString();
    }
};
} // namespace Catch

namespace {

const QDate today(2026, 11, 28);

/// The single message one broken field produces, or a description of what came out instead.
FieldMessage onlyMessage(
    const std::function<void(Vacancy&)>& breakIt, const CodeLists& codes = CodeLists::builtin())
{
    Vacancy v = validVacancy();
    breakIt(v);
    const QList<FieldMessage> messages = validate(v, codes, today);
    if (messages.size() == 1)
        return messages.first();
    QString all;
    for (const FieldMessage& m : messages)
        all += m.field + QLatin1Char('=') + m.message + QLatin1Char(';');
    return { QStringLiteral("%1 messages").arg(messages.size()), all };
}

FieldMessage expect(const char* field, const char* message)
{
    return { QString::fromLatin1(field), QString::fromUtf8(message) };
}

} // namespace

TEST_CASE("a fully valid vacancy has no messages", "[domain][rules]")
{
    CHECK(validate(validVacancy(), CodeLists::builtin(), today).isEmpty());
    // Non-任用 posts give their grade as text and may leave 職系 out.
    Vacancy contract = validVacancy();
    contract.vacancyClass = VacancyClass::NonCivilService;
    contract.gradeRanges.clear();
    contract.seriesCodes.clear();
    contract.gradeText = QStringLiteral("約僱5等280薪點");
    CHECK(validate(contract, CodeLists::builtin(), today).isEmpty());
    // A limited gender with its reason is allowed.
    Vacancy guard = validVacancy();
    guard.gender = Gender::Male;
    guard.genderReason = QStringLiteral("男性收容人戒護");
    CHECK(validate(guard, CodeLists::builtin(), today).isEmpty());
    // A posting the server already holds may have started in the past.
    Vacancy published = validVacancy();
    published.status = VacancyStatus::Published;
    published.validFrom = QDate(2026, 11, 1);
    CHECK(validate(published, CodeLists::builtin(), today).isEmpty());
}

TEST_CASE("required fields", "[domain][rules]")
{
    CHECK(onlyMessage([](Vacancy& v) { v.agencyName.clear(); })
        == expect("agencyCode", "請選擇徵才機關"));
    CHECK(onlyMessage([](Vacancy& v) { v.agencyAddress = QStringLiteral("  "); })
        == expect("agencyAddress", "請填寫機關地址"));
    CHECK(onlyMessage([](Vacancy& v) { v.fillerName.clear(); })
        == expect("fillerName", "請填寫填寫人姓名"));
    CHECK(onlyMessage([](Vacancy& v) { v.fillerPhone.clear(); })
        == expect("fillerPhone", "請填寫填寫人電話"));
    CHECK(onlyMessage([](Vacancy& v) { v.personKind.clear(); })
        == expect("personKind", "請選擇人員區分"));
    CHECK(onlyMessage([](Vacancy& v) { v.rankClasses.clear(); })
        == expect("rankClasses", "請選擇官等類別"));
    CHECK(onlyMessage([](Vacancy& v) { v.title.clear(); }) == expect("title", "請填寫職稱"));
    CHECK(onlyMessage([](Vacancy& v) { v.workplaceCodes.clear(); })
        == expect("workplaceCodes", "請選擇工作地點"));
    CHECK(onlyMessage([](Vacancy& v) { v.validFrom = {}; })
        == expect("validFrom", "請填寫有效期間起日"));
    CHECK(
        onlyMessage([](Vacancy& v) { v.validTo = {}; }) == expect("validTo", "請填寫有效期間迄日"));
    CHECK(onlyMessage([](Vacancy& v) { v.qualifications.clear(); })
        == expect("qualifications", "請填寫資格條件"));
    CHECK(onlyMessage([](Vacancy& v) { v.duties.clear(); }) == expect("duties", "請填寫工作項目"));
    CHECK(onlyMessage([](Vacancy& v) { v.workAddress.clear(); })
        == expect("workAddress", "請填寫工作地址"));
    CHECK(onlyMessage([](Vacancy& v) { v.contactMethod.clear(); })
        == expect("contactMethod", "請填寫聯絡方式"));
    CHECK(onlyMessage([](Vacancy& v) { v.gradeRanges.clear(); })
        == expect("gradeRanges", "須具任用資格之職缺請選擇官職等，或填寫其他官職等"));
    CHECK(onlyMessage([](Vacancy& v) { v.seriesCodes.clear(); })
        == expect("seriesCodes", "須具任用資格之職缺請選擇職系"));
}

TEST_CASE("名額 and 候補名額", "[domain][rules]")
{
    CHECK(onlyMessage([](Vacancy& v) {
        v.openings = 0;
        v.reserveOpenings = 0;
    }) == expect("openings", "名額至少須為1名"));
    CHECK(onlyMessage([](Vacancy& v) { v.reserveOpenings = -1; })
        == expect("reserveOpenings", "候補名額不得為負數"));
    CHECK(onlyMessage([](Vacancy& v) { v.reserveOpenings = 3; })
        == expect("reserveOpenings", "候補名額不得超過名額的2倍（最多2名）"));
    CHECK(onlyMessage([](Vacancy& v) {
        v.openings = 3;
        v.reserveOpenings = 7;
    }) == expect("reserveOpenings", "候補名額不得超過名額的2倍（最多6名）"));
}

TEST_CASE("有效期間", "[domain][rules]")
{
    CHECK(onlyMessage([](Vacancy& v) { v.validTo = QDate(2026, 11, 30); })
        == expect("validTo", "有效期間迄日不得早於起日"));
    CHECK(onlyMessage([](Vacancy& v) { v.validTo = QDate(2026, 12, 3); })
        == expect("validTo", "公開甄選公告期間至少須3日"));
    CHECK(onlyMessage([](Vacancy& v) { v.validFrom = QDate(2026, 11, 27); })
        == expect("validFrom", "有效期間起日不得早於今日"));
    // Starting today is fine.
    Vacancy v = validVacancy();
    v.validFrom = today;
    CHECK(validate(v, CodeLists::builtin(), today).isEmpty());
}

TEST_CASE("codes must exist and not be retired", "[domain][rules]")
{
    CHECK(onlyMessage([](Vacancy& v) { v.agencyCode = QStringLiteral("A096C0000"); })
        == expect("agencyCode", "機關代碼格式不正確（應為10碼英數字）"));
    CHECK(onlyMessage([](Vacancy& v) { v.personKind = QStringLiteral("太空人員"); })
        == expect("personKind", "人員區分「太空人員」不在代碼表中"));
    CHECK(onlyMessage([](Vacancy& v) { v.seriesCodes.append(QStringLiteral("A999")); })
        == expect("seriesCodes", "職系代碼「A999」不在代碼表中"));
    CHECK(onlyMessage([](Vacancy& v) { v.seriesCodes.append(QStringLiteral("0100")); })
        == expect("seriesCodes", "職系「無」不得與其他職系同時選擇"));
    CHECK(onlyMessage([](Vacancy& v) { v.workplaceCodes = { QStringLiteral("77") }; })
        == expect("workplaceCodes", "工作地點代碼「77」不在代碼表中"));
    CHECK(onlyMessage([](Vacancy& v) { v.workplaceCodes = { QStringLiteral("21") }; })
        == expect("workplaceCodes", "工作地點「21-福建省連江縣」已停用，請改選「98-連江縣」"));
    CHECK(onlyMessage([](Vacancy& v) { v.workplaceCodes = { QStringLiteral("32") }; })
        == expect("workplaceCodes", "工作地點「32-桃園縣」已停用，請改選「33-桃園市」"));
    CHECK(onlyMessage([](Vacancy& v) {
        v.gradeRanges = { { RankClass::Intermediate, 5, 7 } };
    }) == expect("gradeRanges", "官職等範圍不在該官等的職等之內"));
    CHECK(onlyMessage([](Vacancy& v) {
        v.gradeRanges = { { RankClass::Intermediate, 8, 7 } };
    }) == expect("gradeRanges", "官職等範圍不在該官等的職等之內"));

    // Retirement marked only in a (made-up) server list: 人員區分, 職系, and a place without a
    // successor.
    const CodeLists server = CodeLists::fromJson(QJsonDocument::fromJson(R"({
      "personKinds": {"items": [{"name": "一般人員", "retired": true}]},
      "series": {"items": [{"code": "A101", "name": "綜合行政", "retired": true}]},
      "workplaces": {"items": [{"code": "10", "name": "臺北市", "retired": true}]},
      "grades": {"ranks": [{"rank": "委任", "from": 1, "to": 5}, {"rank": "薦任", "from": 6, "to": 9}]},
      "titles": {"items": []}})")
                                                     .object(),
        QStringLiteral("e1"));
    const QList<FieldMessage> messages = validate(validVacancy(), server, today);
    CHECK(messages
        == QList<FieldMessage> { expect("personKind", "人員區分「一般人員」已停用"),
            expect("seriesCodes", "職系「A101 綜合行政」已停用"),
            expect("workplaceCodes", "工作地點「10-臺北市」已停用") });
}

TEST_CASE("old names and retired codes name the current code", "[domain][rules]")
{
    // Old 職系 names, with or without their suffix, as the 2016 feed wrote them.
    CHECK(onlyMessage([](Vacancy& v) { v.seriesCodes = { QStringLiteral("一般行政") }; })
        == expect("seriesCodes", "職系「一般行政」已停用，請改選「A101 綜合行政」"));
    CHECK(onlyMessage([](Vacancy& v) { v.seriesCodes = { QStringLiteral("會計職系") }; })
        == expect("seriesCodes", "職系「會計職系」已停用，請改選「A202 會計審計」"));
    CHECK(onlyMessage([](Vacancy& v) { v.seriesCodes = { QStringLiteral("電機工程職系") }; })
        == expect("seriesCodes", "職系「電機工程職系」請改以代碼選擇「B701 電機工程」"));
    // A name the list has never held stays unknown; so does the bare suffix.
    CHECK(onlyMessage([](Vacancy& v) { v.seriesCodes = { QStringLiteral("太空行政") }; })
        == expect("seriesCodes", "職系代碼「太空行政」不在代碼表中"));
    CHECK(onlyMessage([](Vacancy& v) { v.seriesCodes = { QStringLiteral("職系") }; })
        == expect("seriesCodes", "職系代碼「職系」不在代碼表中"));

    // A server list may retire a 人員區分 in favour of another spelling.
    const CodeLists server = CodeLists::fromJson(QJsonDocument::fromJson(R"({
      "personKinds": {"items": ["駐衛警", {"name": "駐警衛", "retired": true, "replacedBy": "駐衛警"}]},
      "series": {"items": [{"code": "A101", "name": "綜合行政"}]},
      "workplaces": {"items": [{"code": "10", "name": "臺北市"}]},
      "grades": {"ranks": [{"rank": "委任", "from": 1, "to": 5}, {"rank": "薦任", "from": 6, "to": 9}]},
      "titles": {"items": []}})")
                                                     .object(),
        QStringLiteral("e2"));
    CHECK(onlyMessage([](Vacancy& v) { v.personKind = QStringLiteral("駐警衛"); }, server)
        == expect("personKind", "人員區分「駐警衛」已停用，請改選「駐衛警」"));
}

TEST_CASE("the kinds of vacancy agencies publish are accepted", "[domain][rules][kinds]")
{
    for (const auto& kind : domaintest::realisticVacancies()) {
        INFO(kind.what);
        CHECK(validate(kind.vacancy, CodeLists::builtin(), today).isEmpty());
    }
}

TEST_CASE("the cases that must still be refused are", "[domain][rules][kinds]")
{
    for (const auto& refusal : domaintest::refusals()) {
        INFO(refusal.what);
        CHECK(onlyMessage(refusal.breakIt) == expect(refusal.field, refusal.message));
    }
}

TEST_CASE("what kind of post decides 官職等, 職系 and the 候補 cap", "[domain][rules][kinds]")
{
    const Vacancy appointed = validVacancy();
    CHECK(isAppointmentPost(appointed));
    CHECK(gradeRequired(appointed));
    CHECK(seriesRequired(appointed));
    CHECK(reserveCapApplies(appointed));

    // 人員區分 alone takes a post out of 任用, whatever its 職缺類別 says.
    for (const char* kind : { "約僱人員", "聘用人員", "工友", "技工", "駕駛", "教育人員",
             "代理教師", "駐衛警", "駐警衛", "其他人員" }) {
        INFO(kind);
        Vacancy v = appointed;
        v.personKind = QString::fromUtf8(kind);
        CHECK_FALSE(isAppointmentPost(v));
        CHECK_FALSE(gradeRequired(v));
        CHECK_FALSE(seriesRequired(v));
        CHECK_FALSE(reserveCapApplies(v));
    }
    // So does 職缺類別 alone, for a kind that may be either.
    for (const VacancyClass other :
        { VacancyClass::NonCivilService, VacancyClass::NoResumeAccess }) {
        Vacancy v = appointed;
        v.vacancyClass = other;
        CHECK_FALSE(isAppointmentPost(v));
    }
    // A kind the client does not know yet follows its 職缺類別.
    Vacancy unknownKind = appointed;
    unknownKind.personKind = QStringLiteral("未來人員");
    CHECK(isAppointmentPost(unknownKind));

    // A grade written outside the 委任/薦任/簡任 scheme has no 職系 to choose.
    Vacancy medical = appointed;
    medical.gradeRanges.clear();
    medical.gradeText = QStringLiteral("師(三)級");
    CHECK(gradeRequired(medical));
    CHECK_FALSE(gradeOnRankScheme(medical));
    CHECK_FALSE(seriesRequired(medical));
    // Nor has a 警察 post, however its grade is written.
    Vacancy police = appointed;
    police.personKind = QStringLiteral("警察人員");
    CHECK(gradeRequired(police));
    CHECK_FALSE(seriesRequired(police));
    police.seriesCodes.clear();
    CHECK(validate(police, CodeLists::builtin(), today).isEmpty());
    // Text beside picked ranges keeps the post on the scheme.
    Vacancy both = appointed;
    both.gradeText = QStringLiteral("另加專業加給");
    CHECK(seriesRequired(both));
}

TEST_CASE("the 「*」 marks follow the kind of post", "[domain][rules][kinds]")
{
    const QSet<QString> always { "agencyCode", "agencyAddress", "fillerName", "fillerPhone",
        "personKind", "rankClasses", "title", "openings", "gender", "workplaceCodes", "validFrom",
        "validTo", "qualifications", "duties", "workAddress", "contactMethod" };
    Vacancy v = validVacancy();
    CHECK(requiredFields(v) == (always + QSet<QString> { "gradeRanges", "seriesCodes" }));
    v.personKind = QStringLiteral("約僱人員");
    CHECK(requiredFields(v) == always);
    v.personKind = QStringLiteral("一般人員");
    v.vacancyClass = VacancyClass::NonCivilService;
    CHECK(requiredFields(v) == always);
    v.vacancyClass = VacancyClass::CivilService;
    v.gradeRanges.clear();
    v.gradeText = QStringLiteral("師(三)級");
    CHECK(requiredFields(v) == (always + QSet<QString> { "gradeRanges" }));
    v.gender = Gender::Male;
    CHECK(requiredFields(v).contains(QStringLiteral("genderReason")));

    // Every field a mark names is one whose emptiness the rules report, and the other way round.
    for (const auto& kind : domaintest::realisticVacancies()) {
        INFO(kind.what);
        Vacancy empty;
        empty.personKind = kind.vacancy.personKind;
        empty.vacancyClass = kind.vacancy.vacancyClass;
        empty.gradeText = kind.vacancy.gradeText;
        QSet<QString> reported;
        for (const FieldMessage& m : validate(empty, CodeLists::builtin(), today))
            reported.insert(m.field);
        reported.insert(QStringLiteral("personKind")); // set above, so not reported
        if (gradeRequired(empty) && !empty.gradeText.isEmpty())
            reported.insert(QStringLiteral("gradeRanges")); // satisfied by the text
        reported.insert(QStringLiteral("gender")); // always has a value
        reported.insert(QStringLiteral("openings")); // 1 by default
        CHECK(requiredFields(empty) == reported);
    }
}

TEST_CASE("records saved under the old rules stay valid", "[domain][rules][kinds]")
{
    const QList<Vacancy> saved = domaintest::savedUnderOldRules();
    REQUIRE(saved.size() == 4);
    for (const Vacancy& v : saved) {
        INFO(v.title.toStdString());
        CHECK(validate(v, CodeLists::builtin(), today).isEmpty());
        CHECK(vacancyFromJson(toJson(v)) == v);
    }
}

TEST_CASE("email and URL formats", "[domain][rules]")
{
    for (const char* bad : { "hr", "hr@", "hr@ntunhs", "h r@ntunhs.edu.tw", "a@b@c.tw" }) {
        INFO(bad);
        CHECK(onlyMessage([bad](Vacancy& v) { v.contactEmail = QString::fromLatin1(bad); })
            == expect("contactEmail", "聯絡E-Mail格式不正確"));
    }
    CHECK(onlyMessage([](Vacancy& v) { v.fillerEmail = QStringLiteral("@ntunhs.edu.tw"); })
        == expect("fillerEmail", "填寫人Email格式不正確"));
    // Both e-mails are optional.
    CHECK(onlyMessage([](Vacancy& v) {
        v.contactEmail.clear();
        v.fillerEmail.clear();
        v.openings = 0; // a known message, so "exactly one" proves the empty e-mails passed
        v.reserveOpenings = 0;
    }) == expect("openings", "名額至少須為1名"));
    CHECK(onlyMessage([](Vacancy& v) { v.announcementUrl = QStringLiteral("ftp://x.tw/a"); })
        == expect("announcementUrl", "公告網址須為http或https開頭的網址"));
    CHECK(onlyMessage([](Vacancy& v) { v.announcementUrl = QStringLiteral("www.x.tw"); })
        == expect("announcementUrl", "公告網址須為http或https開頭的網址"));
}

TEST_CASE("a gender limit needs its reason", "[domain][rules]")
{
    CHECK(onlyMessage([](Vacancy& v) { v.gender = Gender::Female; })
        == expect(
            "genderReason", "限制性別須說明工作性質僅適合特定性別之理由（性別平等工作法第7條）"));
    CHECK(onlyMessage([](Vacancy& v) {
        v.gender = Gender::Male;
        v.genderReason = QStringLiteral("   ");
    })
        == expect(
            "genderReason", "限制性別須說明工作性質僅適合特定性別之理由（性別平等工作法第7條）"));
}

TEST_CASE("long texts are capped", "[domain][rules]")
{
    const QString atLimit(maxLongTextLength, QChar(u'字'));
    Vacancy v = validVacancy();
    v.qualifications = v.duties = v.contactMethod = atLimit;
    CHECK(validate(v, CodeLists::builtin(), today).isEmpty());
    CHECK(onlyMessage([&atLimit](Vacancy& w) { w.duties = atLimit + QLatin1Char('x'); })
        == expect("duties", "內容不得超過4000字（目前4001字）"));
    CHECK(onlyMessage([&atLimit](Vacancy& w) { w.qualifications = atLimit + QLatin1Char('x'); })
        == expect("qualifications", "內容不得超過4000字（目前4001字）"));
    CHECK(onlyMessage([&atLimit](Vacancy& w) { w.contactMethod = atLimit + QLatin1Char('x'); })
        == expect("contactMethod", "內容不得超過4000字（目前4001字）"));
}
