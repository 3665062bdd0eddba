#include "card_login.hpp"

#include "core/auth/auth_token.hpp"
#include "test_server.hpp"

#include <QFile>
#include <catch2/catch.hpp>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace servertest {

QByteArray signLogin(const QString& keyName, const QString& origin, const QString& nonce)
{
    return signLoginWithKeyFile(pkiPath(keyName + ".key"), origin, nonce);
}

QByteArray signLoginWithKeyFile(const QString& keyFile, const QString& origin, const QString& nonce)
{
    QFile file(keyFile);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray pem = file.readAll();
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())), BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    REQUIRE(key);
    const QByteArray digest = core::auth::authDigest(origin, nonce);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new(key.get(), nullptr), EVP_PKEY_CTX_free);
    REQUIRE(EVP_PKEY_sign_init(ctx.get()) == 1);
    REQUIRE(EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) == 1);
    REQUIRE(EVP_PKEY_CTX_set_signature_md(ctx.get(), EVP_sha256()) == 1);
    size_t length = 0;
    const auto* in = reinterpret_cast<const unsigned char*>(digest.constData());
    REQUIRE(EVP_PKEY_sign(ctx.get(), nullptr, &length, in, size_t(digest.size())) == 1);
    QByteArray signature(qsizetype(length), '\0');
    REQUIRE(EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                in, size_t(digest.size()))
        == 1);
    signature.resize(qsizetype(length));
    return signature;
}

QString challenge(const HttpClient& client)
{
    const Reply reply = client.sendJson("POST", "/api/v1/auth/challenge", {});
    INFO(reply.body.toStdString());
    REQUIRE(reply.status == 200);
    const QString nonce = reply.json().value("nonce").toString();
    REQUIRE_FALSE(nonce.isEmpty());
    return nonce;
}

QJsonObject loginToken(
    const QString& certName, const QString& keyName, const QString& origin, const QString& nonce)
{
    QFile cert(pkiPath(certName + ".der"));
    REQUIRE(cert.open(QIODevice::ReadOnly));
    return core::auth::buildAuthToken(cert.readAll(), signLogin(keyName, origin, nonce),
        QStringLiteral("https://shiqiuren.example/shiqiuren/test"));
}

Reply cardLogin(const HttpClient& client, const QString& certName)
{
    const QString nonce = challenge(client);
    return client.sendJson("POST", "/api/v1/auth/certificate",
        core::auth::certificateLoginRequest(
            nonce, loginToken(certName, certName, testOrigin, nonce)));
}

QString clerkSession(const HttpClient& client, const QString& account)
{
    Reply login = cardLogin(client);
    INFO(login.body.toStdString());
    REQUIRE(login.status == 200);
    QJsonObject body = login.json();
    if (body.value("activationRequired").toBool()) {
        login = client.sendJson("POST", "/api/v1/auth/activate",
            { { "activationTicket", body.value("activationTicket") },
                { "accountOrIdNumber", "A123456789" } });
        INFO(login.body.toStdString());
        REQUIRE(login.status == 200);
        body = login.json();
    }
    const QString token = body.value("session").toObject().value("token").toString();
    REQUIRE_FALSE(token.isEmpty());
    if (body.value("accountSetupRequired").toBool()) {
        const Reply setup = client.sendJson("PUT", "/api/v1/account",
            { { "account", account }, { "email", "wang@test.gov.tw" },
                { "password", clerkPassword } },
            token);
        INFO(setup.body.toStdString());
        REQUIRE(setup.status == 200);
    }
    return token;
}

QString passwordSession(const HttpClient& client, const QString& account)
{
    const Reply login = client.sendJson(
        "POST", "/api/v1/auth/password", { { "account", account }, { "password", clerkPassword } });
    INFO(login.body.toStdString());
    REQUIRE(login.status == 200);
    return login.json().value("session").toObject().value("token").toString();
}

QString agencySession(const HttpClient& client)
{
    const Reply login = cardLogin(client, QStringLiteral("agency-sign"));
    INFO(login.body.toStdString());
    REQUIRE(login.status == 200);
    return login.json().value("session").toObject().value("token").toString();
}

} // namespace servertest
