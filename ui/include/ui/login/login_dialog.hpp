#pragma once

#include <QDialog>
#include <QHash>
#include <QSize>
#include <memory>

class QPushButton;
class QStackedWidget;

namespace core::login {
class LoginController;
class LoginService;
enum class LoginStep;
} // namespace core::login

namespace ui {

struct AppContext;
class LoginPage;

/// The login: one dialog, stacked pages, a view over core::login::LoginController (the card
/// works on its worker thread, the network on the ServiceRunner's: the dialog never waits).
/// Accepted once SessionState has begun with the account set up; 離線作業 rejects it, since
/// drafting works without a login.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    /// Over the context's card access and service runner (both must be set).
    explicit LoginDialog(AppContext& context, QWidget* parent = nullptr);
    ~LoginDialog() override;

    /// Starts on (or goes to) the password login.
    void showPasswordLogin();

    core::login::LoginController& controller() const { return *controller_; }
    /// The page shown now (tests, accessibility).
    LoginPage* currentPage() const;
    LoginPage* page(core::login::LoginStep step) const;

    /// How long the dialog lets the card watcher report before it decides that the login cannot
    /// start (no smart card service, no reader) and asks for the environment check.
    static constexpr int cannotStartGraceMs = 2000;
    /// The dialog's one size (room for the English texts too).
    static constexpr QSize fixedSize { 600, 480 };

signals:
    /// 環境檢測 asked for: the clerk pressed it, or the login cannot start (once per dialog).
    void environmentCheckRequested();

public slots:
    void reject() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showStep();
    void addPage(core::login::LoginStep step, LoginPage* page);
    /// Asks for the environment check once when the card login cannot start.
    void checkCanStart();

    AppContext& context_;
    std::unique_ptr<core::login::LoginService> service_;
    core::login::LoginController* controller_ = nullptr;
    QStackedWidget* stack_ = nullptr;
    QHash<int, LoginPage*> pages_;
    QPushButton* passwordLogin_ = nullptr;
    QPushButton* offline_ = nullptr;
    QPushButton* environment_ = nullptr;
    bool askedForEnvironmentCheck_ = false;
};

} // namespace ui
