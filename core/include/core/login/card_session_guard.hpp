#pragma once

#include <QObject>
#include <QSet>
#include <QString>

namespace core::cards {
class CardAccess;
}
namespace core::session {
class ServiceRunner;
class SessionState;
} // namespace core::session
namespace core::settings {
class ClientSettings;
}

namespace core::login {

/// Ends a card session when its card leaves the reader (or the reader goes), if
/// ClientSettings::logoutOnCardRemoval() (on by default; `settings` null = on): the server's
/// session is logged out and SessionState ends. Password sessions are left alone. Watches for
/// as long as it lives, so a card taken out before the session began is noticed too.
class CardSessionGuard : public QObject {
    Q_OBJECT
public:
    CardSessionGuard(cards::CardAccess& cards, session::SessionState& session,
        session::ServiceRunner& service, settings::ClientSettings* settings,
        QObject* parent = nullptr);
    ~CardSessionGuard() override;

signals:
    /// The session ended because its card was removed (for a status message).
    void loggedOutByCardRemoval();

private:
    void onCardGone(const QString& reader);
    void checkSession();

    cards::CardAccess& cards_;
    session::SessionState& session_;
    session::ServiceRunner& service_;
    settings::ClientSettings* settings_;
    QSet<QString> readersWithCard_;
    bool watcherReported_ = false;
};

} // namespace core::login
