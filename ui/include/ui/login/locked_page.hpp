#pragma once

#include "ui/login/login_page.hpp"

#include <QUrl>

class QLabel;
class QPushButton;

namespace ui {

/// The PIN is locked: where to unblock it (MOICA for 自然人憑證, GCA for 機關憑證, a button opens
/// the site), and what the clerk can still do meanwhile.
class LockedPage : public LoginPage {
    Q_OBJECT
public:
    explicit LockedPage(core::login::LoginController& controller, QWidget* parent = nullptr);

    void refresh() override;
    void retranslate() override;
    /// The unblocking site for the card in the reader.
    QUrl unblockUrl() const;

private:
    QLabel* heading_ = nullptr;
    QLabel* holder_ = nullptr;
    QLabel* text_ = nullptr;
    QPushButton* open_ = nullptr;
    QLabel* stillPossible_ = nullptr;
};

} // namespace ui
