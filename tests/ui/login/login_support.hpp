#pragma once

// The login dialog's desk: the program's context objects in a folder of their own, the real
// card service (its worker thread, the real pcscd with the virtual card), the real server, and
// helpers that drive the dialog as a clerk would — by its widgets.

#include "card_wait.hpp"
#include "core/cards/card_service.hpp"
#include "core/login/login_controller.hpp"
#include "core/session/service_runner.hpp"
#include "core/session/session_state.hpp"
#include "core/settings/client_settings.hpp"
#include "test_server.hpp"
#include "ui/app_context.hpp"
#include "ui/login/login_dialog.hpp"
#include "ui/login/login_page.hpp"
#include "ui/login/pin_field.hpp"
#include "virtual_card.hpp"

#include <QLabel>
#include <QLineEdit>
#include <QMutex>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <catch2/catch.hpp>

namespace logintest {

using core::login::LoginStep;

constexpr int waitMs = 30000; // a bound against hanging, not a speed requirement

inline const QString rightPin = QStringLiteral("123456"); // the virtual card's default
inline const QString wrongPin = QStringLiteral("654321");

/// Every Qt message while it lives, to show that no PIN or password reaches a log.
class MessageLog {
public:
    MessageLog()
    {
        active() = this;
        previous_ = qInstallMessageHandler(&MessageLog::handle);
    }
    ~MessageLog()
    {
        qInstallMessageHandler(previous_);
        active() = nullptr;
    }
    QString text() const
    {
        QMutexLocker lock(&mutex_);
        return lines_.join(QLatin1Char('\n'));
    }

private:
    static MessageLog*& active()
    {
        static MessageLog* log = nullptr;
        return log;
    }
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message)
    {
        if (MessageLog* log = active()) {
            QMutexLocker lock(&log->mutex_);
            log->lines_ << message;
            if (log->previous_)
                log->previous_(type, context, message);
        }
    }

    mutable QMutex mutex_;
    QStringList lines_;
    QtMessageHandler previous_ = nullptr;
};

inline core::cards::CardService::Options cardOptions(const QTemporaryDir& dir)
{
    core::cards::CardService::Options options;
    options.ledgerDatabase = dir.filePath(QStringLiteral("local.sqlite"));
    options.certificateCacheDir = dir.filePath(QStringLiteral("cards"));
    return options;
}

inline core::api::ServiceConfig configFor(const QString& baseUrl)
{
    core::api::ServiceConfig config;
    config.baseUrl = QUrl(baseUrl);
    config.timeout = std::chrono::seconds(10);
    return config;
}

/// The context objects and the card service of one clerk's program.
struct Desk {
    explicit Desk(const QString& baseUrl)
        : runner(configFor(baseUrl))
    {
        settings.setPreferredReader(testsupport::virtualReaderName());
        context.session = &session;
        context.service = &runner;
        context.settings = &settings;
        context.cards = &cards;
    }

    /// The login dialog over this desk's card service. The test servers sit behind no proxy but
    /// check logins for a public origin of their own: the setting an IT office would make.
    std::unique_ptr<ui::LoginDialog> openDialog()
    {
        if (signForTestOrigin)
            setItLoginOrigin(servertest::testOrigin);
        auto dialog = std::make_unique<ui::LoginDialog>(context);
        dialog->show();
        return dialog;
    }

    /// The login origin in IT's defaults file (not the clerk's own settings).
    void setItLoginOrigin(const QString& origin)
    {
        QSettings it(dir.filePath(QStringLiteral("it-defaults.ini")), QSettings::IniFormat);
        it.setValue(QStringLiteral("service/loginOrigin"), origin);
    }

    QTemporaryDir dir;
    core::settings::ClientSettings settings { dir.filePath(QStringLiteral("settings.ini")),
        dir.filePath(QStringLiteral("it-defaults.ini")) };
    core::session::SessionState session;
    core::session::ServiceRunner runner;
    core::cards::CardService cards { cardOptions(dir) };
    ui::AppContext context;
    bool signForTestOrigin = true;
};

inline bool waitForStep(const ui::LoginDialog& dialog, LoginStep step)
{
    return QTest::qWaitFor(
        [&] { return dialog.controller().step() == step && !dialog.controller().busy(); }, waitMs);
}

template <typename T> T* child(const ui::LoginDialog& dialog, LoginStep step, const char* name)
{
    T* widget = dialog.page(step)->findChild<T*>(QString::fromLatin1(name));
    REQUIRE(widget);
    return widget;
}

inline QString label(const ui::LoginDialog& dialog, LoginStep step, const char* name)
{
    return child<QLabel>(dialog, step, name)->text();
}

inline void click(const ui::LoginDialog& dialog, LoginStep step, const char* name)
{
    QPushButton* button = child<QPushButton>(dialog, step, name);
    REQUIRE(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

inline void type(
    const ui::LoginDialog& dialog, LoginStep step, const char* name, const QString& text)
{
    QLineEdit* edit = child<QLineEdit>(dialog, step, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

/// Types the PIN digit by digit into the PIN field (as keys, like the clerk) and presses 登入.
inline void enterPin(const ui::LoginDialog& dialog, const QString& pin)
{
    REQUIRE(dialog.controller().step() == LoginStep::Pin);
    auto* field = child<ui::PinField>(dialog, LoginStep::Pin, "pinField");
    field->clear();
    QTest::keyClicks(field, pin);
    REQUIRE(field->length() == pin.size());
    click(dialog, LoginStep::Pin, "pinLogin");
}

/// Until the card is read and its PIN asked for (one page: the card's summary and the field).
inline void toPin(const ui::LoginDialog& dialog)
{
    REQUIRE(waitForStep(dialog, LoginStep::Pin));
}

/// VERIFY commands that carried a PIN, as the virtual card logged them (data redacted).
inline int pinVerifies(const testsupport::VirtualCard& card)
{
    static const QRegularExpression verify(QStringLiteral("VERIFY <[1-9][0-9]* bytes redacted>"));
    int count = 0;
    for (auto it = verify.globalMatch(card.log()); it.hasNext(); it.next())
        ++count;
    return count;
}

/// No line edit of the dialog holds `secret` (the PIN never lives in a text field).
inline bool noFieldHolds(const ui::LoginDialog& dialog, const QString& secret)
{
    for (const QLineEdit* edit : dialog.findChildren<QLineEdit*>())
        if (edit->text().contains(secret))
            return false;
    return true;
}

} // namespace logintest
