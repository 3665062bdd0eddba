#pragma once

#include "ui/app_context.hpp"
#include "ui/conflict/conflict_dialog.hpp"
#include "ui/main/vacancy_table_model.hpp"

#include <QMainWindow>
#include <QPointer>
#include <functional>

class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace ui {

class PagingBar;
class SessionLockPage;
class SyncStatusWidget;

/// 機關徵才登錄: the vacancy list (the seed's columns, paged in SQL), search by 職缺編號, 新增,
/// 歷史職缺, the row actions, the menus and the sync status area. The other windows are not
/// made here: the main window asks for them with the *Requested signals (app/ wires them). It
/// deletes itself (after a confirmation) and opens the conflict resolver.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(ui::AppContext& context, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Asked before a delete; returns whether to go on. Default: a question box.
    using Confirm = std::function<bool(const QString& question)>;
    void setConfirmHandler(Confirm confirm) { confirm_ = std::move(confirm); }

    VacancyTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    PagingBar* pagingBar() const { return paging_; }
    SyncStatusWidget* statusArea() const { return status_; }
    QLineEdit* searchEdit() const { return searchEdit_; }
    QPushButton* searchButton() const { return searchButton_; }
    QPushButton* resetButton() const { return resetButton_; }
    QPushButton* newButton() const { return newButton_; }
    QPushButton* historyButton() const { return historyButton_; }
    /// 登入已逾時 is shown instead of the list (the server ended the session for idleness).
    bool locked() const;
    /// Null until the window first locks.
    SessionLockPage* lockPage() const { return lock_; }
    /// "查詢結果N筆"
    QString resultText() const;
    /// The resolver opened last (null when none is open).
    ConflictDialog* conflictDialog() const { return conflictDialog_; }

public slots:
    /// Reads the list again (after a sync, a save in the form, a login).
    void refresh();
    /// Only the vacancy with this 職缺編號 (empty: all), from page 1.
    void search(const QString& serverId);
    /// 歷史職缺 (ended and withdrawn) or the current ones.
    void showHistory(bool history);
    void goToPage(int page);
    void setPageSize(int pageSize);
    /// The row action of `column` (VacancyTableModel::Edit … Applicants) on `row` of the page.
    void triggerAction(int row, int column);
    /// The resolver for the first record in Conflict (what the badge does); null when none.
    ConflictDialog* openConflicts();
    /// The resolver for one record.
    ConflictDialog* openConflict(const QString& localId);
    void retranslate();

signals:
    void newVacancyRequested();
    void editRequested(const QString& localId);
    void previewRequested(const QString& localId);
    void applicantsRequested(const QString& serverId);
    void loginRequested();
    void logoutRequested();
    void accountRequested();
    void settingsRequested();
    void environmentCheckRequested();
    void languageRequested(const QString& language);
    void aboutRequested();

protected:
    void changeEvent(QEvent* event) override;
    /// Enter or Space on a list cell acts as a click; a resize fits the columns again.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildMenus();
    void buildCentral();
    /// The columns to the list's width: actions whole, texts sharing the rest.
    void fitColumns();
    void updateSession();
    void updateLock();
    void updateSummary();
    void removeRow(int row);
    bool confirm(const QString& question);

    AppContext& context_;
    VacancyTableModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    PagingBar* paging_ = nullptr;
    SyncStatusWidget* status_ = nullptr;
    QStackedWidget* views_ = nullptr; ///< the list, or the lock
    SessionLockPage* lock_ = nullptr; ///< made by the first lock
    QLabel* heading_ = nullptr;
    QLabel* loginMode_ = nullptr;
    QLabel* searchLabel_ = nullptr;
    QLabel* result_ = nullptr;
    QLineEdit* searchEdit_ = nullptr;
    QPushButton* searchButton_ = nullptr;
    QPushButton* resetButton_ = nullptr;
    QPushButton* newButton_ = nullptr;
    QPushButton* historyButton_ = nullptr;
    QMenu* fileMenu_ = nullptr;
    QMenu* accountMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QAction* newAction_ = nullptr;
    QAction* syncAction_ = nullptr;
    QAction* settingsAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* loginAction_ = nullptr;
    QAction* logoutAction_ = nullptr;
    QAction* profileAction_ = nullptr;
    QAction* passwordAction_ = nullptr;
    QList<QAction*> languageActions_; // one per ui::availableLanguages(), named in itself
    QAction* environmentAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QPointer<ConflictDialog> conflictDialog_;
    Confirm confirm_;
};

} // namespace ui
