#pragma once

// A real LocalStore in a temporary folder and a SessionState begun as the seed's clerk: 王小明 of
// 國立臺北護理健康大學 (A096C0000Q), whose agency's mail domain is ntunhs.edu.tw.

#include "../../core/vacancy_fixture.hpp"
#include "core/api/login_types.hpp"
#include "core/domain/vacancy.hpp"
#include "core/session/session_state.hpp"
#include "core/store/local_store.hpp"
#include "ui/app_context.hpp"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>
#include <catch2/catch.hpp>
#include <memory>

namespace formtest {

inline QJsonObject agencyJson()
{
    return QJsonObject {
        { QStringLiteral("code"), QStringLiteral("A096C0000Q") },
        { QStringLiteral("name"), QStringLiteral("國立臺北護理健康大學") },
        { QStringLiteral("address"), QStringLiteral("臺北市北投區明德路365號") },
        { QStringLiteral("phone"), QStringLiteral("02-28227101") },
        { QStringLiteral("emailDomain"), QStringLiteral("ntunhs.edu.tw") },
    };
}

inline core::session::SessionInfo sessionInfo(core::api::Assurance assurance)
{
    core::session::SessionInfo info;
    info.assurance = assurance;
    info.account = QJsonObject {
        { QStringLiteral("account"), QStringLiteral("wang01") },
        { QStringLiteral("name"), QStringLiteral("王小明") },
        { QStringLiteral("email"), QStringLiteral("wang@ntunhs.edu.tw") },
        { QStringLiteral("phone"), QString() },
        { QStringLiteral("agency"), agencyJson() },
        { QStringLiteral("accountSetupRequired"), false },
    };
    info.token = QStringLiteral("test-token");
    info.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    return info;
}

struct Fixture {
    explicit Fixture(core::api::Assurance assurance = core::api::Assurance::Certificate)
    {
        REQUIRE(dir.isValid());
        store = std::make_unique<core::store::LocalStore>(
            dir.filePath(QStringLiteral("local.sqlite")));
        session.begin(sessionInfo(assurance));
        context.store = store.get();
        context.session = &session;
    }
    QTemporaryDir dir;
    std::unique_ptr<core::store::LocalStore> store;
    core::session::SessionState session;
    ui::AppContext context;
};

/// A vacancy the rules accept (the domain suites' one), starting `daysAhead` days from today.
inline core::domain::Vacancy validVacancy(int daysAhead = 3)
{
    core::domain::Vacancy v = domaintest::validVacancy();
    v.fillerExtension = QStringLiteral("3105");
    v.validFrom = QDate::currentDate().addDays(daysAhead);
    v.validTo = v.validFrom.addDays(14);
    return v;
}

/// Every member the form edits set away from its default.
inline core::domain::Vacancy everyField()
{
    using namespace core::domain;
    Vacancy v = validVacancy();
    // 官等類別 is what the ranges give (the form derives it from them).
    v.rankClasses = { RankClass::Junior, RankClass::Intermediate };
    v.gradeText = QStringLiteral("約僱5等280薪點");
    v.seriesCodes = { QStringLiteral("B702"), QStringLiteral("A101") };
    v.openings = 3;
    v.reserveOpenings = 5;
    v.gender = Gender::Female;
    v.genderReason = QStringLiteral("女子宿舍輔導員，須與住宿生同住");
    v.workplaceCodes = { QStringLiteral("33"), QStringLiteral("10"), QStringLiteral("101") };
    v.qualifications = QStringLiteral("1. 具公務人員任用資格\n2. <熟悉> & \"資訊\"");
    v.duties = QStringLiteral("1. 宿舍管理\n2. 其他交辦事項");
    v.contactMethod = QStringLiteral("請以電子郵件寄送履歷\n聯絡人：王小姐");
    v.welcomesDisabled = true;
    v.welcomesIndigenous = true;
    v.indigenousArea = true;
    v.trainingProgramme = true;
    v.transfer = true;
    v.vacancyClass = VacancyClass::NonCivilService;
    v.resumeAccess.enabled = true;
    v.resumeAccess.trainingFrom = QDate(2021, 1, 1);
    v.resumeAccess.trainingTo = QDate(2025, 12, 31);
    v.resumeAccess.rewardsFrom = QDate(2020, 7, 1);
    v.resumeAccess.rewardsTo = QDate(2025, 6, 30);
    v.resumeAccess.appraisalFromYear = 2022;
    v.resumeAccess.appraisalToYear = 2024;
    v.resumeAccess.items = { ResumeItem::Exam, ResumeItem::All, ResumeItem::Study };
    return v;
}

/// Types `text` into `widget` as key presses.
inline void typeInto(QWidget* widget, const QString& text)
{
    REQUIRE(widget);
    widget->setFocus();
    // QTest::keyClicks knows ASCII only; other characters go as key events carrying their text.
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, c.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

} // namespace formtest
