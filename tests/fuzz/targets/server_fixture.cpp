#include "server_fixture.hpp"

#include "server/accounts/session_store.hpp"
#include "server/app/routes.hpp"
#include "server/login/revocation_checker.hpp"
#include "server/login/trust_store.hpp"
#include "server/seed/seed_loader.hpp"
#include "server/storage/database_url.hpp"
#include "server/storage/schema.hpp"
#include "server/storage/sql.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <cstdlib>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace fuzzing {
namespace {

constexpr int inputsPerFixture = 2000;

QByteArray recentLog;
// Never destroyed at exit: Qt's SQL driver registry may be gone by then.
ServerFixture* current = nullptr;
int inputsSinceFresh = 0;
bool loggedOut = false;

void keepLog(QtMsgType, const QMessageLogContext&, const QString& message)
{
    recentLog = (recentLog + message.toUtf8() + '\n').right(4000);
}

/// A self-signed CA certificate: the trust store needs one anchor; no input can chain to it.
void writeTrustAnchor(const QString& path)
{
    EVP_PKEY* key = EVP_EC_gen("P-256");
    X509* certificate = X509_new();
    X509_set_version(certificate, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate), 1);
    X509_gmtime_adj(X509_getm_notBefore(certificate), 0);
    X509_gmtime_adj(X509_getm_notAfter(certificate), 3600L * 24 * 365);
    X509_NAME* name = X509_get_subject_name(certificate);
    X509_NAME_add_entry_by_txt(
        name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("fuzz anchor"), -1, -1, 0);
    X509_set_issuer_name(certificate, name);
    X509_set_pubkey(certificate, key);
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* constraints
        = X509V3_EXT_conf_nid(nullptr, &context, NID_basic_constraints, "critical,CA:TRUE");
    X509_add_ext(certificate, constraints, -1);
    X509_EXTENSION_free(constraints);
    X509_sign(certificate, key, EVP_sha256());
    FILE* file = std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!file || !PEM_write_X509(file, certificate))
        std::abort();
    std::fclose(file);
    X509_free(certificate);
    EVP_PKEY_free(key);
}

qint64 personId(const QSqlDatabase& db, const char* idNumber)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id FROM persons WHERE id_number = :n"));
    query.bindValue(QStringLiteral(":n"), QString::fromLatin1(idNumber));
    if (!query.exec() || !query.next())
        std::abort();
    return query.value(0).toLongLong();
}

QByteArray methodOf(const QByteArray& word)
{
    static const QList<QByteArray> known { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD",
        "OPTIONS" };
    return known.contains(word) ? word : QByteArray("OTHER");
}

/// The trust anchor's folder, removed at exit.
const QTemporaryDir& trustDir()
{
    static const QTemporaryDir dir;
    return dir;
}

} // namespace

void startServerFixture(int* argc, char*** argv)
{
    static QCoreApplication application(*argc, *argv);
    qInstallMessageHandler(keepLog);
    writeTrustAnchor(trustDir().filePath(QStringLiteral("anchor.pem")));
    current = new ServerFixture(trustDir().path());
}

QByteArray lastServerLog()
{
    return recentLog;
}

ServerFixture::ServerFixture(const QString& trustDirectory)
    : connectionName_(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    context_.config.origin = QStringLiteral("https://recruit.example.gov.tw");
    context_.db.open(
        server::storage::parseDatabaseTarget(QStringLiteral(":memory:")), connectionName_);
    server::storage::migrate(context_.db);
    server::seed::loadSeed(context_, QStringLiteral(SHIQIUREN_FUZZ_SERVER_SEED));
    context_.trust = std::make_shared<server::login::TrustStore>(
        server::login::TrustStore::load(trustDirectory));
    context_.revocation = std::make_shared<server::login::RevocationChecker>();

    renewSessions();

    const server::ServiceContext& context = context_;
    server::http::ServiceLimits oneThread; // the fuzzer calls dispatch() itself, on this thread
    oneThread.workers = 0;
    server_ = std::make_unique<server::http::ApiServer>(
        server::app::buildRouter(context_),
        [&context](const server::http::HttpRequest& request, server::http::Access access) {
            return server::accounts::admit(context, request, access);
        },
        context_.config.limits, oneThread);
}

void ServerFixture::renewSessions()
{
    const QString agency = QStringLiteral("A29000000G");
    clerkToken_ = server::accounts::createSession(
        context_, personId(context_.db, "F128765439"), agency, true)
                      .token;
    setupToken_ = server::accounts::createSession(
        context_, personId(context_.db, "A123456789"), agency, true)
                      .token;
    agencyToken_ = server::accounts::createSession(context_, 0, agency, true).token;
}

ServerFixture::~ServerFixture()
{
    server_.reset();
    context_.db.close(); // and removes the connection
}

std::optional<server::http::HttpRequest> ServerFixture::requestFrom(const QByteArray& input) const
{
    const qsizetype headEnd = input.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? input : input.left(headEnd);
    QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.takeFirst().split(' ');
    if (requestLine.size() != 2 || !requestLine[1].startsWith('/'))
        return std::nullopt;

    server::http::HttpRequest request;
    request.method = methodOf(requestLine[0]);
    const QUrl url = QUrl::fromEncoded(requestLine[1]);
    request.path = url.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(url);
    for (const QByteArray& line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        QByteArray value = line.mid(colon + 1).trimmed();
        value.replace("$CLERK", clerkToken_.toLatin1())
            .replace("$AGENCY", agencyToken_.toLatin1())
            .replace("$SETUP", setupToken_.toLatin1());
        request.headers.insert(line.left(colon).trimmed().toLower(), value);
    }
    if (headEnd >= 0)
        request.body = input.mid(headEnd + 2);
    request.remote = QHostAddress::LocalHost;
    return request;
}

server::http::HttpResponse ServerFixture::dispatch(server::http::HttpRequest& request)
{
    if (request.method == "HEAD")
        request.method = "GET";
    if (request.path.endsWith(QLatin1String("/logout")))
        loggedOut = true;
    return server_->dispatch(request);
}

ServerFixture& serverFixture()
{
    if (++inputsSinceFresh > inputsPerFixture) {
        delete current;
        current = new ServerFixture(trustDir().path());
        inputsSinceFresh = 0;
        loggedOut = false;
    }
    if (loggedOut) {
        current->renewSessions();
        loggedOut = false;
    }
    return *current;
}

} // namespace fuzzing
