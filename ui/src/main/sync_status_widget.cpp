#include "ui/main/sync_status_widget.hpp"

#include "core/domain/roc_date.hpp"
#include "core/sync/sync_service.hpp"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace ui {

using core::sync::SyncService;

namespace {

/// Shows or hides `widget`, giving it its style sheet when it first shows: a style sheet puts a
/// widget under a style-sheet style (parsed, polished, drawn through it), which the first paint
/// need not pay for a warning and a badge that are hidden then.
void showStyled(QWidget* widget, bool visible, const QString& styleSheet)
{
    if (visible && widget->styleSheet().isEmpty())
        widget->setStyleSheet(styleSheet);
    widget->setVisible(visible);
}

} // namespace

SyncStatusWidget::SyncStatusWidget(SyncService* service, QWidget* parent)
    : QWidget(parent)
    , service_(service)
{
    connection_ = new QLabel(this);
    connection_->setObjectName(QStringLiteral("connection"));
    queued_ = new QLabel(this);
    queued_->setObjectName(QStringLiteral("queued"));
    rejected_ = new QLabel(this);
    lastSync_ = new QLabel(this);
    lastSync_->setObjectName(QStringLiteral("lastSync"));
    login_ = new QLabel(this);
    login_->setObjectName(QStringLiteral("loginNeeded"));
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(160);
    progress_->setTextVisible(false);
    conflicts_ = new QToolButton(this);
    conflicts_->setObjectName(QStringLiteral("conflictsBadge"));
    syncNow_ = new QToolButton(this);
    syncNow_->setObjectName(QStringLiteral("syncNow"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(connection_);
    layout->addWidget(queued_);
    layout->addWidget(rejected_);
    layout->addWidget(lastSync_);
    layout->addWidget(login_);
    layout->addWidget(progress_);
    layout->addWidget(conflicts_);
    layout->addWidget(syncNow_);

    connect(conflicts_, &QToolButton::clicked, this, &SyncStatusWidget::conflictsClicked);
    connect(syncNow_, &QToolButton::clicked, this, &SyncStatusWidget::syncRequested);
    if (service_) {
        connect(service_, &SyncService::statusChanged, this, &SyncStatusWidget::refresh);
        connect(service_, &SyncService::syncingChanged, this, &SyncStatusWidget::refresh);
        connect(service_, &SyncService::progress, this, [this](int done, int total) {
            progress_->setRange(0, std::max(total, 1));
            progress_->setValue(done);
        });
    }
    retranslate();
}

QString SyncStatusWidget::rocDateTime(const QDateTime& utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    return QStringLiteral("%1 %2").arg(
        core::domain::rocDateDisplay(local.date()), local.time().toString(QStringLiteral("HH:mm")));
}

QString SyncStatusWidget::connectionText() const
{
    if (!service_)
        return tr("離線");
    switch (service_->connection()) {
    case SyncService::Connection::Online:
        return tr("● 已連線");
    case SyncService::Connection::Offline:
        return tr("○ 離線");
    case SyncService::Connection::Unknown:
        break;
    }
    return tr("○ 連線中…");
}

QString SyncStatusWidget::queuedText() const
{
    return tr("待上傳 %n 筆", nullptr, service_ ? service_->queued() : 0);
}

QString SyncStatusWidget::lastSyncText() const
{
    const QDateTime when = service_ ? service_->lastSuccess() : QDateTime();
    if (!when.isValid())
        return tr("尚未同步");
    return tr("上次同步：%1").arg(rocDateTime(when));
}

QString SyncStatusWidget::loginText() const
{
    if (!service_ || !service_->needsLogin())
        return {};
    const QString reason = service_->loginReason();
    if (reason == QLatin1String("certificate-login-required"))
        return tr("需以憑證登入才能上傳");
    if (reason == QLatin1String("unauthenticated"))
        return tr("未登入，資料暫存於本機");
    if (reason == QLatin1String("account-setup-required"))
        return tr("請先完成帳號設定");
    if (reason == QLatin1String("person-inactive"))
        return tr("您已非在職人員，無法上傳");
    return tr("登入已逾時，請重新登入");
}

void SyncStatusWidget::refresh()
{
    connection_->setText(connectionText());
    queued_->setText(queuedText());
    const int rejected = service_ ? service_->rejected() : 0;
    rejected_->setText(tr("退回 %n 筆", nullptr, rejected));
    rejected_->setVisible(rejected > 0);
    lastSync_->setText(lastSyncText());
    const QString login = loginText();
    login_->setText(login);
    showStyled(login_, !login.isEmpty(), QStringLiteral("color: #a15c00"));
    const bool syncing = service_ && service_->syncing();
    if (syncing && progress_->maximum() == 100 && progress_->value() <= 0)
        progress_->setRange(0, 0); // busy until the first progress
    if (!syncing) {
        progress_->setRange(0, 100);
        progress_->setValue(0);
    }
    progress_->setVisible(syncing);
    const int conflicts = service_ ? service_->conflicts() : 0;
    conflicts_->setText(tr("衝突 %1").arg(conflicts));
    showStyled(conflicts_, conflicts > 0,
        QStringLiteral("QToolButton { background: #c62828; color: white; border-radius: 8px; "
                       "padding: 1px 8px; }"));
    syncNow_->setEnabled(service_ && !syncing);
}

void SyncStatusWidget::retranslate()
{
    conflicts_->setToolTip(tr("有資料與伺服器衝突，按此處理"));
    syncNow_->setText(tr("立即同步"));
    refresh();
}

void SyncStatusWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace ui

#include "ui/main/moc_sync_status_widget.cpp"
