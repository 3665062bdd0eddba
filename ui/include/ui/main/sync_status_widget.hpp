#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace core::sync {
class SyncService;
}

namespace ui {

/// The status area: online/offline, queued, last sync (民國 date and time), a progress bar while
/// a run is going, rejected records, "needs card login", and the conflicts badge (a button:
/// conflictsClicked opens the resolver).
class SyncStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit SyncStatusWidget(core::sync::SyncService* service, QWidget* parent = nullptr);

    /// Reads everything again from the service.
    void refresh();
    void retranslate();

    QString connectionText() const;
    QString queuedText() const;
    QString lastSyncText() const;
    QString loginText() const;
    QToolButton* conflictsBadge() const { return conflicts_; }

    /// "115/11/28 14:05" in local time.
    static QString rocDateTime(const QDateTime& utc);

signals:
    void conflictsClicked();
    /// The sync-now button.
    void syncRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    core::sync::SyncService* service_;
    QLabel* connection_ = nullptr;
    QLabel* queued_ = nullptr;
    QLabel* rejected_ = nullptr;
    QLabel* lastSync_ = nullptr;
    QLabel* login_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QToolButton* conflicts_ = nullptr;
    QToolButton* syncNow_ = nullptr;
};

} // namespace ui
