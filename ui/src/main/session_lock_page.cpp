#include "ui/main/session_lock_page.hpp"

#include "core/session/session_state.hpp"
#include "core/sync/sync_service.hpp"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

SessionLockPage::SessionLockPage(core::session::SessionState* session, QWidget* parent)
    : QWidget(parent)
    , session_(session)
{
    setObjectName(QStringLiteral("sessionLock"));
    heading_ = new QLabel(this);
    heading_->setObjectName(QStringLiteral("sessionLockHeading"));
    QFont big = heading_->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    heading_->setFont(big);
    heading_->setAlignment(Qt::AlignCenter);
    text_ = new QLabel(this);
    text_->setObjectName(QStringLiteral("sessionLockText"));
    text_->setTextFormat(Qt::PlainText);
    text_->setWordWrap(true);
    text_->setAlignment(Qt::AlignCenter);
    text_->setMaximumWidth(560);
    login_ = new QPushButton(this);
    login_->setObjectName(QStringLiteral("sessionLockLogin"));
    login_->setDefault(true);
    offline_ = new QPushButton(this);
    offline_->setObjectName(QStringLiteral("sessionLockOffline"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(login_);
    buttons->addWidget(offline_);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(heading_);
    layout->addWidget(text_, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch();
    connect(login_, &QPushButton::clicked, this, &SessionLockPage::loginRequested);
    // The server has ended the session: ending it here too leaves the clerk working offline.
    connect(offline_, &QPushButton::clicked, this, [this] {
        if (session_)
            session_->end();
    });
    retranslate();
}

bool SessionLockPage::locks(const core::sync::SyncService* sync)
{
    return sync && sync->needsLogin() && sync->loginReason() == QLatin1String("session-expired");
}

void SessionLockPage::retranslate()
{
    heading_->setText(tr("登入已逾時"));
    login_->setText(tr("以卡片重新登入…"));
    offline_->setText(tr("離線繼續作業"));
    refresh();
}

void SessionLockPage::refresh()
{
    const QString card = session_ && session_->loggedIn() ? session_->info().cardNumber : QString();
    QString text = tr("您有一段時間沒有操作，伺服器已結束這次登入。請以同一張卡片重新登入。");
    if (!card.isEmpty())
        text += QLatin1Char('\n') + tr("（卡號：%1）").arg(card);
    text += QStringLiteral("\n\n")
        + tr("草稿與待上傳的資料都保存在本機，沒有遺失；重新登入後會自動上傳。");
    text_->setText(text);
}

void SessionLockPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SessionLockPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
    login_->setFocus();
}

} // namespace ui

#include "ui/main/moc_session_lock_page.cpp"
