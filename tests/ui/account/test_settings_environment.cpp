// 設定 round-trips through ClientSettings; the 環境檢測 dialog against the real server and, in
// this binary, no smart card service at all (PCSCLITE_CSOCK_NAME points at a socket that does not
// exist, set by tests/ui/account.cmake); the language switch retranslates open dialogs.

#include "../accessible_names.hpp"
#include "account_fixture.hpp"
#include "core/diagnostics/environment_check.hpp"
#include "core/domain/code_lists.hpp"
#include "core/login/login_types.hpp"
#include "core/store/local_store.hpp"
#include "core/sync/sync_engine.hpp"
#include "ui/account/account_dialog.hpp"
#include "ui/conflict/conflict_fields.hpp"
#include "ui/diagnostics/environment_check_dialog.hpp"
#include "ui/form/vacancy_form_dialog.hpp"
#include "ui/i18n/language_switcher.hpp"
#include "ui/login/login_dialog.hpp"
#include "ui/main/main_window.hpp"
#include "ui/settings/settings_checks.hpp"
#include "ui/settings/settings_dialog.hpp"
#include "ui/shell/window_hub.hpp"
#include "ui/widgets/password_rule_checklist.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace accounttest;
using core::diagnostics::CheckId;
using core::diagnostics::CheckStatus;
using core::diagnostics::Finding;

namespace {

/// The dialog with its file chooser answered by the test.
class ScriptedSettingsDialog : public ui::SettingsDialog {
public:
    using ui::SettingsDialog::SettingsDialog;
    QString answer;

protected:
    QString chooseModuleFile(const QString&) override { return answer; }
};

} // namespace

TEST_CASE("server addresses: https, or http only for this computer", "[ui][settings]")
{
    using ui::ServerUrlProblem;
    CHECK(ui::checkServerUrl(QStringLiteral("https://ecpa.dgpa.gov.tw")) == ServerUrlProblem::None);
    CHECK(ui::checkServerUrl(QStringLiteral("http://127.0.0.1:8080")) == ServerUrlProblem::None);
    CHECK(ui::checkServerUrl(QStringLiteral("http://localhost:8080/")) == ServerUrlProblem::None);
    CHECK(ui::checkServerUrl(QStringLiteral("http://[::1]:8080")) == ServerUrlProblem::None);
    CHECK(ui::checkServerUrl(QStringLiteral("http://ecpa.dgpa.gov.tw"))
        == ServerUrlProblem::NotHttps);
    CHECK(
        ui::checkServerUrl(QStringLiteral("ftp://ecpa.dgpa.gov.tw")) == ServerUrlProblem::NotHttps);
    CHECK(ui::checkServerUrl(QStringLiteral("ecpa")) == ServerUrlProblem::NotAnAddress);
    CHECK(ui::checkServerUrl(QStringLiteral("  ")) == ServerUrlProblem::Empty);
    CHECK(ui::checkServerUrl(QStringLiteral("https://u:p@ecpa.gov.tw"))
        == ServerUrlProblem::ExtraParts);
    CHECK(ui::normalizedCertificatePin(QStringLiteral("AB:") + QStringLiteral("cd").repeated(31))
        == QStringLiteral("ab") + QStringLiteral("cd").repeated(31));
    CHECK_FALSE(ui::normalizedCertificatePin(QStringLiteral("abc")).has_value());

    // The origin card logins are signed for: scheme://host[:port], nothing more.
    CHECK(ui::normalizedLoginOrigin(QStringLiteral(" ")) == QString());
    CHECK(ui::normalizedLoginOrigin(QStringLiteral("HTTPS://Recruit.Example.gov.tw:443/"))
        == QStringLiteral("https://recruit.example.gov.tw"));
    CHECK(ui::normalizedLoginOrigin(QStringLiteral("https://recruit.example.gov.tw:8443"))
        == QStringLiteral("https://recruit.example.gov.tw:8443"));
    CHECK(ui::normalizedLoginOrigin(QStringLiteral("http://127.0.0.1:8080"))
        == QStringLiteral("http://127.0.0.1:8080"));
    CHECK_FALSE(ui::normalizedLoginOrigin(QStringLiteral("https://example.gov.tw/api")));
    CHECK_FALSE(ui::normalizedLoginOrigin(QStringLiteral("http://example.gov.tw")));
    CHECK_FALSE(ui::normalizedLoginOrigin(QStringLiteral("https://example.gov.tw/?a=1")));
}

TEST_CASE("settings are validated and round-trip through ClientSettings", "[ui][settings]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString ini = dir.filePath(QStringLiteral("client.ini"));
    const QString module = dir.filePath(QStringLiteral("libHicos_p11.so"));
    {
        QFile file(module);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("not really a module");
    }
    {
        core::settings::ClientSettings settings(ini);
        ui::AppContext context;
        context.settings = &settings;
        ScriptedSettingsDialog dialog(context);
        dialog.serverUrlEdit()->setText(QStringLiteral("http://ecpa.example.gov.tw"));
        dialog.pinEdit()->setText(QStringLiteral("12345"));
        dialog.originEdit()->setText(QStringLiteral("https://recruit.example.gov.tw/login"));
        dialog.moduleEdit()->setText(dir.filePath(QStringLiteral("missing.so")));
        CHECK_FALSE(dialog.save());
        CHECK(dialog.serverUrlProblem()->text().contains(QStringLiteral("https://")));
        CHECK_FALSE(dialog.pinProblem()->text().isEmpty());
        CHECK(dialog.originProblem()->text().contains(QStringLiteral("不含路徑")));
        CHECK(dialog.moduleState()->text() == QStringLiteral("找不到這個檔案，請確認路徑。"));
        CHECK(settings.serverUrl().isEmpty()); // nothing written

        dialog.serverUrlEdit()->setText(QStringLiteral("https://ecpa.example.gov.tw/"));
        dialog.pinEdit()->setText(QStringLiteral("AA").repeated(32));
        dialog.originEdit()->setText(QStringLiteral("https://Recruit.example.gov.tw/"));
        dialog.answer = module;
        QTest::mouseClick(dialog.browseButton(), Qt::LeftButton);
        CHECK(dialog.moduleEdit()->text() == module);
        CHECK(dialog.moduleState()->text() == QStringLiteral("已找到這個檔案。"));
        dialog.logoutBox()->setChecked(false);
        REQUIRE(dialog.save());
    }
    core::settings::ClientSettings reread(ini);
    CHECK(reread.serverUrl() == QUrl(QStringLiteral("https://ecpa.example.gov.tw")));
    CHECK(reread.pinnedCertificateSha256() == QStringLiteral("aa").repeated(32));
    CHECK(reread.loginOrigin() == QStringLiteral("https://recruit.example.gov.tw"));
    CHECK(reread.pkcs11Module() == module);
    CHECK_FALSE(reread.logoutOnCardRemoval());
    CHECK(reread.preferredReader().isEmpty());

    // A second dialog shows what was saved.
    ui::AppContext context;
    context.settings = &reread;
    ui::SettingsDialog again(context);
    CHECK(again.serverUrlEdit()->text() == QStringLiteral("https://ecpa.example.gov.tw"));
    CHECK(again.originEdit()->text() == QStringLiteral("https://recruit.example.gov.tw"));
    CHECK_FALSE(again.logoutBox()->isChecked());
}

TEST_CASE("every settings field shows its title, which names it for a screen reader",
    "[ui][settings][keyboard]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    core::settings::ClientSettings settings(dir.filePath(QStringLiteral("client.ini")));
    ui::AppContext context;
    context.settings = &settings;
    ui::SettingsDialog dialog(context);
    dialog.show();
    const auto titleOf = [&dialog](QWidget* field) {
        for (QLabel* label : dialog.findChildren<QLabel*>())
            if (label->buddy() == field && label->isVisibleTo(&dialog))
                return label->text();
        return QString();
    };
    CHECK(titleOf(dialog.serverUrlEdit()) == QStringLiteral("伺服器網址："));
    CHECK(titleOf(dialog.pinEdit()) == QStringLiteral("伺服器憑證指紋（SHA-256）："));
    CHECK(titleOf(dialog.originEdit()) == QStringLiteral("登入簽署的網址（origin）："));
    CHECK(titleOf(dialog.moduleEdit()) == QStringLiteral("PKCS#11 模組："));
    INFO(uitest::unnamedControls(&dialog).join(QStringLiteral(", ")).toStdString());
    CHECK(uitest::unnamedControls(&dialog).isEmpty());
}

TEST_CASE("the environment check dialog shows each finding and the report", "[ui][diagnostics]")
{
    Fixture fixture;
    ui::EnvironmentCheckDialog dialog(fixture.context);
    dialog.show();
    QSignalSpy finished(dialog.check(), &core::diagnostics::EnvironmentCheck::finished);
    REQUIRE(finished.wait(120000));
    CHECK(dialog.check()->result(CheckId::Service).finding == Finding::ServiceReachable);
    CHECK(dialog.statusLabel(CheckId::Service)->text() == QStringLiteral("正常"));
    CHECK(dialog.foundLabel(CheckId::Service)->text().contains(fixture.server.baseUrl()));
    CHECK(dialog.check()->result(CheckId::Clock).finding == Finding::ClockRight);
    CHECK(dialog.foundLabel(CheckId::SmartCardService)->text()
        == QStringLiteral("智慧卡服務（pcscd）沒有執行，無法使用讀卡機。"));
    const QString report = dialog.reportText();
    CHECK(report.contains(QStringLiteral("[失敗] 智慧卡服務（pcscd）")));
    CHECK(report.contains(QStringLiteral("[正常] 人事服務網連線")));
    // The client's own modules, from where the build tree keeps them as the package does.
    CHECK(dialog.statusLabel(CheckId::ProgramParts)->text() == QStringLiteral("正常"));
    CHECK(dialog.foundLabel(CheckId::ProgramParts)->text()
        == QStringLiteral("已安裝：網路元件、列印元件。"));
    CHECK(report.contains(QStringLiteral("[正常] 程式元件")));
}

TEST_CASE("switching the language retranslates open dialogs without a restart", "[ui][i18n]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    core::settings::ClientSettings settings(dir.filePath(QStringLiteral("client.ini")));
    ui::AppContext context;
    context.settings = &settings;
    ui::AccountDialog account(context);
    ui::PasswordRuleChecklist checklist;
    account.show();
    const QString zhTab = account.tabs()->tabText(1);
    const QString zhRow = checklist.rowText(0);
    REQUIRE(zhTab == QStringLiteral("修改密碼"));

    REQUIRE(ui::switchLanguage(&settings, QStringLiteral("en")));
    QCoreApplication::processEvents(); // the widgets get LanguageChange as a posted event
    CHECK(ui::currentLanguage() == QStringLiteral("en"));
    CHECK(settings.language() == QStringLiteral("en"));
    CHECK(account.tabs()->tabText(1) == QStringLiteral("Change password"));
    CHECK(account.windowTitle() == QStringLiteral("My account"));
    CHECK(checklist.rowText(0) != zhRow);

    REQUIRE(ui::switchLanguage(&settings, QStringLiteral("zh_TW")));
    QCoreApplication::processEvents();
    CHECK(ui::currentLanguage() == QStringLiteral("zh_TW"));
    CHECK(account.tabs()->tabText(1) == zhTab);
    CHECK(checklist.rowText(0) == zhRow);
    CHECK_FALSE(ui::applyLanguage(QStringLiteral("fr")));
}

TEST_CASE("a login that cannot start opens the environment check", "[ui][diagnostics][login]")
{
    // This binary has no smart card service: the card login cannot start.
    Fixture fixture;
    core::store::LocalStore store(fixture.dir.filePath(QStringLiteral("store.sqlite")));
    fixture.context.store = &store;
    ui::MainWindow window(fixture.context);
    ui::WindowHub hub(fixture.context, window);

    auto* login = qobject_cast<ui::LoginDialog*>(hub.openLogin());
    REQUIRE(login);
    QSignalSpy asked(login, &ui::LoginDialog::environmentCheckRequested);
    REQUIRE(waitFor([&] { return asked.count() == 1; }, ui::LoginDialog::cannotStartGraceMs * 10));
    auto* check = qobject_cast<ui::EnvironmentCheckDialog*>(hub.lastOpened());
    REQUIRE(check);
    CHECK(check->isVisible());
    CHECK(login->isVisible()); // the login stays, for the password login or 離線作業
    CHECK(login->findChild<QLabel*>(QStringLiteral("waitingStatus"))
              ->text()
              .contains(QStringLiteral("pcscd")));

    // Asked once by itself; the clerk's own 環境檢測… raises it again.
    QTest::qWait(ui::LoginDialog::cannotStartGraceMs);
    CHECK(asked.count() == 1);
    check->close();
    auto* button = login->findChild<QPushButton*>(QStringLiteral("environmentCheck"));
    REQUIRE(button);
    QTest::mouseClick(button, Qt::LeftButton);
    CHECK(asked.count() == 2);
    CHECK(hub.lastOpened()->isVisible());
}

TEST_CASE("texts looked up by context outside a class come out in English too", "[ui][i18n]")
{
    // The login's problems and the conflict window's field texts are translated through a
    // context of their own; a context lupdate files elsewhere would leave them Chinese.
    REQUIRE(ui::applyLanguage(QStringLiteral("en")));
    core::api::Failure failure;
    failure.kind = core::api::ErrorKind::Http;
    failure.httpStatus = 404;
    failure.error = core::api::ServiceError::PersonNotFound;
    const QString notFound = core::login::problemFor(failure).message;
    const QString agency = ui::conflictfields::label(QStringLiteral("agencyName"));
    core::domain::Vacancy vacancy;
    vacancy.welcomesDisabled = true;
    const QString yes = ui::conflictfields::value(
        vacancy, QStringLiteral("welcomesDisabled"), core::domain::CodeLists::builtin());
    REQUIRE(ui::applyLanguage(QStringLiteral("zh_TW")));
    CHECK(notFound.startsWith(QStringLiteral("The custom account or ID number")));
    CHECK(agency == QStringLiteral("Agency name"));
    CHECK(yes == QStringLiteral("Yes"));
}

TEST_CASE("a delete refused because someone changed the vacancy is said in the clerk's language",
    "[ui][i18n][form]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    core::store::LocalStore store(dir.filePath(QStringLiteral("store.sqlite")));
    core::domain::Vacancy vacancy;
    vacancy.title = QStringLiteral("科員");
    const QString id = store.records().createQueued(vacancy);
    // What the sync engine stores for it, the code alone (tests/sync/engine/test_two_clients.cpp
    // stages it live).
    store.outbox().reject(store.outbox().entries().first().sequence,
        QLatin1String(core::sync::vacancyChangedCode), {});
    ui::AppContext context;
    context.store = &store;

    REQUIRE(ui::applyLanguage(QStringLiteral("en")));
    QString english;
    {
        ui::VacancyFormDialog form(context, id);
        english = form.generalMessage();
    }
    REQUIRE(ui::applyLanguage(QStringLiteral("zh_TW")));
    ui::VacancyFormDialog form(context, id);
    CHECK(english.contains(QStringLiteral("changed")));
    CHECK_FALSE(english.contains(QStringLiteral("刪除")));
    CHECK(form.generalMessage().contains(QStringLiteral("此職缺已由他人修改，刪除未執行；")));
}
