// 調閱履歷 against the real server: only the sections the vacancy opens are listed and shown;
// a vacancy without 調閱履歷 and an unknown one are said in words.

#include "account_fixture.hpp"
#include "applications_seed.hpp"
#include "ui/applicants/applicants_dialog.hpp"

#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTextBrowser>

using namespace accounttest;
using namespace servertest::applications;

TEST_CASE("調閱履歷 lists the applicants with only the opened sections", "[ui][applicants]")
{
    const ApplicationsSeed seed;
    Fixture fixture(seed.options());
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
    CHECK(shown.contains(QStringLiteral("民國110年"))); // appraisal 2021 in ROC years
    // Not opened: 個人全部資料 (e-mail, school, ID number), 獎懲.
    CHECK_FALSE(shown.contains(QStringLiteral("t0001@example.com")));
    CHECK_FALSE(shown.contains(QStringLiteral("測試大學")));
    CHECK_FALSE(shown.contains(QStringLiteral("G100001013")));
    CHECK_FALSE(shown.contains(QStringLiteral("獎懲")));
}

TEST_CASE("調閱履歷 says why nothing can be read", "[ui][applicants]")
{
    const ApplicationsSeed seed;
    Fixture fixture(seed.options());
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
