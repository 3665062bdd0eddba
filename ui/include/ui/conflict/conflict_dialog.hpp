#pragma once

#include "core/store/local_store.hpp"
#include "core/sync/merge.hpp"
#include "ui/app_context.hpp"

#include <QDialog>
#include <QHash>
#include <QStringList>
#include <optional>

class QButtonGroup;
class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;

namespace ui {

/// Settles one record in Conflict: per field both sides changed, the text before either change
/// (the merge base), mine and the version on the service, and a choice per field that nothing
/// preselects; or keep mine / take the service's for all. Long texts mark what each side changed.
/// Applied through the SyncService (the store at once, then a run).
class ConflictDialog : public QDialog {
    Q_OBJECT
public:
    ConflictDialog(ui::AppContext& context, const QString& localId, QWidget* parent = nullptr);

    const QString& localId() const { return localId_; }
    /// The conflicting fields (JSON keys), in the order shown; empty when the record has no
    /// conflict (any more).
    QStringList fields() const;
    /// The side chosen for `key`; none until the clerk picks one.
    std::optional<core::sync::Side> choice(const QString& key) const;
    void setChoice(const QString& key, core::sync::Side side);

    QPushButton* keepMineButton() const { return keepMine_; }
    QPushButton* keepServerButton() const { return keepServer_; }
    QPushButton* applyButton() const { return apply_; }

    void retranslate();

public slots:
    void keepMine();
    void keepServer();
    /// Each field as chosen (available once every field has a choice).
    void applyChoices();

signals:
    /// The conflict is settled (the dialog then closes with accept()).
    void resolved(const QString& localId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void build();
    /// 「依所選套用」 waits for a choice on every field.
    void updateApply();
    /// When the service's version changed, as far as the service says; empty when it does not.
    QString changedByText() const;
    /// Runs `work` (one of the service's calls); a record settled meanwhile is reported.
    void settle(const std::function<void()>& work);

    AppContext& context_;
    QString localId_;
    std::optional<core::store::ConflictRecord> conflict_;
    QLabel* intro_ = nullptr;
    QLabel* changedBy_ = nullptr;
    QScrollArea* fields_ = nullptr;
    QLabel* error_ = nullptr;
    QGridLayout* grid_ = nullptr;
    QList<QLabel*> headers_;
    QHash<QString, QLabel*> fieldLabels_;
    QHash<QString, QButtonGroup*> choices_;
    QPushButton* keepMine_ = nullptr;
    QPushButton* keepServer_ = nullptr;
    QPushButton* apply_ = nullptr;
    QPushButton* cancel_ = nullptr;
};

} // namespace ui
