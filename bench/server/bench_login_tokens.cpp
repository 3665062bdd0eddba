// Prepares what the server load benchmark (bench/server/bench-server.sh) sends: an agency card
// session for the list and create runs, a valid create body, and N card logins, each a fresh
// nonce from the server signed with the test PKI's agency key as the card would sign it. wrk's
// Lua cannot sign, so the logins are made here beforehand, one request body per line.
//
//   bench-login-tokens --server URL --pki DIR --origin ORIGIN --logins N --out DIR
//
// Writes DIR/session (the bearer token), DIR/vacancy.json and DIR/logins.txt.

#include "core/auth/auth_token.hpp"
#include "core/domain/vacancy_json.hpp"
#include "http_client.hpp"
#include "vacancy_fixture.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QTimeZone>
#include <cstdio>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <stdexcept>

namespace {

using servertest::HttpClient;

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    return file.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        throw std::runtime_error("cannot write " + path.toStdString());
}

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

KeyPtr readKey(const QString& path)
{
    const QByteArray pem = readFile(path);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())), BIO_free);
    KeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    if (!key)
        throw std::runtime_error("not a private key: " + path.toStdString());
    return key;
}

/// RS256 over the login digest, as the card signs it.
QByteArray sign(EVP_PKEY* key, const QString& origin, const QString& nonce)
{
    const QByteArray digest = core::auth::authDigest(origin, nonce);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new(key, nullptr), EVP_PKEY_CTX_free);
    const auto* in = reinterpret_cast<const unsigned char*>(digest.constData());
    size_t length = 0;
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) != 1
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1
        || EVP_PKEY_CTX_set_signature_md(ctx.get(), EVP_sha256()) != 1
        || EVP_PKEY_sign(ctx.get(), nullptr, &length, in, size_t(digest.size())) != 1)
        throw std::runtime_error("cannot sign");
    QByteArray signature(qsizetype(length), '\0');
    if (EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, in,
            size_t(digest.size()))
        != 1)
        throw std::runtime_error("cannot sign");
    signature.resize(qsizetype(length));
    return signature;
}

QString challenge(const HttpClient& client)
{
    const servertest::Reply reply = client.sendJson("POST", "/api/v1/auth/challenge", {});
    const QString nonce = reply.json().value("nonce").toString();
    if (reply.status != 200 || nonce.isEmpty())
        throw std::runtime_error("challenge failed: " + std::to_string(reply.status));
    return nonce;
}

QByteArray loginBody(
    const HttpClient& client, EVP_PKEY* key, const QByteArray& certificate, const QString& origin)
{
    const QString nonce = challenge(client);
    const QJsonObject token = core::auth::buildAuthToken(certificate, sign(key, origin, nonce),
        QStringLiteral("https://shiqiuren.example/shiqiuren/bench"));
    return QJsonDocument(core::auth::certificateLoginRequest(nonce, token))
        .toJson(QJsonDocument::Compact);
}

/// A create the rules accept today: the test agency's, starting tomorrow (Taipei), ten days.
QByteArray vacancyBody()
{
    core::domain::Vacancy v = domaintest::validVacancy();
    v.agencyCode = QStringLiteral("A29000000G");
    v.agencyName.clear();
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(8 * 3600)).date();
    v.validFrom = today.addDays(1);
    v.validTo = v.validFrom.addDays(10);
    QJsonObject body = core::domain::toJson(v);
    body.remove(QStringLiteral("vacancyId"));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString option(const QStringList& args, const QString& name)
{
    const qsizetype at = args.indexOf(name);
    if (at < 0 || at + 1 >= args.size())
        throw std::runtime_error("missing " + name.toStdString());
    return args.at(at + 1);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    try {
        const QStringList args = app.arguments();
        const HttpClient client(option(args, "--server"));
        const QString pki = option(args, "--pki");
        const QString origin = option(args, "--origin");
        const int logins = option(args, "--logins").toInt();
        const QString out = option(args, "--out");

        const KeyPtr key = readKey(pki + "/agency-sign.key");
        const QByteArray certificate = readFile(pki + "/agency-sign.der");
        const servertest::Reply session = client.send("POST", "/api/v1/auth/certificate",
            loginBody(client, key.get(), certificate, origin),
            { { "Content-Type", "application/json" } });
        const QString token = session.json().value("session").toObject().value("token").toString();
        if (session.status != 200 || token.isEmpty())
            throw std::runtime_error("agency login failed: " + session.body.toStdString());
        writeFile(out + "/session", token.toLatin1());
        writeFile(out + "/vacancy.json", vacancyBody());

        QByteArray lines;
        for (int i = 0; i < logins; ++i)
            lines += loginBody(client, key.get(), certificate, origin) + '\n';
        writeFile(out + "/logins.txt", lines);
        std::printf("prepared a session, a create body and %d signed logins in %s\n", logins,
            qPrintable(out));
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "bench-login-tokens: %s\n", error.what());
        return 1;
    }
}
