// 調閱履歷 against the real server: only the sections the vacancy opens are listed and shown;
// a vacancy without 調閱履歷 and an unknown one are said in words.

#include "account_fixture.hpp"
#include "ui/applicants/applicants_dialog.hpp"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTextBrowser>
#include <tuple>

using namespace accounttest;

namespace {

const QString subsetId = QStringLiteral("1159900002");
const QString disabledId = QStringLiteral("1159900003");

QJsonObject vacancy(const QString& id, const QJsonObject& resumeAccess)
{
    const QJsonObject body {
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
        { "vacancyClass", "civilService" },
        { "resumeAccess", resumeAccess },
        { "rankClasses", QJsonArray { "junior" } },
        { "gradeRanges",
            QJsonArray { QJsonObject { { "rank", "junior" }, { "from", 5 }, { "to", 5 } } } },
        { "seriesCodes", QJsonArray { "A101" } },
    };
    return QJsonObject { { "vacancyId", id }, { "agencyCode", "A29000000G" }, { "vacancy", body } };
}

/// test.json plus a vacancy opening 考試 and 考績 only, and one without 調閱履歷.
QString writeSeed(const QTemporaryDir& dir)
{
    QFile base(servertest::seedPath(QStringLiteral("test.json")));
    REQUIRE(base.open(QIODevice::ReadOnly));
    QJsonObject seed = QJsonDocument::fromJson(base.readAll()).object();
    QJsonArray vacancies = seed.value("vacancies").toArray();
    vacancies.append(vacancy(
        subsetId, { { "enabled", true }, { "items", QJsonArray { "exam", "appraisal" } } }));
    vacancies.append(
        vacancy(disabledId, { { "enabled", false }, { "items", QJsonArray { "all" } } }));
    seed.insert("vacancies", vacancies);
    QJsonArray applications = seed.value("applications").toArray();
    for (const auto& [vacancyId, applicant, on] : { std::tuple { subsetId, "T0001", "2026-01-06" },
             { subsetId, "T0002", "2026-01-07" }, { disabledId, "T0001", "2026-01-06" } })
        applications.append(QJsonObject {
            { "vacancyId", vacancyId }, { "applicantId", applicant }, { "appliedOn", on } });
    seed.insert("applications", applications);
    const QString path = dir.filePath(QStringLiteral("applicants-seed.json"));
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(seed).toJson());
    return path;
}

servertest::ServerOptions seededOptions(const QTemporaryDir& dir)
{
    servertest::ServerOptions options;
    options.seed = writeSeed(dir);
    return options;
}

} // namespace

TEST_CASE("調閱履歷 lists the applicants with only the opened sections", "[ui][applicants]")
{
    QTemporaryDir seedDir;
    Fixture fixture(seededOptions(seedDir));
    fixture.passwordLogin();
    ui::ApplicantsDialog dialog(fixture.context, subsetId);
    QSignalSpy loaded(&dialog, &ui::ApplicantsDialog::loaded);
    dialog.show();
    REQUIRE(loaded.wait(60000));

    CHECK(dialog.sections()
        == QList { core::api::ResumeSection::Exam, core::api::ResumeSection::Appraisal });
    REQUIRE(dialog.applicantList()->count() == 2);
    CHECK(dialog.applicantList()->item(0)->text().startsWith(QStringLiteral("周測試")));

    dialog.applicantList()->setCurrentRow(0);
    const QString shown = dialog.resumeView()->toPlainText();
    CHECK(shown.contains(QStringLiteral("考試或晉升訓練/專門職業及技術人員資格")));
    CHECK(shown.contains(QStringLiteral("公務人員普通考試")));
    CHECK(shown.contains(QStringLiteral("考績(成)或成績考核")));
    CHECK(shown.contains(QStringLiteral("民國 110 年"))); // appraisal 2021 in ROC years
    // Not opened: 個人全部資料 (e-mail, school, ID number), 獎懲.
    CHECK_FALSE(shown.contains(QStringLiteral("t0001@example.com")));
    CHECK_FALSE(shown.contains(QStringLiteral("測試大學")));
    CHECK_FALSE(shown.contains(QStringLiteral("G100001013")));
    CHECK_FALSE(shown.contains(QStringLiteral("獎懲")));
}

TEST_CASE("調閱履歷 says why nothing can be read", "[ui][applicants]")
{
    QTemporaryDir seedDir;
    Fixture fixture(seededOptions(seedDir));
    fixture.passwordLogin();
    {
        ui::ApplicantsDialog dialog(fixture.context, disabledId);
        QSignalSpy failed(&dialog, &ui::ApplicantsDialog::failed);
        REQUIRE(failed.wait(60000));
        CHECK(dialog.messageLabel()->text()
            == QStringLiteral("這個職缺沒有啟用應徵人員調閱履歷，無法調閱。"));
        CHECK(dialog.applicantList()->count() == 0);
    }
    {
        ui::ApplicantsDialog dialog(fixture.context, QStringLiteral("1159999999"));
        QSignalSpy failed(&dialog, &ui::ApplicantsDialog::failed);
        REQUIRE(failed.wait(60000));
        CHECK(dialog.messageLabel()->text()
            == QStringLiteral("找不到這個職缺（可能已刪除，或不是貴機關的職缺）。"));
    }
}
