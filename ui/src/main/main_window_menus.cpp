// The main window's menus and its texts (retranslate): 檔案, 帳號, 語言, 說明.
#include "core/settings/client_settings.hpp"
#include "core/sync/sync_service.hpp"
#include "ui/conflict/conflict_dialog.hpp"
#include "ui/i18n/language_switcher.hpp"
#include "ui/main/main_window.hpp"
#include "ui/main/paging_bar.hpp"
#include "ui/main/sync_status_widget.hpp"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QTableView>
#include <utility>

namespace ui {

void MainWindow::buildMenus()
{
    fileMenu_ = menuBar()->addMenu(QString());
    newAction_ = fileMenu_->addAction(QString(), this, &MainWindow::newVacancyRequested);
    newAction_->setShortcut(QKeySequence::New);
    syncAction_ = fileMenu_->addAction(QString(), this, [this] {
        if (context_.sync)
            context_.sync->syncNow();
    });
    syncAction_->setShortcut(QKeySequence::Refresh);
    fileMenu_->addSeparator();
    settingsAction_ = fileMenu_->addAction(QString(), this, &MainWindow::settingsRequested);
    fileMenu_->addSeparator();
    quitAction_ = fileMenu_->addAction(QString(), this, &QWidget::close);
    quitAction_->setShortcut(QKeySequence::Quit);

    accountMenu_ = menuBar()->addMenu(QString());
    loginAction_ = accountMenu_->addAction(QString(), this, &MainWindow::loginRequested);
    logoutAction_ = accountMenu_->addAction(QString(), this, &MainWindow::logoutRequested);
    accountMenu_->addSeparator();
    // Both open the account window (its pages: 個人資料, 密碼).
    profileAction_ = accountMenu_->addAction(QString(), this, &MainWindow::accountRequested);
    passwordAction_ = accountMenu_->addAction(QString(), this, &MainWindow::accountRequested);

    languageMenu_ = menuBar()->addMenu(QString());
    auto* languages = new QActionGroup(this);
    for (const QString& language : availableLanguages()) {
        // Each language is named in itself, so it can be found whatever the UI shows now.
        QAction* action = languageMenu_->addAction(languageName(language));
        action->setCheckable(true);
        action->setData(language);
        languages->addAction(action);
        connect(action, &QAction::triggered, this,
            [this, language] { emit languageRequested(language); });
        languageActions_.append(action);
    }

    helpMenu_ = menuBar()->addMenu(QString());
    environmentAction_
        = helpMenu_->addAction(QString(), this, &MainWindow::environmentCheckRequested);
    aboutAction_ = helpMenu_->addAction(QString(), this, &MainWindow::aboutRequested);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("事求人機關徵才系統"));
    heading_->setText(
        historyButton_->isChecked() ? tr("機關徵才登錄 － 歷史職缺") : tr("機關徵才登錄"));
    newButton_->setText(tr("新增"));
    historyButton_->setText(historyButton_->isChecked() ? tr("目前職缺") : tr("歷史職缺"));
    historyButton_->setToolTip(tr("已結束或已撤銷的職缺"));
    searchLabel_->setText(tr("職缺編號"));
    searchEdit_->setPlaceholderText(tr("10 位數字"));
    searchButton_->setText(tr("查詢"));
    resetButton_->setText(tr("重設"));
    table_->setAccessibleName(tr("職缺清單"));
    table_->setAccessibleDescription(tr("方向鍵移動，Enter 執行所在的修改、刪除、預覽或調閱履歷"));
    result_->setText(resultText());

    fileMenu_->setTitle(tr("檔案(&F)"));
    newAction_->setText(tr("新增職缺(&N)"));
    syncAction_->setText(tr("立即同步(&S)"));
    settingsAction_->setText(tr("設定(&O)…"));
    quitAction_->setText(tr("結束(&X)"));
    accountMenu_->setTitle(tr("帳號(&A)"));
    loginAction_->setText(tr("登入(&L)…"));
    logoutAction_->setText(tr("登出(&O)"));
    profileAction_->setText(tr("個人資料修改(&P)…"));
    passwordAction_->setText(tr("修改密碼(&W)…"));
    languageMenu_->setTitle(tr("語言(&G)"));
    // Also follows a switch made elsewhere (設定).
    for (QAction* action : std::as_const(languageActions_))
        action->setChecked(action->data().toString() == currentLanguage());
    helpMenu_->setTitle(tr("說明(&H)"));
    environmentAction_->setText(tr("環境檢測(&E)…"));
    aboutAction_->setText(tr("關於事求人(&A)"));
    model_->retranslate();
}

} // namespace ui
