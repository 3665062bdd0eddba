#pragma once

#include "core/diagnostics/check_result.hpp"
#include "ui/app_context.hpp"

#include <QDialog>
#include <QMap>

class QLabel;
class QPushButton;

namespace core::diagnostics {
class EnvironmentCheck;
}

namespace ui {

/// 環境檢測 (in 說明, and shown when login cannot start): each check of
/// core::diagnostics::EnvironmentCheck live, with what was found and what to do. 重新檢測 runs
/// them again; 複製結果 puts a plain-text report for IT support on the clipboard (no secrets:
/// the checks never collect an ID number, PIN or token).
class EnvironmentCheckDialog : public QDialog {
    Q_OBJECT
public:
    EnvironmentCheckDialog(AppContext& context, QWidget* parent = nullptr);
    ~EnvironmentCheckDialog() override;

    /// Runs every check again with the settings of now.
    void rerun();
    core::diagnostics::EnvironmentCheck* check() const { return check_; }
    /// The report 複製結果 copies.
    QString reportText() const;

    /// The status, found and advice labels of one check.
    QLabel* statusLabel(core::diagnostics::CheckId id) const;
    QLabel* foundLabel(core::diagnostics::CheckId id) const;
    QLabel* adviceLabel(core::diagnostics::CheckId id) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Row {
        QLabel* title = nullptr;
        QLabel* status = nullptr;
        QLabel* found = nullptr;
        QLabel* advice = nullptr;
    };

    void retranslate();
    void showResult(const core::diagnostics::CheckResult& result);
    void copyReport();

    AppContext& context_;
    core::diagnostics::EnvironmentCheck* check_ = nullptr;
    QLabel* intro_ = nullptr;
    QMap<core::diagnostics::CheckId, Row> rows_;
    QPushButton* rerun_ = nullptr;
    QPushButton* copy_ = nullptr;
    QPushButton* close_ = nullptr;
    QLabel* copied_ = nullptr;
};

} // namespace ui
