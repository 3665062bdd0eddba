#include "ui/main/main_window.hpp"

#include "core/session/session_state.hpp"
#include "core/settings/client_settings.hpp"
#include "core/store/local_store.hpp"
#include "core/sync/sync_service.hpp"
#include "ui/conflict/conflict_dialog.hpp"
#include "ui/main/paging_bar.hpp"
#include "ui/main/session_lock_page.hpp"
#include "ui/main/sync_status_widget.hpp"
#include "ui/widgets/plain_header_view.hpp"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <array>

namespace ui {

using core::store::RecordState;

MainWindow::MainWindow(AppContext& context, QWidget* parent)
    : QMainWindow(parent)
    , context_(context)
{
    setObjectName(QStringLiteral("mainWindow"));
    model_ = new VacancyTableModel(*context_.store, this);
    buildCentral();
    buildMenus();
    status_ = new SyncStatusWidget(context_.sync, this);
    statusBar()->addPermanentWidget(status_, 1);
    connect(status_, &SyncStatusWidget::conflictsClicked, this, &MainWindow::openConflicts);
    connect(status_, &SyncStatusWidget::syncRequested, this, [this] {
        if (context_.sync)
            context_.sync->syncNow();
    });
    if (context_.sync) {
        connect(context_.sync, &core::sync::SyncService::finished, this, &MainWindow::refresh);
        connect(
            context_.sync, &core::sync::SyncService::statusChanged, this, &MainWindow::updateLock);
    }
    if (context_.session) {
        connect(context_.session, &core::session::SessionState::started, this,
            &MainWindow::updateSession);
        connect(context_.session, &core::session::SessionState::ended, this,
            &MainWindow::updateSession);
    }

    core::store::ListQuery query;
    query.scope = core::store::ListQuery::Scope::Current;
    query.pageSize = 10;
    model_->setQuery(query);
    retranslate();
    updateSession();
    updateSummary();
    resize(1200, 640);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildCentral()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);

    heading_ = new QLabel(central);
    QFont big = heading_->font();
    // Larger but not bold: the bold faces (Noto Sans CJK Bold is a 20 MB collection) would be
    // opened for this one line before the window's first paint.
    big.setPointSizeF(big.pointSizeF() * 1.5);
    heading_->setFont(big);
    loginMode_ = new QLabel(central);
    loginMode_->setObjectName(QStringLiteral("loginMode"));
    layout->addWidget(heading_);
    layout->addWidget(loginMode_);

    auto* actions = new QHBoxLayout;
    newButton_ = new QPushButton(central);
    newButton_->setObjectName(QStringLiteral("newVacancy"));
    historyButton_ = new QPushButton(central);
    historyButton_->setObjectName(QStringLiteral("history"));
    historyButton_->setCheckable(true);
    actions->addWidget(newButton_);
    actions->addWidget(historyButton_);
    actions->addStretch(1);
    layout->addLayout(actions);

    auto* searchRow = new QHBoxLayout;
    searchLabel_ = new QLabel(central);
    searchEdit_ = new QLineEdit(central);
    searchEdit_->setObjectName(QStringLiteral("vacancyIdSearch"));
    searchEdit_->setMaxLength(10);
    // The clear button shows only over text, and making it loads every image-format plugin
    // (the style's icon): not for the first paint, but with the first character.
    connect(searchEdit_, &QLineEdit::textChanged, searchEdit_, [edit = searchEdit_] {
        if (!edit->isClearButtonEnabled())
            edit->setClearButtonEnabled(true);
    });
    searchLabel_->setBuddy(searchEdit_);
    searchButton_ = new QPushButton(central);
    searchButton_->setObjectName(QStringLiteral("search"));
    resetButton_ = new QPushButton(central);
    resetButton_->setObjectName(QStringLiteral("resetSearch"));
    searchRow->addWidget(searchLabel_);
    searchRow->addWidget(searchEdit_);
    searchRow->addWidget(searchButton_);
    searchRow->addWidget(resetButton_);
    searchRow->addStretch(1);
    layout->addLayout(searchRow);

    table_ = new QTableView(central);
    table_->setObjectName(QStringLiteral("vacancyTable"));
    // Its titles measured in the regular face: no bold font to load before the first paint.
    table_->setHorizontalHeader(new PlainHeaderView(Qt::Horizontal, table_));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    // Widths are fitted to the window (fitColumns): the action columns, numbers and dates always
    // whole, the texts sharing what is left and elided (the full text is the cell's tool tip).
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->setWordWrap(false);
    table_->setTabKeyNavigation(false); // Tab leaves the list; the arrows move inside it
    table_->installEventFilter(this);
    layout->addWidget(table_, 1);

    result_ = new QLabel(central);
    result_->setObjectName(QStringLiteral("resultCount"));
    layout->addWidget(result_);
    paging_ = new PagingBar(central);
    layout->addWidget(paging_);
    views_ = new QStackedWidget(this);
    views_->addWidget(central);
    setCentralWidget(views_);

    connect(newButton_, &QPushButton::clicked, this, &MainWindow::newVacancyRequested);
    connect(historyButton_, &QPushButton::toggled, this, &MainWindow::showHistory);
    connect(searchButton_, &QPushButton::clicked, this,
        [this] { search(searchEdit_->text().trimmed()); });
    connect(searchEdit_, &QLineEdit::returnPressed, this,
        [this] { search(searchEdit_->text().trimmed()); });
    connect(resetButton_, &QPushButton::clicked, this, [this] {
        searchEdit_->clear();
        search(QString());
    });
    connect(table_, &QTableView::clicked, this,
        [this](const QModelIndex& index) { triggerAction(index.row(), index.column()); });
    connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.column() < VacancyTableModel::Edit)
            triggerAction(index.row(), VacancyTableModel::Edit);
    });
    connect(paging_, &PagingBar::pageRequested, this, &MainWindow::goToPage);
    connect(paging_, &PagingBar::pageSizeRequested, this, &MainWindow::setPageSize);
}

void MainWindow::refresh()
{
    model_->reload();
    updateSummary();
    fitColumns();
}

void MainWindow::fitColumns()
{
    QHeaderView* header = table_->horizontalHeader();
    const int available = table_->viewport()->width();
    if (available <= 0)
        return;
    const QAbstractItemView* view = table_; // QTableView hides its sizeHintForColumn
    // Measured once each: a cell's measure shapes its text, and this runs on every resize.
    std::array<int, VacancyTableModel::ColumnCount> wanted {};
    for (int column = 0; column < VacancyTableModel::ColumnCount; ++column)
        wanted[column] = std::max(header->sectionSizeHint(column), view->sizeHintForColumn(column));
    int fixed = 0;
    QList<int> texts;
    for (int column = 0; column < VacancyTableModel::ColumnCount; ++column) {
        // A number or a date cut short says nothing: those stay whole, like the actions.
        const bool whole = column == VacancyTableModel::Number
            || column == VacancyTableModel::ServerId || column == VacancyTableModel::PublishedOn
            || column == VacancyTableModel::Period || column >= VacancyTableModel::Edit;
        if (whole) {
            header->resizeSection(column, wanted[column]);
            fixed += wanted[column];
        } else {
            texts.append(column);
        }
    }
    const int room = std::max(available - fixed, 0);
    // The texts share the room by one cap: what is shorter stays whole (職稱, 職系), the longest
    // (官職等 in English) give way; what is left over goes to 職稱.
    QList<int> widths;
    for (const int column : texts)
        widths.append(wanted[column]);
    std::sort(widths.begin(), widths.end());
    int cap = widths.isEmpty() ? 0 : widths.last();
    int before = 0;
    for (qsizetype i = 0; i < widths.size(); ++i) {
        const int remaining = int(widths.size() - i);
        if (before + widths.at(i) * remaining > room) {
            cap = (room - before) / remaining;
            break;
        }
        before += widths.at(i);
    }
    int used = 0;
    for (const int column : texts) {
        const int width = std::min(wanted[column], cap);
        header->resizeSection(column, width);
        used += width;
    }
    if (used < room)
        header->resizeSection(
            VacancyTableModel::Title, header->sectionSize(VacancyTableModel::Title) + room - used);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == table_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const QModelIndex current = table_->currentIndex();
        if (current.isValid()
            && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter
                || key->key() == Qt::Key_Space)) {
            // The keyboard's click: an action cell acts, any other cell opens 修改.
            triggerAction(current.row(),
                current.column() < VacancyTableModel::Edit ? int(VacancyTableModel::Edit)
                                                           : current.column());
            return true;
        }
    }
    if (watched == table_ && event->type() == QEvent::Resize)
        QMetaObject::invokeMethod(this, &MainWindow::fitColumns, Qt::QueuedConnection);
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::search(const QString& serverId)
{
    core::store::ListQuery query = model_->query();
    query.serverId = serverId;
    query.page = 1;
    model_->setQuery(query);
    updateSummary();
}

void MainWindow::showHistory(bool history)
{
    if (historyButton_->isChecked() != history)
        historyButton_->setChecked(history); // toggled() comes back here
    core::store::ListQuery query = model_->query();
    query.scope
        = history ? core::store::ListQuery::Scope::History : core::store::ListQuery::Scope::Current;
    query.page = 1;
    model_->setQuery(query);
    retranslate();
    updateSummary();
}

void MainWindow::goToPage(int page)
{
    core::store::ListQuery query = model_->query();
    query.page = std::max(page, 1);
    model_->setQuery(query);
    updateSummary();
}

void MainWindow::setPageSize(int pageSize)
{
    core::store::ListQuery query = model_->query();
    query.pageSize = pageSize;
    query.page = 1;
    model_->setQuery(query);
    updateSummary();
}

QString MainWindow::resultText() const
{
    return tr("查詢結果%n筆", nullptr, model_->page().total);
}

void MainWindow::updateSummary()
{
    const core::store::ListPage& page = model_->page();
    paging_->setState(page.page, model_->pageCount(), page.total, page.pageSize);
    result_->setText(resultText());
}

void MainWindow::triggerAction(int row, int column)
{
    if (row < 0 || row >= model_->rowCount())
        return;
    const core::store::ListRow& r = model_->row(row);
    const bool conflict = r.state == RecordState::Conflict;
    // A record in conflict is settled first: its status cells and 修改 open the resolver.
    if (conflict
        && (column == VacancyTableModel::Edit || column == VacancyTableModel::Status
            || column == VacancyTableModel::SyncState)) {
        openConflict(r.localId);
        return;
    }
    if (column < VacancyTableModel::Edit
        || !model_->actionEnabled(row, VacancyTableModel::Column(column)))
        return;
    switch (column) {
    case VacancyTableModel::Edit:
        emit editRequested(r.localId);
        break;
    case VacancyTableModel::Delete:
        removeRow(row);
        break;
    case VacancyTableModel::Preview:
        emit previewRequested(r.localId);
        break;
    case VacancyTableModel::Applicants:
        emit applicantsRequested(r.serverId);
        break;
    default:
        break;
    }
}

void MainWindow::removeRow(int row)
{
    const core::store::ListRow r = model_->row(row);
    const QString name
        = r.serverId.isEmpty() ? r.title : tr("%1（職缺編號 %2）").arg(r.title, r.serverId);
    const QString question = r.serverId.isEmpty()
        ? tr("確定要刪除草稿「%1」嗎？").arg(name)
        : tr("確定要刪除職缺「%1」嗎？刪除會在下次同步時送到徵才系統；已刊登的職缺將改為撤銷。")
              .arg(name);
    if (!confirm(question))
        return;
    try {
        context_.store->records().remove(r.localId);
    } catch (const core::store::StoreError&) {
        QMessageBox::warning(this, tr("刪除"), tr("無法刪除這筆資料，請稍後再試。"));
        return;
    }
    refresh();
    if (context_.sync)
        context_.sync->syncNow();
}

bool MainWindow::confirm(const QString& question)
{
    if (confirm_)
        return confirm_(question);
    return QMessageBox::question(
               this, tr("刪除"), question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

ConflictDialog* MainWindow::openConflicts()
{
    QList<core::store::ConflictRecord> conflicts;
    try {
        conflicts = context_.store->syncState().conflicts();
    } catch (const core::store::StoreError&) {
        return nullptr;
    }
    if (conflicts.isEmpty())
        return nullptr;
    return openConflict(conflicts.first().localId);
}

ConflictDialog* MainWindow::openConflict(const QString& localId)
{
    if (conflictDialog_)
        conflictDialog_->close();
    auto* dialog = new ConflictDialog(context_, localId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConflictDialog::resolved, this, [this] {
        refresh();
        // The next one, if several waited.
        if (context_.sync && context_.sync->conflicts() > 0)
            QMetaObject::invokeMethod(this, &MainWindow::openConflicts, Qt::QueuedConnection);
    });
    conflictDialog_ = dialog;
    dialog->open();
    return dialog;
}

void MainWindow::updateSession()
{
    const core::session::SessionState* session = context_.session;
    const bool loggedIn = session && session->loggedIn();
    loginAction_->setEnabled(!loggedIn);
    logoutAction_->setEnabled(loggedIn);
    profileAction_->setEnabled(loggedIn && !session->isAgencySession());
    passwordAction_->setEnabled(loggedIn && !session->isAgencySession());
    QString mode = tr("未登入");
    if (loggedIn) {
        const core::session::SessionInfo& info = session->info();
        if (info.assurance == core::api::Assurance::Password)
            mode = tr("帳號密碼登入");
        else if (session->isAgencySession() || info.cardKind == QLatin1String("gca"))
            mode = tr("機關憑證登入");
        else
            mode = tr("自然人憑證登入");
    }
    loginMode_->setText(tr("使用者目前登入的方式：%1").arg(mode));
    refresh();
}

bool MainWindow::locked() const
{
    return lock_ && views_->currentWidget() == lock_;
}

void MainWindow::updateLock()
{
    const bool lock = SessionLockPage::locks(context_.sync);
    if (lock == locked())
        return;
    // Made when first needed: measuring its wrapped text and big heading cost the first paint
    // some 2 ms for a page most runs never show.
    if (!lock_) {
        lock_ = new SessionLockPage(context_.session, views_);
        views_->addWidget(lock_);
        connect(lock_, &SessionLockPage::loginRequested, this, &MainWindow::loginRequested);
    }
    // The list steps aside; open forms and the local store are left as they are.
    views_->setCurrentIndex(lock ? 1 : 0);
    if (!lock)
        refresh();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateSession(); // refreshes, and so fits the columns to the new words
    }
    QMainWindow::changeEvent(event);
}

} // namespace ui

#include "ui/main/moc_main_window.cpp"
