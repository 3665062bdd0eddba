// The client's log (category shiqiuren.api): a line per request, and never a secret.

#include "client_fixture.hpp"

#include <QLoggingCategory>
#include <mutex>

using namespace apitest;

namespace {

std::mutex logLock;
QStringList* captured = nullptr;
QtMessageHandler previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        const std::lock_guard guard(logLock);
        if (captured && context.category && QByteArray(context.category) == "shiqiuren.api") {
            captured->append(message);
            return;
        }
    }
    if (previous)
        previous(type, context, message);
}

/// Captures shiqiuren.api while alive.
class LogCapture {
public:
    LogCapture()
    {
        const std::lock_guard guard(logLock);
        captured = &lines_;
        previous = qInstallMessageHandler(capture);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(previous);
        const std::lock_guard guard(logLock);
        captured = nullptr;
    }
    QString text() const
    {
        const std::lock_guard guard(logLock);
        return lines_.join(u'\n');
    }

private:
    QStringList lines_;
};

} // namespace

TEST_CASE("Every request is logged by method, path and status; secrets never", "[api][logging]")
{
    servertest::TestServer server;
    const QString secretPassword = QStringLiteral("Chen!2345");
    QString token;
    QString log;
    {
        LogCapture capture;
        ServiceClient client(configFor(server));
        const auto login = client.passwordLogin("chen01", secretPassword);
        REQUIRE(login.ok());
        token = login->session.token;
        REQUIRE(client.listVacancies(core::api::VacancyScope::Current, {}, "秘密的搜尋").ok());
        CHECK_FALSE(client.passwordLogin("chen01", "Wrong!999").ok());
        CHECK(client.createVacancy(newKey(), vacancyBytes()).failure.error
            == ServiceError::CertificateLoginRequired);
        log = capture.text();
    }
    INFO(log.toStdString());
    CHECK(log.contains(QRegularExpression("POST /api/v1/auth/password 200 \\d+ ms")));
    CHECK(log.contains(QRegularExpression("GET /api/v1/vacancies 200 \\d+ ms")));
    CHECK(log.contains(
        QRegularExpression("POST /api/v1/auth/password 401 \\d+ ms credentials-invalid")));
    CHECK(log.contains("POST /api/v1/vacancies 403"));
    CHECK_FALSE(log.contains(token));
    CHECK_FALSE(log.contains(secretPassword));
    CHECK_FALSE(log.contains("Wrong!999"));
    CHECK_FALSE(log.contains("Bearer"));
    CHECK_FALSE(log.contains("秘密"));
    CHECK_FALSE(log.contains("科員")); // no bodies
}
