// Card login, first-time activation, account setup, password login, the account routes and
// logout through ServiceClient, against the real server.

#include "client_fixture.hpp"

#include <QThread>

using namespace apitest;
using core::api::AccountChange;
using core::api::Assurance;

TEST_CASE(
    "Card login through the client: challenge, activation, account setup, session", "[api][login]")
{
    servertest::TestServer server;
    ServiceClient client(configFor(server));

    const auto challenge = client.challenge();
    REQUIRE(challenge.ok());
    CHECK(QByteArray::fromBase64(challenge->nonce.toLatin1()).size() == 32);
    CHECK(challenge->expiresAt > QDateTime::currentDateTimeUtc());
    CHECK(challenge->expiresAt <= QDateTime::currentDateTimeUtc().addSecs(301));

    // First use of the card: a ticket, no session yet.
    const auto first = client.certificateLogin(core::auth::certificateLoginRequest(challenge->nonce,
        servertest::loginToken(
            "citizen-sign", "citizen-sign", servertest::testOrigin, challenge->nonce)));
    REQUIRE(first.ok());
    CHECK(first->activationRequired);
    CHECK_FALSE(first->activationTicket.isEmpty());
    CHECK(first->activationExpiresAt > QDateTime::currentDateTimeUtc());
    CHECK_FALSE(client.hasSession());

    // 首次啟用 with someone else's ID number: the seed's three outcomes stay apart.
    const auto stranger = client.activate(first->activationTicket, "Z999999999");
    REQUIRE_FALSE(stranger.ok());
    CHECK(stranger.failure.kind == ErrorKind::Http);
    CHECK(stranger.failure.httpStatus == 404);
    CHECK(stranger.failure.error == ServiceError::PersonNotFound);
    CHECK_FALSE(stranger.failure.message.isEmpty());
    const auto retired = client.activate(first->activationTicket, "B223456782");
    CHECK(retired.failure.error == ServiceError::PersonInactive);
    const auto otherWang = client.activate(first->activationTicket, "A298765437");
    CHECK(otherWang.failure.error == ServiceError::CertificateOwnerMismatch);
    CHECK_FALSE(client.hasSession());

    const auto activated = client.activate(first->activationTicket, "A123456789");
    REQUIRE(activated.ok());
    CHECK_FALSE(activated->activationRequired);
    CHECK(activated->assurance == Assurance::Certificate);
    CHECK(activated->accountSetupRequired);
    CHECK(activated->session.token.size() == 43);
    CHECK(activated->session.idleTimeoutSeconds == 1800);
    CHECK(activated->session.expiresAt > QDateTime::currentDateTimeUtc().addSecs(7 * 3600));
    CHECK(activated->account.value("name").toString() == "王小明");
    CHECK(client.hasSession());

    // Until the account is set up, other routes refuse.
    const auto early = client.listVacancies();
    REQUIRE_FALSE(early.ok());
    CHECK(early.failure.httpStatus == 403);
    CHECK(early.failure.error == ServiceError::AccountSetupRequired);

    // The account rules answer per field.
    const auto badName = client.setUpAccount("A123456789", "wang@test.gov.tw", {}, "Passw0rd!");
    REQUIRE_FALSE(badName.ok());
    CHECK(badName.failure.httpStatus == 422);
    CHECK(badName.failure.error == ServiceError::ValidationFailed);
    CHECK(badName.failure.fields.value("account").toArray().contains("account-looks-like-id"));
    const auto weak = client.setUpAccount("wang01", "wang@test.gov.tw", {}, "password");
    CHECK(weak.failure.error == ServiceError::PasswordPolicy);
    CHECK(weak.failure.fields.value("password").toArray().contains("needs-digit"));

    const auto setUp
        = client.setUpAccount("wang01", "wang@test.gov.tw", "02-23456789", "Passw0rd!");
    REQUIRE(setUp.ok());
    CHECK(setUp->value("account").toString() == "wang01");
    CHECK(setUp->value("phone").toString() == "02-23456789");
    CHECK_FALSE(setUp->value("accountSetupRequired").toBool());
    const auto again = client.setUpAccount("wang02", "wang@test.gov.tw", {}, "Passw0rd!");
    CHECK(again.failure.httpStatus == 409);
    CHECK(again.failure.error == ServiceError::AccountAlreadySetUp);

    const auto account = client.account();
    REQUIRE(account.ok());
    CHECK(account->value("account").toString() == "wang01");
    CHECK(account->value("agency").toObject().value("code").toString() == "A29000000G");

    // The bound card logs straight in from now on.
    ServiceClient second(configFor(server));
    const auto login = cardLogin(second);
    CHECK_FALSE(login.activationRequired);
    CHECK(login.assurance == Assurance::Certificate);
    CHECK_FALSE(login.accountSetupRequired);
    CHECK(second.hasSession());
    CHECK(login.session.token != activated->session.token);
    CHECK(second.account().ok());
}

TEST_CASE("A spent or unknown nonce is nonce-invalid", "[api][login]")
{
    servertest::TestServer server;
    ServiceClient client(configFor(server));
    const auto challenge = client.challenge();
    REQUIRE(challenge.ok());
    const QJsonObject token = servertest::loginToken(
        "agency-sign", "agency-sign", servertest::testOrigin, challenge->nonce);
    const auto login
        = client.certificateLogin(core::auth::certificateLoginRequest(challenge->nonce, token));
    REQUIRE(login.ok());
    CHECK(login->account.value("agency").toObject().value("code").toString() == "A29000000G");

    const auto replay
        = client.certificateLogin(core::auth::certificateLoginRequest(challenge->nonce, token));
    REQUIRE_FALSE(replay.ok());
    CHECK(replay.failure.kind == ErrorKind::Http);
    CHECK(replay.failure.httpStatus == 401);
    CHECK(replay.failure.error == ServiceError::NonceInvalid);
    CHECK(replay.failure.code == "nonce-invalid");
    CHECK_FALSE(replay.failure.retriable());

    const QString unknown = QString::fromLatin1(QByteArray(32, 'x').toBase64());
    const auto made = client.certificateLogin(core::auth::certificateLoginRequest(unknown,
        servertest::loginToken("agency-sign", "agency-sign", servertest::testOrigin, unknown)));
    CHECK(made.failure.error == ServiceError::NonceInvalid);

    // A token that is not web-eid:1.0.
    const auto fresh = client.challenge();
    REQUIRE(fresh.ok());
    const auto malformed = client.certificateLogin(
        core::auth::certificateLoginRequest(fresh->nonce, QJsonObject { { "format", "x" } }));
    CHECK(malformed.failure.httpStatus == 400);
    CHECK(malformed.failure.error == ServiceError::TokenMalformed);
}

TEST_CASE("Password login, account change, logout and the password throttle", "[api][login]")
{
    servertest::TestServer server;
    ServiceClient client(configFor(server));

    const auto login = client.passwordLogin("chen01", "Chen!2345");
    REQUIRE(login.ok());
    CHECK(login->assurance == Assurance::Password);
    CHECK_FALSE(login->accountSetupRequired);
    CHECK(login->account.value("account").toString() == "chen01");
    CHECK(client.hasSession());

    // A password session must give the current password to change anything.
    const auto noCurrent = client.changeAccount(AccountChange { .phone = QStringLiteral("123") });
    CHECK(noCurrent.failure.httpStatus == 403);
    CHECK(noCurrent.failure.error == ServiceError::CurrentPasswordRequired);
    const auto changed
        = client.changeAccount(AccountChange { .email = QStringLiteral("chen@test.gov.tw"),
            .phone = QStringLiteral("02-11112222"),
            .currentPassword = QStringLiteral("Chen!2345") });
    REQUIRE(changed.ok());
    CHECK(changed->value("email").toString() == "chen@test.gov.tw");
    CHECK(changed->value("phone").toString() == "02-11112222");
    const auto badEmail = client.changeAccount(AccountChange {
        .email = QStringLiteral("nope"), .currentPassword = QStringLiteral("Chen!2345") });
    CHECK(badEmail.failure.error == ServiceError::ValidationFailed);
    CHECK(badEmail.failure.fields.value("email").toArray().contains("email-format"));

    // Logout ends the session on the server and forgets the token here.
    const QString token = login->session.token;
    const auto out = client.logout();
    REQUIRE(out.ok());
    CHECK_FALSE(client.hasSession());
    client.setSessionToken(token);
    const auto after = client.account();
    REQUIRE_FALSE(after.ok());
    CHECK(after.failure.httpStatus == 401);
    CHECK(after.failure.error == ServiceError::Unauthenticated);
    const auto outAgain = client.logout(); // the session was gone already
    CHECK(outAgain.failure.error == ServiceError::Unauthenticated);
    CHECK_FALSE(client.hasSession());

    // Wrong passwords: the third asks for a pause, with Retry-After.
    for (int i = 0; i < 3; ++i) {
        const auto wrong = client.passwordLogin("chen01", QStringLiteral("Wrong!00%1").arg(i));
        CHECK(wrong.failure.httpStatus == 401);
        CHECK(wrong.failure.error == ServiceError::CredentialsInvalid);
        CHECK_FALSE(wrong.failure.retriable());
    }
    const auto hurried = client.passwordLogin("chen01", "Chen!2345");
    REQUIRE_FALSE(hurried.ok());
    CHECK(hurried.failure.kind == ErrorKind::Http);
    CHECK(hurried.failure.httpStatus == 429);
    CHECK(hurried.failure.error == ServiceError::TooManyAttempts);
    REQUIRE(hurried.failure.retryAfterSeconds.has_value());
    CHECK(*hurried.failure.retryAfterSeconds >= 1);
    CHECK(hurried.failure.body.value("retryAfterSeconds").toInt() >= 1);
    CHECK(hurried.failure.retriable());
    CHECK_FALSE(client.hasSession());

    QThread::msleep(1100 * unsigned(*hurried.failure.retryAfterSeconds));
    CHECK(client.passwordLogin("chen01", "Chen!2345").ok());
}

TEST_CASE("Without a session, or after it timed out, the gate answers 401", "[api][login]")
{
    servertest::TestServer server({ .extraArguments = { "--session-idle", "1" } });
    ServiceClient client(configFor(server));

    const auto anonymous = client.account();
    REQUIRE_FALSE(anonymous.ok());
    CHECK(anonymous.failure.kind == ErrorKind::Http);
    CHECK(anonymous.failure.httpStatus == 401);
    CHECK(anonymous.failure.error == ServiceError::Unauthenticated);
    CHECK(client.changes().failure.error == ServiceError::Unauthenticated);

    client.setSessionToken("not-a-token");
    CHECK(client.listVacancies().failure.error == ServiceError::Unauthenticated);

    REQUIRE(client.passwordLogin("chen01", "Chen!2345").ok());
    CHECK(client.account().ok());
    QThread::msleep(2100);
    const auto expired = client.account();
    CHECK(expired.failure.httpStatus == 401);
    CHECK(expired.failure.error == ServiceError::SessionExpired);

    client.clearSession();
    CHECK_FALSE(client.hasSession());
}
