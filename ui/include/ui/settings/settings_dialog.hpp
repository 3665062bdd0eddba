#pragma once

#include "ui/app_context.hpp"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ui {

/// 設定: the service's address (and optional certificate pin), the HiCOS PKCS#11 module, the
/// preferred reader (from the readers the context's card access reports), the language and logout
/// on card removal, over core::settings::ClientSettings. Nothing is written until 儲存, and only
/// when valid; a language change takes effect at once (no restart).
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(AppContext& context, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    /// Checks every field; writes them and returns true when all are valid. Shows the problems
    /// beside the fields otherwise.
    bool save();

    QLineEdit* serverUrlEdit() const { return serverUrl_; }
    QLineEdit* pinEdit() const { return pin_; }
    QLineEdit* originEdit() const { return origin_; }
    QLineEdit* moduleEdit() const { return module_; }
    QPushButton* browseButton() const { return browse_; }
    QCheckBox* logoutBox() const { return logout_; }
    QLabel* serverUrlProblem() const { return serverUrlProblem_; }
    QLabel* pinProblem() const { return pinProblem_; }
    QLabel* originProblem() const { return originProblem_; }
    QLabel* moduleState() const { return moduleState_; }

protected:
    void changeEvent(QEvent* event) override;
    /// The file chooser of 瀏覽…; a test replaces it. Empty = cancelled.
    virtual QString chooseModuleFile(const QString& current);

private:
    void retranslate();
    void load();
    void browseModule();
    bool checkServerUrl();
    bool checkPin();
    bool checkOrigin();
    bool checkModule();
    void addReader(const QString& reader);
    void removeReader(const QString& reader);
    void accept() override;

    AppContext& context_;
    QFormLayout* form_ = nullptr;
    QHBoxLayout* moduleRow_ = nullptr;
    QLabel* moduleTitle_ = nullptr;
    QLineEdit* serverUrl_ = nullptr;
    QLabel* serverUrlProblem_ = nullptr;
    QLineEdit* pin_ = nullptr;
    QLabel* pinProblem_ = nullptr;
    QLineEdit* origin_ = nullptr;
    QLabel* originProblem_ = nullptr;
    QLineEdit* module_ = nullptr;
    QPushButton* browse_ = nullptr;
    QLabel* moduleState_ = nullptr;
    QComboBox* reader_ = nullptr;
    QComboBox* language_ = nullptr;
    QCheckBox* logout_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
};

} // namespace ui
