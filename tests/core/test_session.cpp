// The GUI's shared state: the service runner (calls off the GUI thread, answers back on it),
// the session and the client settings.
#include "core/session/service_runner.hpp"
#include "core/session/session_state.hpp"
#include "core/settings/client_settings.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <catch2/catch.hpp>

using namespace core;

namespace {

// A loopback port nobody listens on: bind one, note it, close it.
QUrl closedPort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

template <typename Predicate> bool waitFor(Predicate done, int ms = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

} // namespace

TEST_CASE("ServiceRunner runs calls on its worker and answers on the caller's thread", "[session]")
{
    session::ServiceRunner runner(api::ServiceConfig { .baseUrl = closedPort() });
    QObject context;
    QThread* callThread = nullptr;
    std::optional<api::Result<api::Health>> answer;
    QThread* answerThread = nullptr;
    runner.run<api::Health>(
        &context,
        [&](api::ServiceClient& client) {
            callThread = QThread::currentThread();
            return client.health();
        },
        [&](const api::Result<api::Health>& result) {
            answerThread = QThread::currentThread();
            answer = result;
        });
    REQUIRE(waitFor([&] { return answer.has_value(); }));
    CHECK(callThread != QThread::currentThread());
    CHECK(answerThread == QThread::currentThread());
    CHECK_FALSE(answer->ok());
    CHECK(answer->failure.kind == api::ErrorKind::Network);
    CHECK(waitFor([&] { return runner.pending() == 0; }));
}

TEST_CASE("ServiceRunner drops the answer for a context that is gone", "[session]")
{
    session::ServiceRunner runner(api::ServiceConfig { .baseUrl = closedPort() });
    bool called = false;
    bool ran = false;
    {
        QObject context;
        runner.run<api::Health>(
            &context,
            [&](api::ServiceClient& client) {
                QThread::msleep(100); // the context dies while the call runs
                ran = true;
                return client.health();
            },
            [&](const api::Result<api::Health>&) { called = true; });
    }
    REQUIRE(waitFor([&] { return ran && runner.pending() == 0; }));
    QCoreApplication::processEvents();
    CHECK_FALSE(called);
}

TEST_CASE("ServiceRunner keeps the order of calls and takes a new service", "[session]")
{
    session::ServiceRunner runner(api::ServiceConfig { .baseUrl = closedPort() });
    QObject context;
    QStringList seen;
    for (int i = 0; i < 3; ++i) {
        runner.run<api::Empty>(
            &context,
            [&seen, i](api::ServiceClient& client) {
                seen << QStringLiteral("%1:%2").arg(i).arg(client.config().baseUrl.port());
                return api::Result<api::Empty>::success({});
            },
            [](const api::Result<api::Empty>&) {});
        if (i == 1)
            runner.setConfig(api::ServiceConfig { .baseUrl = QUrl("http://127.0.0.1:9") });
    }
    REQUIRE(waitFor([&] { return runner.pending() == 0; }));
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].startsWith("0:"));
    CHECK(seen[1].startsWith("1:"));
    CHECK(seen[0] == QStringLiteral("0:%1").arg(seen[1].section(':', 1)));
    CHECK(seen[2] == "2:9");
    CHECK(runner.config().baseUrl == QUrl("http://127.0.0.1:9"));
}

TEST_CASE("SessionState says who may write vacancies", "[session]")
{
    session::SessionState state;
    QSignalSpy started(&state, &session::SessionState::started);
    QSignalSpy ended(&state, &session::SessionState::ended);
    CHECK_FALSE(state.loggedIn());
    CHECK_FALSE(state.canWriteVacancies());

    const QJsonObject agency { { "code", "A096C0000Q" }, { "emailDomain", "ntunhs.edu.tw" } };
    session::SessionInfo card;
    card.assurance = api::Assurance::Certificate;
    card.account = QJsonObject { { "account", "" }, { "name", "陳同事" }, { "agency", agency },
        { "accountSetupRequired", true } };
    card.accountSetupRequired = true;
    card.token = "secret-token";
    state.begin(card);
    CHECK(started.count() == 1);
    CHECK(state.loggedIn());
    CHECK_FALSE(state.canWriteVacancies()); // account setup first
    CHECK_FALSE(state.isAgencySession());
    CHECK(state.personName() == "陳同事");
    CHECK(state.agency().value("emailDomain").toString() == "ntunhs.edu.tw");

    QJsonObject setUp = card.account;
    setUp["account"] = "chen02";
    setUp["accountSetupRequired"] = false;
    state.updateAccount(setUp);
    CHECK(state.canWriteVacancies());

    state.end();
    CHECK(ended.count() == 1);
    CHECK_FALSE(state.loggedIn());
    CHECK(state.info().token.isEmpty());
    state.end(); // twice is nothing
    CHECK(ended.count() == 1);

    session::SessionInfo password;
    password.assurance = api::Assurance::Password;
    password.account = setUp;
    state.begin(password);
    CHECK_FALSE(state.canWriteVacancies()); // read-only: vacancies need a card login

    session::SessionInfo agencyCard;
    agencyCard.assurance = api::Assurance::Certificate;
    agencyCard.account = QJsonObject { { "agency", agency }, { "accountSetupRequired", false } };
    state.begin(agencyCard);
    CHECK(state.isAgencySession());
    CHECK(state.canWriteVacancies());
}

TEST_CASE("ClientSettings keeps its values in the INI file and reports changes", "[session]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath("shiqiuren.conf");
    {
        settings::ClientSettings settings(file);
        CHECK(settings.logoutOnCardRemoval()); // on by default
        CHECK(settings.serverUrl().isEmpty());
        QSignalSpy changed(&settings, &settings::ClientSettings::changed);
        settings.setServerUrl(QUrl("https://recruit.example.gov.tw"));
        settings.setServerUrl(QUrl("https://recruit.example.gov.tw")); // same: no signal
        settings.setLanguage("en");
        settings.setLogoutOnCardRemoval(false);
        settings.setPinnedCertificateSha256(" AB12 ");
        settings.setPkcs11Module("/usr/lib/libHiCOSPKCS11.so");
        settings.setPreferredReader("Virtual PCD 00 00");
        REQUIRE(changed.count() == 6);
        CHECK(changed[0][0].toString() == "serverUrl");
        CHECK(changed[1][0].toString() == "language");
        settings.sync();
    }
    settings::ClientSettings again(file);
    CHECK(again.serverUrl() == QUrl("https://recruit.example.gov.tw"));
    CHECK(again.language() == "en");
    CHECK_FALSE(again.logoutOnCardRemoval());
    CHECK(again.pinnedCertificateSha256() == "ab12");
    CHECK(again.pkcs11Module() == "/usr/lib/libHiCOSPKCS11.so");
    CHECK(again.preferredReader() == "Virtual PCD 00 00");
}

TEST_CASE("ServiceRunner never runs a call inside another one's wait", "[session]")
{
    // A server that accepts and never answers: each call waits (in its local event loop) until
    // its timeout, long enough for the next calls to be posted meanwhile.
    QTcpServer silent;
    REQUIRE(silent.listen(QHostAddress::LocalHost));
    session::ServiceRunner runner(api::ServiceConfig {
        .baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())),
        .timeout = std::chrono::milliseconds(300) });
    QObject context;
    std::atomic<int> inside { 0 };
    std::atomic<int> deepest { 0 };
    QStringList order;
    for (int i = 0; i < 3; ++i) {
        runner.run<api::Health>(
            &context,
            [&, i](api::ServiceClient& client) {
                deepest = std::max(deepest.load(), ++inside);
                order << QString::number(i);
                auto result = client.health();
                --inside;
                return result;
            },
            [](const api::Result<api::Health>&) {});
        QCoreApplication::processEvents();
        QThread::msleep(50); // the first call is waiting when the next is posted
    }
    REQUIRE(waitFor([&] { return runner.pending() == 0; }));
    CHECK(deepest == 1);
    CHECK(order == QStringList { "0", "1", "2" });
}
