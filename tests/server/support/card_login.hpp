#pragma once

// Card logins for the server suites: the test PKI's private keys stand in for the cards (the
// card path itself is tested in tests/integration), so every byte the server sees is what a real
// client would send.

#include "http_client.hpp"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace servertest {

/// RS256 over core::auth::authDigest(origin, nonce) with `$SHIQIUREN_TEST_PKI/<name>.key`.
QByteArray signLogin(const QString& keyName, const QString& origin, const QString& nonce);
/// The same with the PEM private key in `keyFile`.
QByteArray signLoginWithKeyFile(
    const QString& keyFile, const QString& origin, const QString& nonce);

/// `POST /auth/challenge` → the nonce (REQUIREs success).
QString challenge(const HttpClient& client);

/// The web-eid:1.0 token for certificate `<certName>.der` signed by `<keyName>.key`.
QJsonObject loginToken(
    const QString& certName, const QString& keyName, const QString& origin, const QString& nonce);

/// Challenge + `POST /auth/certificate` with the named test card; the raw reply.
Reply cardLogin(const HttpClient& client, const QString& certName = QStringLiteral("citizen-sign"));

/// A clerk ready to work: 王小明's card logs in, is activated with his ID number on first use,
/// and sets up `account` (password "Passw0rd!") if needed. Returns the certificate session token.
QString clerkSession(const HttpClient& client, const QString& account = QStringLiteral("wang01"));

/// The same clerk by password (clerkSession must have set the account up).
QString passwordSession(
    const HttpClient& client, const QString& account = QStringLiteral("wang01"));

/// The agency card's session (機關憑證 of 測試機關).
QString agencySession(const HttpClient& client);

inline const QString clerkPassword = QStringLiteral("Passw0rd!");

} // namespace servertest
