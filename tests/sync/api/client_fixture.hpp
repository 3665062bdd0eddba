#pragma once

// Shared by the ServiceClient suites: a client for a TestServer, a clerk logged in through the
// client itself (the test PKI's keys stand in for the card), and vacancy bodies as exact bytes.

#include "../../server/api/vacancy_test_support.hpp"
#include "card_login.hpp"
#include "core/api/service_client.hpp"
#include "core/auth/auth_token.hpp"
#include "test_server.hpp"

#include <QJsonDocument>
#include <catch2/catch.hpp>

namespace apitest {

using core::api::ErrorKind;
using core::api::ServiceClient;
using core::api::ServiceConfig;
using core::api::ServiceError;

inline ServiceConfig configFor(const QString& baseUrl, std::chrono::milliseconds timeout = {})
{
    ServiceConfig config;
    config.baseUrl = QUrl(baseUrl);
    if (timeout.count() > 0)
        config.timeout = timeout;
    config.userAgent = QStringLiteral("shiqiuren-test/1");
    return config;
}

inline ServiceConfig configFor(const servertest::TestServer& server)
{
    return configFor(server.baseUrl());
}

/// The certificate login of the test PKI's card `certName` through `client`: challenge, sign,
/// POST /auth/certificate. REQUIREs an answer.
inline core::api::LoginOutcome cardLogin(
    ServiceClient& client, const QString& certName = QStringLiteral("citizen-sign"))
{
    const auto challenge = client.challenge();
    INFO(challenge.failure.summary().toStdString());
    REQUIRE(challenge.ok());
    const auto login = client.certificateLogin(core::auth::certificateLoginRequest(challenge->nonce,
        servertest::loginToken(certName, certName, servertest::testOrigin, challenge->nonce)));
    INFO(login.failure.summary().toStdString());
    REQUIRE(login.ok());
    return *login;
}

/// 王小明 logged in with his card through `client`, activated and set up as `account` on first
/// use: the client holds a certificate session ready for vacancy writes.
inline void clerkLogin(ServiceClient& client, const QString& account = QStringLiteral("wang01"))
{
    core::api::LoginOutcome login = cardLogin(client);
    if (login.activationRequired) {
        const auto activated
            = client.activate(login.activationTicket, QStringLiteral("A123456789"));
        INFO(activated.failure.summary().toStdString());
        REQUIRE(activated.ok());
        login = *activated;
    }
    REQUIRE(client.hasSession());
    if (login.accountSetupRequired) {
        const auto setUp = client.setUpAccount(account, QStringLiteral("wang@test.gov.tw"),
            QStringLiteral("02-23456789"), servertest::clerkPassword);
        INFO(setUp.failure.summary().toStdString());
        REQUIRE(setUp.ok());
    }
}

inline QByteArray bytesOf(const QJsonObject& body)
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

/// A valid vacancy body (vacancytest::vacancyBody) as bytes.
inline QByteArray vacancyBytes(int startInDays = 0, int days = 10)
{
    return bytesOf(vacancytest::vacancyBody(startInDays, days));
}

inline QString newKey()
{
    return QString::fromLatin1(vacancytest::newKey());
}

/// Creates and REQUIREs success.
inline core::api::VacancyRecord createdRecord(ServiceClient& client, const QByteArray& body)
{
    const auto created = client.createVacancy(newKey(), body);
    INFO(created.failure.summary().toStdString());
    REQUIRE(created.ok());
    return created->record;
}

} // namespace apitest
