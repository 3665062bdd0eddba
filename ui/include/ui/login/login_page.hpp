#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace core::login {
class LoginController;
}

namespace ui {

/// One page of the login dialog: a view over the LoginController's state for its step, which
/// calls the controller for what the clerk does.
class LoginPage : public QWidget {
    Q_OBJECT
public:
    explicit LoginPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    /// Shows the controller's current state (called whenever it changes).
    virtual void refresh() { }
    /// Sets every text of the page (the constructor and a language change call it).
    virtual void retranslate() = 0;

protected:
    void changeEvent(QEvent* event) override;
    /// Makes `defaultButton_` the dialog's default (every page has its own) and focuses
    /// `focusOnShow_`.
    void showEvent(QShowEvent* event) override;
    /// The page's title line: bold and a little larger, so the step is seen at a glance.
    QLabel* makeHeading();

    core::login::LoginController& controller_;
    QPushButton* defaultButton_ = nullptr; ///< what Enter presses on this page
    QWidget* focusOnShow_ = nullptr;
};

} // namespace ui
