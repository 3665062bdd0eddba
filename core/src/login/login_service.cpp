#include "core/login/login_service.hpp"

#include "core/api/service_client.hpp"
#include "core/session/service_runner.hpp"

namespace core::login {

namespace {

class RunnerLoginService : public LoginService {
public:
    explicit RunnerLoginService(session::ServiceRunner& runner)
        : runner_(runner)
    { }

    QUrl baseUrl() const override { return runner_.config().baseUrl; }

    void challenge(QObject* context, Done<api::Challenge> done) override
    {
        runner_.run<api::Challenge>(
            context, [](api::ServiceClient& client) { return client.challenge(); },
            std::move(done));
    }
    void certificateLogin(
        QObject* context, const QJsonObject& request, Done<api::LoginOutcome> done) override
    {
        runner_.run<api::LoginOutcome>(
            context,
            [request](api::ServiceClient& client) { return client.certificateLogin(request); },
            std::move(done));
    }
    void activate(QObject* context, const QString& ticket, const QString& accountOrIdNumber,
        Done<api::LoginOutcome> done) override
    {
        runner_.run<api::LoginOutcome>(
            context,
            [ticket, accountOrIdNumber](
                api::ServiceClient& client) { return client.activate(ticket, accountOrIdNumber); },
            std::move(done));
    }
    void setUpAccount(QObject* context, const QString& account, const QString& email,
        const QString& password, Done<QJsonObject> done) override
    {
        runner_.run<QJsonObject>(
            context,
            [account, email, password](api::ServiceClient& client) {
                return client.setUpAccount(account, email, {}, password);
            },
            std::move(done));
    }
    void passwordLogin(QObject* context, const QString& account, const QString& password,
        Done<api::LoginOutcome> done) override
    {
        runner_.run<api::LoginOutcome>(
            context,
            [account, password](
                api::ServiceClient& client) { return client.passwordLogin(account, password); },
            std::move(done));
    }
    void logout() override
    {
        runner_.run<api::Empty>(
            nullptr, [](api::ServiceClient& client) { return client.logout(); },
            [](const api::Result<api::Empty>&) {});
    }

private:
    session::ServiceRunner& runner_;
};

} // namespace

std::unique_ptr<LoginService> LoginService::over(session::ServiceRunner& runner)
{
    return std::make_unique<RunnerLoginService>(runner);
}

} // namespace core::login
