#pragma once

#include "core/api/login_types.hpp"
#include "core/api/result.hpp"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>

namespace core::session {
class ServiceRunner;
}

namespace core::login {

/// The central service as the login needs it: the login routes, each answered on the thread of
/// the `context` that asked (nothing comes for a context destroyed meanwhile). The card has
/// its port too (cards::CardAccess), so the whole login runs in a test against two fakes.
class LoginService {
public:
    template <typename T> using Done = std::function<void(const api::Result<T>&)>;

    virtual ~LoginService() = default;

    /// The service's address; the origin the card signs for comes from it.
    virtual QUrl baseUrl() const = 0;
    virtual void challenge(QObject* context, Done<api::Challenge> done) = 0;
    /// `request`: core::auth::certificateLoginRequest.
    virtual void certificateLogin(
        QObject* context, const QJsonObject& request, Done<api::LoginOutcome> done)
        = 0;
    virtual void activate(QObject* context, const QString& ticket, const QString& accountOrIdNumber,
        Done<api::LoginOutcome> done)
        = 0;
    virtual void setUpAccount(QObject* context, const QString& account, const QString& email,
        const QString& password, Done<QJsonObject> done)
        = 0;
    virtual void passwordLogin(QObject* context, const QString& account, const QString& password,
        Done<api::LoginOutcome> done)
        = 0;
    /// Ends the session the service holds, if any; nobody waits for the answer.
    virtual void logout() = 0;

    /// The real one: every call through the program's ServiceRunner.
    static std::unique_ptr<LoginService> over(session::ServiceRunner& runner);
};

} // namespace core::login
