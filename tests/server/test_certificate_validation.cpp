// The server's card-login certificate checks (server/login) against the generated test PKI
// (tests/pki): the trust store, revocation by a real `openssl ocsp` responder and by CRL, the
// validator's result codes, and the RS256 login signature.
#include "core/auth/auth_token.hpp"
#include "server/login/certificate_validator.hpp"
#include "server/login/login_signature.hpp"
#include "server/login/revocation_checker.hpp"
#include "server/login/trust_store.hpp"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <arpa/inet.h>
#include <atomic>
#include <catch2/catch.hpp>
#include <csignal>
#include <ctime>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace server::login;
using namespace std::chrono_literals;

namespace {

using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using PkeyContextPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<EVP_PKEY_CTX_free>>;

// --- the test PKI --------------------------------------------------------------------------------

QString pkiPath(const QString& name)
{
    const QString dir = qEnvironmentVariable("SHIQIUREN_TEST_PKI");
    REQUIRE_FALSE(dir.isEmpty());
    return dir + QLatin1Char('/') + name;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    INFO("reading " << path.toStdString());
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QByteArray pkiFile(const QString& name)
{
    return readAll(pkiPath(name));
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

/// identity.env: KEY=VALUE lines, values single-quoted when they hold spaces.
QString fact(const QString& key)
{
    static const QHash<QString, QString> facts = [] {
        QHash<QString, QString> parsed;
        for (const QByteArray& line : pkiFile(QStringLiteral("identity.env")).split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (equals < 1)
                continue;
            QString value = QString::fromUtf8(line.mid(equals + 1));
            if (value.size() >= 2 && value.startsWith(QLatin1Char('\''))
                && value.endsWith(QLatin1Char('\'')))
                value = value.mid(1, value.size() - 2);
            parsed.insert(QString::fromUtf8(line.left(equals)), value);
        }
        return parsed;
    }();
    INFO("identity.env key " << key.toStdString());
    REQUIRE(facts.contains(key));
    return facts.value(key);
}

X509Ptr certificateFromDer(const QByteArray& der)
{
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.constData());
    X509Ptr certificate(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    REQUIRE(certificate);
    return certificate;
}

X509Ptr pkiCertificate(const QString& name)
{
    return certificateFromDer(pkiFile(name + QStringLiteral(".der")));
}

EvpPkeyPtr pkiKey(const QString& name)
{
    const QByteArray pem = pkiFile(name + QStringLiteral(".key"));
    const BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    REQUIRE(key);
    return key;
}

QDateTime utcOf(const ASN1_TIME* time)
{
    std::tm parts {};
    REQUIRE(ASN1_TIME_to_tm(time, &parts) == 1);
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
        QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

QDateTime nowUtc()
{
    return QDateTime::currentDateTimeUtc();
}

TrustStore pkiTrust(const QStringList& crlNames = {})
{
    QStringList crlFiles;
    for (const QString& name : crlNames)
        crlFiles << pkiPath(name);
    return TrustStore::load(pkiPath(QStringLiteral("trust")), crlFiles);
}

// --- certificates made in the test ---------------------------------------------------------------

struct Issued {
    X509Ptr certificate;
    EvpPkeyPtr key;
};

void addExtension(X509* certificate, X509* issuer, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>> extension(
        X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    REQUIRE(extension);
    REQUIRE(X509_add_ext(certificate, extension.get(), -1) == 1);
}

struct Validity {
    long fromSeconds = -24 * 3600; // relative to now
    long toSeconds = 365L * 24 * 3600;
};

/// A fresh key (P-256: instant, unlike RSA) and a certificate for it, issued by `issuer` (signed
/// with `issuerKey`) or self-signed when `issuer` is nullptr. `unit` becomes the subject's OU.
Issued makeCertificate(const char* commonName, bool ca, const char* keyUsage, X509* issuer,
    EVP_PKEY* issuerKey, Validity validity = {}, const char* unit = nullptr)
{
    Issued made { X509Ptr(X509_new()), EvpPkeyPtr(EVP_EC_gen("P-256")) };
    REQUIRE(made.certificate);
    REQUIRE(made.key);
    X509* certificate = made.certificate.get();
    REQUIRE(X509_set_version(certificate, 2) == 1);
    std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>> serial(BN_new());
    REQUIRE(BN_rand(serial.get(), 64, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) == 1);
    REQUIRE(BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)));
    REQUIRE(X509_gmtime_adj(X509_getm_notBefore(certificate), validity.fromSeconds));
    REQUIRE(X509_gmtime_adj(X509_getm_notAfter(certificate), validity.toSeconds));
    X509_NAME* subject = X509_get_subject_name(certificate);
    REQUIRE(X509_NAME_add_entry_by_txt(subject, "C", MBSTRING_UTF8,
                reinterpret_cast<const unsigned char*>("TW"), -1, -1, 0)
        == 1);
    if (unit)
        REQUIRE(X509_NAME_add_entry_by_txt(subject, "OU", MBSTRING_UTF8,
                    reinterpret_cast<const unsigned char*>(unit), -1, -1, 0)
            == 1);
    REQUIRE(X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                reinterpret_cast<const unsigned char*>(commonName), -1, -1, 0)
        == 1);
    X509* signer = issuer ? issuer : certificate;
    REQUIRE(X509_set_issuer_name(certificate, X509_get_subject_name(signer)) == 1);
    REQUIRE(X509_set_pubkey(certificate, made.key.get()) == 1);
    addExtension(certificate, signer, NID_basic_constraints, ca ? "critical,CA:TRUE" : "CA:FALSE");
    addExtension(certificate, signer, NID_key_usage, keyUsage);
    addExtension(certificate, signer, NID_subject_key_identifier, "hash");
    if (issuer)
        addExtension(certificate, signer, NID_authority_key_identifier, "keyid:always");
    REQUIRE(X509_sign(certificate, issuer ? issuerKey : made.key.get(), EVP_sha256()) > 0);
    return made;
}

QByteArray derOf(X509* certificate)
{
    unsigned char* raw = nullptr;
    const int length = i2d_X509(certificate, &raw);
    REQUIRE(length > 0);
    const std::unique_ptr<unsigned char, OpenSslFree> der(raw);
    return QByteArray(reinterpret_cast<const char*>(der.get()), length);
}

QByteArray pemOf(X509* certificate)
{
    const BioPtr bio(BIO_new(BIO_s_mem()));
    REQUIRE(PEM_write_bio_X509(bio.get(), certificate) == 1);
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(length));
}

QByteArray pemOf(EVP_PKEY* key)
{
    const BioPtr bio(BIO_new(BIO_s_mem()));
    REQUIRE(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1);
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(length));
}

// --- network peers -------------------------------------------------------------------------------

quint16 freePort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    return probe.serverPort(); // closed again when `probe` goes; nothing listens there now
}

/// A real `openssl ocsp` responder for moica-ca, run as a child and killed by its PID when the
/// test is done. It serves forever, one request at a time.
class OcspResponder {
public:
    /// `signer`/`key`: the responder's certificate and key (PEM paths); `index`: its database.
    explicit OcspResponder(const QString& signer = pkiPath(QStringLiteral("ocsp-signer.pem")),
        const QString& key = pkiPath(QStringLiteral("ocsp-signer.key")),
        const QString& index = pkiPath(QStringLiteral("moica-ca.index.txt")))
    {
        // The free port can be taken between probing and binding: try a few.
        for (int attempt = 0; attempt < 5; ++attempt) {
            if (start(QStringList { QStringLiteral("ocsp"), QStringLiteral("-index"), index,
                    QStringLiteral("-CA"), pkiPath(QStringLiteral("moica-ca.pem")),
                    QStringLiteral("-rsigner"), signer, QStringLiteral("-rkey"), key,
                    QStringLiteral("-ndays"), QStringLiteral("1") }))
                return;
        }
        FAIL("openssl ocsp did not start: " << output_.toStdString());
    }
    ~OcspResponder() { stop(); }
    OcspResponder(const OcspResponder&) = delete;
    OcspResponder& operator=(const OcspResponder&) = delete;

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port_); }

private:
    bool start(QStringList arguments)
    {
        stop();
        port_ = freePort();
        arguments << QStringLiteral("-port") << QString::number(port_);
        output_.clear();
        process_.setProcessChannelMode(QProcess::MergedChannels);
        process_.start(QStringLiteral("openssl"), arguments);
        if (!process_.waitForStarted(5000))
            return false;
        // It prints "ACCEPT [::]:PORT PID=…" once listening. No test connection: the responder
        // quits on a connection that closes without a request.
        const QDeadlineTimer deadline(10s);
        while (!deadline.hasExpired() && process_.state() == QProcess::Running) {
            process_.waitForReadyRead(100);
            output_ += process_.readAll();
            if (output_.contains("ACCEPT"))
                return true;
        }
        return false;
    }

    void stop()
    {
        if (process_.state() == QProcess::NotRunning)
            return;
        ::kill(static_cast<pid_t>(process_.processId()), SIGKILL);
        process_.waitForFinished(5000);
    }

    QProcess process_;
    quint16 port_ = 0;
    QByteArray output_;
};

/// A one-connection HTTP peer on its own thread that reads the request and sends `reply` verbatim
/// (or just closes when `reply` is empty): HTTP errors and garbage bodies.
class CannedHttpServer {
public:
    explicit CannedHttpServer(QByteArray reply)
        : reply_(std::move(reply))
    {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(listener_ >= 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        REQUIRE(::listen(listener_, 1) == 0);
        socklen_t length = sizeof address;
        REQUIRE(::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        port_ = ntohs(address.sin_port);
        thread_ = std::thread([this] { serveOnce(); });
    }
    ~CannedHttpServer()
    {
        stopping_ = true;
        thread_.join();
        ::close(listener_);
    }
    CannedHttpServer(const CannedHttpServer&) = delete;
    CannedHttpServer& operator=(const CannedHttpServer&) = delete;

    QString url() const { return QStringLiteral("http://127.0.0.1:%1/").arg(port_); }

private:
    void serveOnce()
    {
        pollfd waiting { listener_, POLLIN, 0 };
        while (!stopping_ && ::poll(&waiting, 1, 50) == 0) { }
        if (stopping_)
            return;
        const int client = ::accept(listener_, nullptr, nullptr);
        if (client < 0)
            return;
        // Read the whole request: closing with unread bytes would reset the connection instead
        // of delivering the reply.
        QByteArray request;
        pollfd reading { client, POLLIN, 0 };
        char buffer[4096];
        while (!isComplete(request) && ::poll(&reading, 1, 5000) > 0) {
            const ssize_t got = ::read(client, buffer, sizeof buffer);
            if (got <= 0)
                break;
            request.append(buffer, static_cast<qsizetype>(got));
        }
        if (!reply_.isEmpty())
            ::send(
                client, reply_.constData(), static_cast<std::size_t>(reply_.size()), MSG_NOSIGNAL);
        ::close(client);
    }

    /// Headers and as many body bytes as their Content-Length says.
    static bool isComplete(const QByteArray& request)
    {
        const qsizetype end = request.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray headers = request.left(end).toLower();
        const qsizetype field = headers.indexOf("content-length:");
        const qsizetype length
            = field < 0 ? 0 : headers.mid(field + 15).split('\r').front().trimmed().toLongLong();
        return request.size() >= end + 4 + length;
    }

    QByteArray reply_;
    int listener_ = -1;
    quint16 port_ = 0;
    std::atomic<bool> stopping_ { false };
    std::thread thread_;
};

// --- running the checks
// ----------------------------------------------------------------------------

LoginCertificateCheck validate(const QString& name, const TrustStore& trust,
    const RevocationChecker& revocation, const QDateTime& now = nowUtc())
{
    return validateLoginCertificate(pkiFile(name + QStringLiteral(".der")), trust, revocation, now);
}

RevocationChecker withOcsp(const QString& url, std::chrono::milliseconds timeout = 5s)
{
    return RevocationChecker(RevocationOptions { url, timeout });
}

void requireProblem(const LoginCertificateCheck& check, const char* code)
{
    INFO("detail: " << check.detail.toStdString());
    CHECK(check.errorCode() == QLatin1String(code));
    CHECK(check.ok() == (*code == '\0'));
}

// --- signing like the card
// -------------------------------------------------------------------------

const QString origin = QStringLiteral("https://recruit.example.gov.tw");

QString freshNonce()
{
    QByteArray random(32, '\0');
    REQUIRE(RAND_bytes(reinterpret_cast<unsigned char*>(random.data()), 32) == 1);
    return QString::fromLatin1(random.toBase64());
}

/// What the card does: RSASSA-PKCS1-v1_5 over DigestInfo(SHA-256, digest), the DigestInfo built
/// here (RFC 8017 §9.2) and OpenSSL only padding and exponentiating — independent of how the
/// server verifies.
QByteArray cardSign(EVP_PKEY* key, const QByteArray& digest)
{
    static const unsigned char prefix[] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48,
        0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };
    const QByteArray digestInfo
        = QByteArray(reinterpret_cast<const char*>(prefix), sizeof prefix) + digest;
    const PkeyContextPtr context(EVP_PKEY_CTX_new(key, nullptr));
    REQUIRE(context);
    REQUIRE(EVP_PKEY_sign_init(context.get()) == 1);
    REQUIRE(EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PADDING) == 1);
    const auto* input = reinterpret_cast<const unsigned char*>(digestInfo.constData());
    std::size_t length = 0;
    REQUIRE(EVP_PKEY_sign(
                context.get(), nullptr, &length, input, static_cast<std::size_t>(digestInfo.size()))
        == 1);
    QByteArray signature(static_cast<qsizetype>(length), '\0');
    REQUIRE(EVP_PKEY_sign(context.get(), reinterpret_cast<unsigned char*>(signature.data()),
                &length, input, static_cast<std::size_t>(digestInfo.size()))
        == 1);
    signature.truncate(static_cast<qsizetype>(length));
    return signature;
}

} // namespace

// === trust store =================================================================================

TEST_CASE("trust store: the test PKI's trust directory gives one anchor and two intermediates",
    "[server][trust]")
{
    const TrustStore trust = pkiTrust();
    CHECK(trust.anchorCount() == 1);
    CHECK(trust.intermediateCount() == 2);
    CHECK(trust.crlCount() == 0);
    CHECK(trust.crlFor(pkiCertificate(QStringLiteral("moica-ca")).get()) == nullptr);
}

TEST_CASE("trust store: DER files and a PEM bundle load alike; hidden files and folders are "
          "skipped",
    "[server][trust]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("grca.der")), pkiFile(QStringLiteral("grca.der")));
    writeFile(dir.filePath(QStringLiteral("cas.pem")),
        pkiFile(QStringLiteral("moica-ca.pem")) + pkiFile(QStringLiteral("gca-ca.pem")));
    writeFile(dir.filePath(QStringLiteral(".notes")), "not a certificate, but hidden");
    REQUIRE(QDir(dir.path()).mkdir(QStringLiteral("old")));
    writeFile(dir.filePath(QStringLiteral("old/junk.txt")), "inside a sub-directory");

    const TrustStore trust = TrustStore::load(dir.path());
    CHECK(trust.anchorCount() == 1);
    CHECK(trust.intermediateCount() == 2);
    const RevocationChecker byCrl;
    const auto check = validateLoginCertificate(
        pkiFile(QStringLiteral("citizen-sign.der")), trust, byCrl, nowUtc());
    requireProblem(check, "revocation-unavailable"); // chained fine; no CRL, no OCSP
}

TEST_CASE("trust store: loading errors name the problem and the file", "[server][trust]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto put = [&dir](const char* name, const QByteArray& bytes) {
        writeFile(dir.filePath(QLatin1String(name)), bytes);
    };

    SECTION("a directory that does not exist")
    {
        CHECK_THROWS_WITH(TrustStore::load(dir.filePath(QStringLiteral("missing"))),
            Catch::Contains("missing") && Catch::Contains("does not exist"));
    }
    SECTION("an empty directory has no anchor")
    {
        CHECK_THROWS_WITH(TrustStore::load(dir.path()), Catch::Contains("no trust anchor"));
    }
    SECTION("intermediates alone are no anchor")
    {
        put("moica-ca.pem", pkiFile(QStringLiteral("moica-ca.pem")));
        CHECK_THROWS_AS(TrustStore::load(dir.path()), TrustStoreError);
        CHECK_THROWS_WITH(TrustStore::load(dir.path()), Catch::Contains("no trust anchor"));
    }
    SECTION("a text file that is not a certificate")
    {
        put("grca.pem", pkiFile(QStringLiteral("grca.pem")));
        put("README", "These are the CAs we trust.\n");
        CHECK_THROWS_WITH(TrustStore::load(dir.path()),
            Catch::Contains("README") && Catch::Contains("neither a certificate nor a CRL"));
    }
    SECTION("a PEM file with a damaged block")
    {
        put("grca.pem", pkiFile(QStringLiteral("grca.pem")));
        QByteArray damaged = pkiFile(QStringLiteral("moica-ca.pem"));
        damaged.remove(damaged.indexOf("-----END"), 8);
        put("moica-ca.pem", damaged);
        CHECK_THROWS_WITH(TrustStore::load(dir.path()), Catch::Contains("moica-ca.pem"));
    }
    SECTION("a DER file with trailing bytes")
    {
        put("grca.der", pkiFile(QStringLiteral("grca.der")) + QByteArray("\0", 1));
        CHECK_THROWS_WITH(TrustStore::load(dir.path()), Catch::Contains("grca.der"));
    }
    SECTION("a card certificate is not a CA")
    {
        put("grca.pem", pkiFile(QStringLiteral("grca.pem")));
        put("citizen-sign.pem", pkiFile(QStringLiteral("citizen-sign.pem")));
        CHECK_THROWS_WITH(TrustStore::load(dir.path()),
            Catch::Contains("citizen-sign.pem") && Catch::Contains("not a CA certificate"));
    }
    SECTION("a file that cannot be read")
    {
        put("grca.pem", pkiFile(QStringLiteral("grca.pem")));
        // A dangling link fails to open even for root, who reads a mode-000 file regardless.
        REQUIRE(QFile::link(
            dir.filePath(QStringLiteral("gone.pem")), dir.filePath(QStringLiteral("broken.pem"))));
        CHECK_THROWS_WITH(TrustStore::load(dir.path()), Catch::Contains("broken.pem"));
        if (::geteuid() != 0) {
            REQUIRE(QFile::remove(dir.filePath(QStringLiteral("broken.pem"))));
            put("locked.pem", pkiFile(QStringLiteral("moica-ca.pem")));
            REQUIRE(QFile::setPermissions(dir.filePath(QStringLiteral("locked.pem")), {}));
            CHECK_THROWS_WITH(TrustStore::load(dir.path()), Catch::Contains("locked.pem"));
        }
    }
}

TEST_CASE("trust store: CRLs load from PEM and DER and are verified against the CAs",
    "[server][trust][crl]")
{
    const X509Ptr moica = pkiCertificate(QStringLiteral("moica-ca"));
    const X509Ptr gca = pkiCertificate(QStringLiteral("gca-ca"));

    SECTION("PEM")
    {
        const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
        CHECK(trust.crlCount() == 1);
        CHECK(trust.crlFor(moica.get()) != nullptr);
        CHECK(trust.crlFor(gca.get()) == nullptr);
        // MOICA's name on another key is not MOICA.
        const X509Ptr impostor(X509_dup(moica.get()));
        const EvpPkeyPtr key(EVP_EC_gen("P-256"));
        REQUIRE(X509_set_pubkey(impostor.get(), key.get()) == 1);
        REQUIRE(X509_sign(impostor.get(), key.get(), EVP_sha256()) > 0);
        CHECK(trust.crlFor(impostor.get()) == nullptr);
    }
    SECTION("DER")
    {
        const TrustStore trust = pkiTrust({ QStringLiteral("gca-ca.crl.der") });
        CHECK(trust.crlCount() == 1);
        CHECK(trust.crlFor(gca.get()) != nullptr);
        CHECK(trust.crlFor(moica.get()) == nullptr);
    }
    SECTION("the same CRL twice counts once; two issuers count twice")
    {
        const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem"),
            QStringLiteral("moica-ca.crl.der"), QStringLiteral("gca-ca.crl.pem") });
        CHECK(trust.crlCount() == 2);
    }
    SECTION("a CRL whose signature does not verify is refused")
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        QByteArray tampered = pkiFile(QStringLiteral("moica-ca.crl.der"));
        tampered[tampered.size() - 1] = static_cast<char>(tampered.back() ^ 0x01); // signature
        const QString path = dir.filePath(QStringLiteral("tampered.crl"));
        writeFile(path, tampered);
        CHECK_THROWS_WITH(TrustStore::load(pkiPath(QStringLiteral("trust")), { path }),
            Catch::Contains("tampered.crl") && Catch::Contains("not signed by a CA"));
    }
    SECTION("a CRL of a CA that is not in the trust directory is refused")
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        writeFile(dir.filePath(QStringLiteral("grca.pem")), pkiFile(QStringLiteral("grca.pem")));
        writeFile(
            dir.filePath(QStringLiteral("gca-ca.pem")), pkiFile(QStringLiteral("gca-ca.pem")));
        CHECK_THROWS_WITH(
            TrustStore::load(dir.path(), { pkiPath(QStringLiteral("moica-ca.crl.pem")) }),
            Catch::Contains("moica-ca.crl.pem") && Catch::Contains("Test MOICA"));
    }
    SECTION("a --crl file that holds no CRL, or is missing")
    {
        CHECK_THROWS_WITH(pkiTrust({ QStringLiteral("moica-ca.pem") }),
            Catch::Contains("moica-ca.pem") && Catch::Contains("holds no CRL"));
        CHECK_THROWS_WITH(
            pkiTrust({ QStringLiteral("nothing.crl") }), Catch::Contains("nothing.crl"));
    }
}

// === validation: parse, validity, chain, usage ===================================================

TEST_CASE("validation: bytes that are not exactly one certificate are token-malformed",
    "[server][validation]")
{
    const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const RevocationChecker byCrl;
    const QByteArray der = pkiFile(QStringLiteral("citizen-sign.der"));
    for (const QByteArray& bad : { QByteArray(), QByteArray("garbage, not DER at all"),
             der.left(der.size() / 2), der.left(der.size() - 1), der + QByteArray("\0", 1),
             der + der, pkiFile(QStringLiteral("citizen-sign.pem")) }) {
        INFO("input of " << bad.size() << " bytes");
        const auto check = validateLoginCertificate(bad, trust, byCrl, nowUtc());
        requireProblem(check, "token-malformed");
    }
}

TEST_CASE("validation: validity dates are checked before anything else about the chain",
    "[server][validation]")
{
    const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const RevocationChecker byCrl;
    requireProblem(validate(QStringLiteral("expired"), trust, byCrl), "certificate-expired");
    requireProblem(
        validate(QStringLiteral("not-yet-valid"), trust, byCrl), "certificate-not-yet-valid");

    // The bounds themselves are valid (RFC 5280), one second beyond them is not. (At notBefore
    // the CRL was not issued yet, so that check ends at revocation; only the dates matter here.)
    const auto info = validate(QStringLiteral("citizen-sign"), trust, byCrl).certificate;
    REQUIRE(info.notAfter.isValid());
    const auto atStart = validate(QStringLiteral("citizen-sign"), trust, byCrl, info.notBefore);
    CHECK(atStart.problem != LoginCertificateProblem::NotYetValid);
    CHECK_FALSE(atStart.issuerDer.isEmpty());
    requireProblem(validate(QStringLiteral("citizen-sign"), trust, byCrl, info.notAfter), "");
    requireProblem(
        validate(QStringLiteral("citizen-sign"), trust, byCrl, info.notBefore.addSecs(-1)),
        "certificate-not-yet-valid");
    requireProblem(validate(QStringLiteral("citizen-sign"), trust, byCrl, info.notAfter.addSecs(1)),
        "certificate-expired");
}

TEST_CASE("validation: certificates that do not chain to an anchor through an intermediate are "
          "certificate-untrusted",
    "[server][validation]")
{
    const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const RevocationChecker byCrl;
    const auto refused = [&](const QByteArray& der, const char* why) {
        INFO(why);
        const auto check = validateLoginCertificate(der, trust, byCrl, nowUtc());
        requireProblem(check, "certificate-untrusted");
        CHECK(check.issuerDer.isEmpty());
    };

    const Issued selfSigned
        = makeCertificate("王小明", false, "critical,digitalSignature", nullptr, nullptr);
    refused(derOf(selfSigned.certificate.get()), "self-signed");

    // An impostor CA with MOICA's name but its own key, and a card certificate under it.
    const Issued impostorRoot
        = makeCertificate("Impostor Root", true, "critical,keyCertSign,cRLSign", nullptr, nullptr);
    const Issued impostorCa = makeCertificate("Test MOICA", true, "critical,keyCertSign,cRLSign",
        impostorRoot.certificate.get(), impostorRoot.key.get());
    const Issued impostorCard = makeCertificate("王小明", false, "critical,digitalSignature",
        impostorCa.certificate.get(), impostorCa.key.get());
    refused(derOf(impostorCard.certificate.get()), "issued under another root");

    // Issued straight by the trusted root: the chain verifies but skips the issuing CA.
    const X509Ptr grca = pkiCertificate(QStringLiteral("grca"));
    const EvpPkeyPtr grcaKey = pkiKey(QStringLiteral("grca"));
    const Issued direct = makeCertificate(
        "直接簽發", false, "critical,digitalSignature", grca.get(), grcaKey.get());
    refused(derOf(direct.certificate.get()), "issued by the root itself");

    // A chain through an intermediate that has expired (the card itself is within its dates).
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        const Issued oldCa = makeCertificate("Test MOICA 2019", true,
            "critical,keyCertSign,cRLSign", grca.get(), grcaKey.get(),
            Validity { -3 * 365L * 24 * 3600, -365L * 24 * 3600 }, "內政部憑證管理中心");
        const Issued card = makeCertificate("王小明", false, "critical,digitalSignature",
            oldCa.certificate.get(), oldCa.key.get(), Validity { -24 * 3600, 24 * 3600 });
        writeFile(dir.filePath(QStringLiteral("grca.pem")), pkiFile(QStringLiteral("grca.pem")));
        writeFile(dir.filePath(QStringLiteral("old-ca.pem")), pemOf(oldCa.certificate.get()));
        const TrustStore withOldCa = TrustStore::load(dir.path());
        const auto check
            = validateLoginCertificate(derOf(card.certificate.get()), withOldCa, byCrl, nowUtc());
        requireProblem(check, "certificate-untrusted");
        CHECK(check.detail.contains(QLatin1String("expired")));
    }

    // A trusted chain from a CA that issues neither citizen nor agency cards, to a certificate
    // without either Taiwan attribute: nothing to log in as.
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        const Issued otherCa = makeCertificate("Test MOEACA", true, "critical,keyCertSign,cRLSign",
            grca.get(), grcaKey.get(), {}, "經濟部工商憑證管理中心");
        const Issued card = makeCertificate("某公司", false, "critical,digitalSignature",
            otherCa.certificate.get(), otherCa.key.get());
        writeFile(dir.filePath(QStringLiteral("grca.pem")), pkiFile(QStringLiteral("grca.pem")));
        writeFile(dir.filePath(QStringLiteral("moeaca.pem")), pemOf(otherCa.certificate.get()));
        const TrustStore withOtherCa = TrustStore::load(dir.path());
        const auto check
            = validateLoginCertificate(derOf(card.certificate.get()), withOtherCa, byCrl, nowUtc());
        requireProblem(check, "certificate-untrusted");
        CHECK(check.detail == QLatin1String("neither a citizen nor an agency card"));
    }

    // The CAs themselves are not login certificates either.
    refused(pkiFile(QStringLiteral("moica-ca.der")), "an intermediate");
    refused(pkiFile(QStringLiteral("grca.der")), "the root");
}

TEST_CASE("validation: a certificate without digitalSignature is certificate-usage",
    "[server][validation]")
{
    const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const RevocationChecker byCrl;
    const auto check = validate(QStringLiteral("citizen-enc"), trust, byCrl);
    requireProblem(check, "certificate-usage");
    CHECK_FALSE(check.issuerDer.isEmpty()); // it got past the chain
}

// === validation: revocation =====================================================================

TEST_CASE("validation: with the OCSP responder answering", "[server][validation][ocsp]")
{
    const OcspResponder responder;
    const RevocationChecker ocsp = withOcsp(responder.url());

    SECTION("a good citizen card logs in as a citizen")
    {
        const TrustStore trust = pkiTrust();
        const auto check = validate(QStringLiteral("citizen-sign"), trust, ocsp);
        requireProblem(check, "");
        CHECK(check.kind == LoginCertificateKind::Citizen);
        CHECK(check.certificate.holderName == fact(QStringLiteral("HOLDER_NAME")));
        CHECK(check.certificate.idLastFour == fact(QStringLiteral("ID_LAST_FOUR")));
        CHECK(check.certificate.serialHex == fact(QStringLiteral("CITIZEN_SIGN_SERIAL")));
        CHECK(check.issuerDer == pkiFile(QStringLiteral("moica-ca.der")));
        CHECK(check.detail == QLatin1String("ocsp: good"));
    }
    SECTION("OCSP says revoked, with no CRL loaded")
    {
        const TrustStore trust = pkiTrust();
        const auto check = validate(QStringLiteral("revoked"), trust, ocsp);
        requireProblem(check, "certificate-revoked");
        CHECK(check.detail.contains(QLatin1String("ocsp: revoked (keyCompromise)")));
    }
    SECTION("OCSP's good wins over a CRL that does not list the card")
    {
        const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
        const auto check = validate(QStringLiteral("citizen-sign"), trust, ocsp);
        requireProblem(check, "");
        CHECK(check.detail == QLatin1String("ocsp: good"));
    }
    SECTION("the agency card: MOICA's responder cannot speak for GCA, so GCA's CRL decides")
    {
        const TrustStore trust = pkiTrust({ QStringLiteral("gca-ca.crl.der") });
        const auto check = validate(QStringLiteral("agency-sign"), trust, ocsp);
        requireProblem(check, "");
        CHECK(check.kind == LoginCertificateKind::Agency);
        CHECK(check.certificate.agencyCode == fact(QStringLiteral("AGENCY_CODE")));
        CHECK(check.certificate.holderName == fact(QStringLiteral("AGENCY_NAME")));
        CHECK(check.issuerDer == pkiFile(QStringLiteral("gca-ca.der")));
        CHECK(check.detail.startsWith(QLatin1String("ocsp: ")));
        CHECK(check.detail.endsWith(QLatin1String("crl: not listed")));
    }
    SECTION("the agency card without GCA's CRL: nobody can tell")
    {
        const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
        const auto check = validate(QStringLiteral("agency-sign"), trust, ocsp);
        requireProblem(check, "revocation-unavailable");
        CHECK(check.detail.contains(QLatin1String("crl: none for the issuer")));
    }
}

TEST_CASE("validation: by CRL alone (no OCSP responder configured)", "[server][validation][crl]")
{
    const RevocationChecker byCrl;
    const TrustStore trust
        = pkiTrust({ QStringLiteral("moica-ca.crl.pem"), QStringLiteral("gca-ca.crl.der") });
    requireProblem(validate(QStringLiteral("citizen-sign"), trust, byCrl), "");
    requireProblem(validate(QStringLiteral("agency-sign"), trust, byCrl), "");
    const auto revoked = validate(QStringLiteral("revoked"), trust, byCrl);
    requireProblem(revoked, "certificate-revoked");
    CHECK(revoked.detail == QLatin1String("ocsp: not configured; crl: listed"));

    const TrustStore noCrl = pkiTrust();
    const auto unknown = validate(QStringLiteral("citizen-sign"), noCrl, byCrl);
    requireProblem(unknown, "revocation-unavailable");
    CHECK(unknown.detail == QLatin1String("ocsp: not configured; crl: none for the issuer"));
}

TEST_CASE("revocation: a CRL past its nextUpdate (or before its thisUpdate) decides nothing",
    "[server][revocation][crl]")
{
    const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const RevocationChecker byCrl;
    const X509Ptr card = pkiCertificate(QStringLiteral("revoked"));
    const X509Ptr issuer = pkiCertificate(QStringLiteral("moica-ca"));
    const X509_CRL* crl = trust.crlFor(issuer.get());
    REQUIRE(crl);
    const auto check
        = [&](const QDateTime& when) { return byCrl.check(card.get(), issuer.get(), trust, when); };
    CHECK(check(nowUtc()).status == RevocationStatus::Revoked);
    // Five minutes of clock skew are tolerated on either side, an hour is not.
    const QDateTime issued = utcOf(X509_CRL_get0_lastUpdate(crl));
    const QDateTime expires = utcOf(X509_CRL_get0_nextUpdate(crl));
    CHECK(check(issued.addSecs(-240)).status == RevocationStatus::Revoked);
    CHECK(check(expires.addSecs(240)).status == RevocationStatus::Revoked);
    const auto stale = check(expires.addSecs(3600));
    CHECK(stale.status == RevocationStatus::Unavailable);
    CHECK(stale.reason.contains(QLatin1String("outside thisUpdate/nextUpdate")));
    CHECK(check(issued.addSecs(-3600)).status == RevocationStatus::Unavailable);
}

TEST_CASE("validation: an unreachable OCSP responder falls back to the CRL or fails closed",
    "[server][validation][ocsp]")
{
    const RevocationChecker closedPort
        = withOcsp(QStringLiteral("http://127.0.0.1:%1").arg(freePort()));

    const TrustStore noCrl = pkiTrust();
    const auto unavailable = validate(QStringLiteral("citizen-sign"), noCrl, closedPort);
    requireProblem(unavailable, "revocation-unavailable");
    CHECK(unavailable.detail.startsWith(QLatin1String("ocsp: cannot connect")));

    const TrustStore withCrl = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    requireProblem(validate(QStringLiteral("citizen-sign"), withCrl, closedPort), "");
    requireProblem(validate(QStringLiteral("revoked"), withCrl, closedPort), "certificate-revoked");
}

TEST_CASE("validation: a responder that never answers costs the timeout, not forever",
    "[server][validation][ocsp]")
{
    // Listening, so connections complete in the kernel, but nothing ever reads or answers.
    QTcpServer silent;
    REQUIRE(silent.listen(QHostAddress::LocalHost, 0));
    const RevocationChecker slow
        = withOcsp(QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort()), 1000ms);
    const TrustStore withCrl = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });

    QElapsedTimer clock;
    clock.start();
    const auto check = validate(QStringLiteral("citizen-sign"), withCrl, slow);
    const qint64 elapsed = clock.elapsed();
    requireProblem(check, "");
    CHECK(check.detail.startsWith(QLatin1String("ocsp: no response")));
    CHECK(check.detail.endsWith(QLatin1String("crl: not listed")));
    CHECK(elapsed >= 900);
    CHECK(elapsed < 3000);
}

TEST_CASE("validation: HTTP errors and malformed OCSP answers fall back to the CRL",
    "[server][validation][ocsp]")
{
    const TrustStore withCrl = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const TrustStore noCrl = pkiTrust();
    const auto answer = [](const QByteArray& type, const QByteArray& body) {
        return "HTTP/1.0 200 OK\r\nContent-Type: " + type
            + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    };
    struct Case {
        const char* what;
        QByteArray reply;
    };
    // An OCSPResponse of status tryLater (3) carries no signed data: it must not count as good.
    const QByteArray tryLater("\x30\x03\x0a\x01\x03", 5);
    for (const Case& scripted : {
             Case { "HTTP 500", QByteArray("HTTP/1.0 500 Internal Server Error\r\n\r\n") },
             Case { "HTTP 404", QByteArray("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n") },
             Case { "a garbage body", answer("application/ocsp-response", "not DER") },
             Case { "a web page", answer("text/html", "<html>captive portal</html>") },
             Case { "tryLater", answer("application/ocsp-response", tryLater) },
             Case { "a closed connection", QByteArray() },
         }) {
        INFO("the responder sends " << scripted.what);
        {
            const CannedHttpServer peer(scripted.reply);
            const auto check
                = validate(QStringLiteral("revoked"), withCrl, withOcsp(peer.url(), 2000ms));
            requireProblem(check, "certificate-revoked");
            CHECK(check.detail.endsWith(QLatin1String("crl: listed")));
        }
        {
            const CannedHttpServer peer(scripted.reply);
            requireProblem(
                validate(QStringLiteral("citizen-sign"), noCrl, withOcsp(peer.url(), 2000ms)),
                "revocation-unavailable");
        }
    }
}

TEST_CASE("validation: answers signed by a responder the CA did not delegate are ignored",
    "[server][validation][ocsp]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // The rogue's database says `revoked` is fine: believing it would let a revoked card in.
    QByteArray index = pkiFile(QStringLiteral("moica-ca.index.txt"));
    QList<QByteArray> lines = index.split('\n');
    for (QByteArray& line : lines) {
        if (line.startsWith("R\t")) {
            QList<QByteArray> fields = line.split('\t');
            fields[0] = "V";
            fields[2] = QByteArray();
            line = fields.join('\t');
        }
    }
    const QString rogueIndex = dir.filePath(QStringLiteral("index.txt"));
    writeFile(rogueIndex, lines.join('\n'));
    writeFile(
        rogueIndex + QStringLiteral(".attr"), pkiFile(QStringLiteral("moica-ca.index.txt.attr")));

    const Issued rogue
        = makeCertificate("Rogue OCSP", false, "critical,digitalSignature", nullptr, nullptr);
    writeFile(dir.filePath(QStringLiteral("rogue.pem")), pemOf(rogue.certificate.get()));
    writeFile(dir.filePath(QStringLiteral("rogue.key")), pemOf(rogue.key.get()));

    struct Signer {
        const char* what;
        QString certificate, key;
    };
    for (const Signer& signer : {
             Signer { "a self-signed stranger", dir.filePath(QStringLiteral("rogue.pem")),
                 dir.filePath(QStringLiteral("rogue.key")) },
             // Chains to the trusted root, but lacks id-kp-OCSPSigning.
             Signer { "a card certificate of the CA", pkiPath(QStringLiteral("citizen-sign.pem")),
                 pkiPath(QStringLiteral("citizen-sign.key")) },
         }) {
        INFO("the responder signs with " << signer.what);
        const OcspResponder responder(signer.certificate, signer.key, rogueIndex);
        const RevocationChecker ocsp = withOcsp(responder.url());

        const TrustStore withCrl = pkiTrust({ QStringLiteral("moica-ca.crl.der") });
        const auto revoked = validate(QStringLiteral("revoked"), withCrl, ocsp);
        requireProblem(revoked, "certificate-revoked");
        CHECK(revoked.detail.startsWith(QLatin1String("ocsp: response signature not trusted")));
        CHECK(revoked.detail.endsWith(QLatin1String("crl: listed")));

        const TrustStore noCrl = pkiTrust();
        requireProblem(
            validate(QStringLiteral("citizen-sign"), noCrl, ocsp), "revocation-unavailable");
    }
}

TEST_CASE("revocation: unusable OCSP settings are refused up front", "[server][revocation]")
{
    for (const char* url : { "https://127.0.0.1:8443/", "ftp://127.0.0.1/", "127.0.0.1:8080",
             "http://user@127.0.0.1/", "http:///" }) {
        INFO(url);
        CHECK_THROWS_AS(RevocationChecker(RevocationOptions { QString::fromLatin1(url) }),
            RevocationConfigError);
    }
    CHECK_THROWS_AS(withOcsp(QStringLiteral("http://127.0.0.1/"), 0ms), RevocationConfigError);
    CHECK_NOTHROW(RevocationChecker(RevocationOptions { QStringLiteral("http://ocsp.example/a") }));
    CHECK_NOTHROW(RevocationChecker());
}

TEST_CASE("validation: result codes are the API's stable strings", "[server][validation]")
{
    using P = LoginCertificateProblem;
    CHECK(problemCode(P::None).isEmpty());
    CHECK(problemCode(P::TokenMalformed) == QLatin1String("token-malformed"));
    CHECK(problemCode(P::NotYetValid) == QLatin1String("certificate-not-yet-valid"));
    CHECK(problemCode(P::Expired) == QLatin1String("certificate-expired"));
    CHECK(problemCode(P::Untrusted) == QLatin1String("certificate-untrusted"));
    CHECK(problemCode(P::Usage) == QLatin1String("certificate-usage"));
    CHECK(problemCode(P::Revoked) == QLatin1String("certificate-revoked"));
    CHECK(problemCode(P::RevocationUnavailable) == QLatin1String("revocation-unavailable"));
}

// === login signature ============================================================================

TEST_CASE("login signature: RS256 over authDigest(origin, nonce) with the card's key",
    "[server][signature]")
{
    const QByteArray certificate = pkiFile(QStringLiteral("citizen-sign.der"));
    const EvpPkeyPtr key = pkiKey(QStringLiteral("citizen-sign"));
    const QString nonce = freshNonce();
    const QByteArray signature = cardSign(key.get(), core::auth::authDigest(origin, nonce));
    const QString rs256 = QStringLiteral("RS256");

    CHECK(loginSignatureVerifies(certificate, rs256, signature, origin, nonce));

    CHECK_FALSE(loginSignatureVerifies(
        certificate, rs256, signature, QStringLiteral("https://evil.example.gov.tw"), nonce));
    CHECK_FALSE(loginSignatureVerifies(certificate, rs256, signature, origin, freshNonce()));
    for (int bit : { 0, 7, 1000, 2047 }) {
        QByteArray flipped = signature;
        flipped[bit / 8] = static_cast<char>(flipped.at(bit / 8) ^ (1 << (bit % 8)));
        CHECK_FALSE(loginSignatureVerifies(certificate, rs256, flipped, origin, nonce));
    }
    for (const char* algorithm : { "ES256", "RS512", "PS256", "rs256", "" })
        CHECK_FALSE(loginSignatureVerifies(
            certificate, QString::fromLatin1(algorithm), signature, origin, nonce));
    CHECK_FALSE(loginSignatureVerifies(certificate, rs256, QByteArray(), origin, nonce));
    CHECK_FALSE(loginSignatureVerifies(certificate, rs256, signature.left(255), origin, nonce));
    CHECK_FALSE(loginSignatureVerifies(certificate, rs256, signature + 'x', origin, nonce));
    // The signature is the citizen's, not the agency card's.
    CHECK_FALSE(loginSignatureVerifies(
        pkiFile(QStringLiteral("agency-sign.der")), rs256, signature, origin, nonce));
    // The digest itself, signed by a scheme that hashes again, is a different signature.
    const PkeyContextPtr context(EVP_PKEY_CTX_new(key.get(), nullptr));
    REQUIRE(EVP_PKEY_sign_init(context.get()) == 1);
    REQUIRE(EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_PKCS1_PSS_PADDING) == 1);
    REQUIRE(EVP_PKEY_CTX_set_signature_md(context.get(), EVP_sha256()) == 1);
    const QByteArray digest = core::auth::authDigest(origin, nonce);
    QByteArray pss(512, '\0');
    std::size_t length = static_cast<std::size_t>(pss.size());
    REQUIRE(EVP_PKEY_sign(context.get(), reinterpret_cast<unsigned char*>(pss.data()), &length,
                reinterpret_cast<const unsigned char*>(digest.constData()), 32)
        == 1);
    pss.truncate(static_cast<qsizetype>(length));
    CHECK_FALSE(loginSignatureVerifies(certificate, rs256, pss, origin, nonce));
}

TEST_CASE("login signature: garbage never throws", "[server][signature]")
{
    const QByteArray certificate = pkiFile(QStringLiteral("citizen-sign.der"));
    const QString nonce = freshNonce();
    const QByteArray signature(256, '\x5a');
    const QString rs256 = QStringLiteral("RS256");
    CHECK_FALSE(loginSignatureVerifies(QByteArray(), rs256, signature, origin, nonce));
    CHECK_FALSE(loginSignatureVerifies("not a certificate", rs256, signature, origin, nonce));
    CHECK_FALSE(loginSignatureVerifies(certificate.left(100), rs256, signature, origin, nonce));
    CHECK_FALSE(
        loginSignatureVerifies(certificate + QByteArray("\0", 1), rs256, signature, origin, nonce));
    // Origins and nonces authDigest() refuses.
    CHECK_FALSE(loginSignatureVerifies(
        certificate, rs256, signature, QStringLiteral("ftp://example"), nonce));
    CHECK_FALSE(loginSignatureVerifies(certificate, rs256, signature, QString(), nonce));
    CHECK_FALSE(loginSignatureVerifies(
        certificate, rs256, signature, origin, QStringLiteral("not base64 !")));
    CHECK_FALSE(loginSignatureVerifies(certificate, rs256, signature, origin, QString()));
}

// === the Web eID validator's checks
// ===============================================================

TEST_CASE(
    "validation: the Web eID validator's refusals, one certificate each", "[server][validation]")
{
    const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const RevocationChecker byCrl;

    SECTION("an EKU without clientAuth is certificate-usage; one with it passes")
    {
        const auto email = validate(QStringLiteral("eku-email"), trust, byCrl);
        requireProblem(email, "certificate-usage");
        CHECK(email.detail == QLatin1String("extended key usage lacks clientAuth"));
        requireProblem(validate(QStringLiteral("eku-client"), trust, byCrl), "");
    }
    SECTION("a policy outside the allow-list, or none, is certificate-untrusted")
    {
        const auto level1 = validate(QStringLiteral("policy-level1"), trust, byCrl);
        requireProblem(level1, "certificate-untrusted");
        CHECK(level1.detail.contains(QLatin1String("2.16.886.101.0.3.1")));
        requireProblem(
            validate(QStringLiteral("no-policy"), trust, byCrl), "certificate-untrusted");
        // The allow-list is configuration: level 1 allowed, level 3 no longer.
        LoginCertificateRules rules;
        rules.allowedPolicies = QStringList { QStringLiteral("2.16.886.101.0.3.1") };
        const auto der = pkiFile(QStringLiteral("policy-level1.der"));
        requireProblem(validateLoginCertificate(der, trust, byCrl, nowUtc(), rules), "");
        requireProblem(validateLoginCertificate(pkiFile(QStringLiteral("citizen-sign.der")), trust,
                           byCrl, nowUtc(), rules),
            "certificate-untrusted");
    }
    SECTION("an RSA key under 2048 bits is certificate-untrusted")
    {
        const auto weak = validate(QStringLiteral("weak-key"), trust, byCrl);
        requireProblem(weak, "certificate-untrusted");
        CHECK(weak.detail == QLatin1String("key: RSA of 1024 bits, below 2048"));
    }
    SECTION("the kind comes from the configured issuer only")
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        for (const char* name : { "grca.pem", "moica-ca.pem", "gca-ca.pem", "xca-ca.pem" })
            writeFile(dir.filePath(QLatin1String(name)), pkiFile(QLatin1String(name)));
        const TrustStore withXca
            = TrustStore::load(dir.path(), { pkiPath(QStringLiteral("xca-ca.crl.pem")) });
        const QByteArray xcaCard = pkiFile(QStringLiteral("xca-card.der"));
        // It carries the agency attribute, but XCA is configured for neither kind.
        const auto refused = validateLoginCertificate(xcaCard, withXca, byCrl, nowUtc());
        requireProblem(refused, "certificate-untrusted");
        CHECK(refused.detail == QLatin1String("neither a citizen nor an agency card"));
        LoginCertificateRules rules;
        rules.agencyIssuerUnit = QStringLiteral("組織及團體憑證管理中心");
        const auto accepted = validateLoginCertificate(xcaCard, withXca, byCrl, nowUtc(), rules);
        requireProblem(accepted, "");
        CHECK(accepted.kind == LoginCertificateKind::Agency);
    }
}

TEST_CASE("validation: OCSP unknown is revoked, the CRL is not asked", "[server][validation][ocsp]")
{
    const OcspResponder responder;
    const RevocationChecker ocsp = withOcsp(responder.url());
    // unlisted is on no CRL: a fallback would call it good.
    const TrustStore trust = pkiTrust({ QStringLiteral("moica-ca.crl.pem") });
    const auto check = validate(QStringLiteral("unlisted"), trust, ocsp);
    requireProblem(check, "certificate-revoked");
    CHECK(check.detail == QLatin1String("ocsp: unknown"));
}

TEST_CASE(
    "trust store: partitioned CRLs and unknown critical extensions are refused", "[server][trust]")
{
    const auto refusal = [](const char* file) {
        try {
            TrustStore::load(pkiPath(QStringLiteral("trust")), { pkiPath(QLatin1String(file)) });
        } catch (const TrustStoreError& error) {
            return QString::fromUtf8(error.what());
        }
        return QString();
    };
    CHECK(refusal("moica-ca.idp.crl.pem").contains(QLatin1String("issuingDistributionPoint")));
    CHECK(refusal("moica-ca.critical.crl.pem")
              .contains(QLatin1String("critical extension the server does not know "
                                      "(1.3.6.1.4.1.55555.1)")));
    CHECK(refusal("moica-ca.crl.pem").isEmpty());
}
