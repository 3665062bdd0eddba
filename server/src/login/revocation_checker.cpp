#include "server/login/revocation_checker.hpp"

#include <QUrl>
#include <algorithm>
#include <climits>
#include <csignal>
#include <ctime>
#include <openssl/err.h>
#include <openssl/http.h>
#include <openssl/ocsp.h>
#include <pthread.h>

namespace server::login {

namespace {

using OcspRequestPtr = std::unique_ptr<OCSP_REQUEST, OpenSslDeleter<OCSP_REQUEST_free>>;
using OcspResponsePtr = std::unique_ptr<OCSP_RESPONSE, OpenSslDeleter<OCSP_RESPONSE_free>>;
using OcspBasicPtr = std::unique_ptr<OCSP_BASICRESP, OpenSslDeleter<OCSP_BASICRESP_free>>;
using OcspCertIdPtr = std::unique_ptr<OCSP_CERTID, OpenSslDeleter<OCSP_CERTID_free>>;

constexpr std::size_t maxResponseBytes = 100 * 1024; // a few certificates and one answer

/// OpenSSL writes to sockets with write(), so a responder that closes early raises SIGPIPE, whose
/// default action ends the process. Block it on this thread only, and swallow one we caused,
/// instead of changing the process-wide disposition behind the server's back.
class SigpipeBlock {
public:
    SigpipeBlock()
    {
        sigemptyset(&pipe_);
        sigaddset(&pipe_, SIGPIPE);
        sigset_t pending;
        sigpending(&pending);
        wasPending_ = sigismember(&pending, SIGPIPE) == 1;
        pthread_sigmask(SIG_BLOCK, &pipe_, &previous_);
    }
    ~SigpipeBlock()
    {
        sigset_t pending;
        if (!wasPending_ && sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1) {
            const timespec noWait {};
            sigtimedwait(&pipe_, nullptr, &noWait);
        }
        pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    }
    SigpipeBlock(const SigpipeBlock&) = delete;
    SigpipeBlock& operator=(const SigpipeBlock&) = delete;

private:
    sigset_t pipe_ {};
    sigset_t previous_ {};
    bool wasPending_ = false;
};

/// The newest queued OpenSSL error, for the log.
QString openSslError()
{
    const unsigned long error = ERR_peek_last_error();
    if (error == 0)
        return QStringLiteral("no detail");
    const char* reason = ERR_reason_error_string(error);
    return reason ? QString::fromLatin1(reason) : QStringLiteral("error %1").arg(error, 0, 16);
}

/// thisUpdate ≤ now + leeway and, when there is a nextUpdate, now − leeway ≤ nextUpdate.
bool isCurrent(const ASN1_TIME* thisUpdate, const ASN1_TIME* nextUpdate, std::time_t now,
    std::chrono::seconds leeway)
{
    const auto slack = static_cast<std::time_t>(leeway.count());
    // ASN1_TIME_cmp_time_t: -1 earlier, 0 same, 1 later, -2 unreadable.
    if (!thisUpdate)
        return false;
    const int started = ASN1_TIME_cmp_time_t(thisUpdate, now + slack);
    if (started == -2 || started > 0)
        return false;
    return !nextUpdate || ASN1_TIME_cmp_time_t(nextUpdate, now - slack) >= 0;
}

struct OcspAnswer {
    enum { Good, Revoked, Unknown, NoAnswer } outcome = NoAnswer;
    QString reason;
};

OcspAnswer noAnswer(const QString& why)
{
    return { OcspAnswer::NoAnswer, QStringLiteral("ocsp: ") + why };
}

struct Endpoint {
    const QByteArray& host;
    const QByteArray& port;
    const QByteArray& path;
    int timeoutSeconds;
};

/// One connection attempt, bounded by `deadline`. OpenSSL's own connect (BIO_do_connect_retry)
/// retries a refused connection until the timeout, which would hold every login for the full
/// timeout while the responder is down; refused here means "no answer" at once.
BioPtr connectTo(const Endpoint& endpoint, std::time_t deadline, QString& why)
{
    // An IPv6 literal needs its brackets back for OpenSSL's "host:port" parser.
    const QByteArray host = endpoint.host.contains(':') ? '[' + endpoint.host + ']' : endpoint.host;
    BioPtr connection(BIO_new_connect(host.constData()));
    if (!connection || BIO_set_conn_port(connection.get(), endpoint.port.constData()) != 1
        || BIO_set_nbio(connection.get(), 1) != 1) {
        why = QStringLiteral("cannot set up the connection");
        return nullptr;
    }
    for (;;) {
        if (BIO_do_connect(connection.get()) > 0)
            return connection;
        if (!BIO_should_retry(connection.get())) {
            why = QStringLiteral("cannot connect (%1)").arg(openSslError());
            return nullptr;
        }
        const int ready = BIO_wait(connection.get(), deadline, 100);
        if (ready <= 0) {
            why = ready == 0 ? QStringLiteral("connect timed out")
                             : QStringLiteral("cannot connect (%1)").arg(openSslError());
            return nullptr;
        }
    }
}

/// POSTs the request, returns the response body (nullptr with the reason in `why`).
BioPtr exchange(const Endpoint& endpoint, OCSP_REQUEST* request, QString& why)
{
    const std::time_t deadline = std::time(nullptr) + endpoint.timeoutSeconds;
    unsigned char* rawDer = nullptr;
    const int length = i2d_OCSP_REQUEST(request, &rawDer);
    const std::unique_ptr<unsigned char, OpenSslFree> der(rawDer);
    BioPtr body(length > 0 ? BIO_new_mem_buf(der.get(), length) : nullptr);
    if (!body) {
        why = QStringLiteral("cannot encode the request");
        return nullptr;
    }
    const SigpipeBlock noSigpipe;
    const BioPtr connection = connectTo(endpoint, deadline, why);
    if (!connection)
        return nullptr;
    // What is left of the timeout, at least a second (0 would mean "no timeout"). On our own
    // connection OpenSSL uses no proxy (it refuses one), so http_proxy plays no part.
    const auto remaining
        = static_cast<int>(std::max<std::time_t>(1, deadline - std::time(nullptr)));
    BioPtr response(OSSL_HTTP_transfer(nullptr, endpoint.host.constData(),
        endpoint.port.constData(), endpoint.path.constData(), 0, nullptr, nullptr, connection.get(),
        nullptr, nullptr, nullptr, 0, nullptr, "application/ocsp-request", body.get(),
        "application/ocsp-response", 1, maxResponseBytes, remaining, 0));
    if (!response)
        why = QStringLiteral("no response (%1)").arg(openSslError());
    return response;
}

OcspAnswer askOcsp(const Endpoint& endpoint, const X509* certificate, const X509* issuer,
    const TrustStore& trust, std::time_t now, std::chrono::seconds leeway)
{
    const ErrorQueueScope errors;
    // SHA-1 CertIDs are what responders universally support; the hash only names the issuer.
    const OcspCertIdPtr id(OCSP_cert_to_id(EVP_sha1(), certificate, issuer));
    const OcspRequestPtr request(OCSP_REQUEST_new());
    OcspCertIdPtr requestId(id ? OCSP_CERTID_dup(id.get()) : nullptr);
    if (!id || !request || !requestId || !OCSP_request_add0_id(request.get(), requestId.get()))
        return noAnswer(QStringLiteral("cannot build the request"));
    requestId.release(); // the request owns it now
    // A fresh nonce proves the answer was made for this request, not replayed.
    if (OCSP_request_add1_nonce(request.get(), nullptr, -1) != 1)
        return noAnswer(QStringLiteral("cannot add a nonce"));

    QString why;
    const BioPtr body = exchange(endpoint, request.get(), why);
    if (!body)
        return noAnswer(why);
    const OcspResponsePtr response(d2i_OCSP_RESPONSE_bio(body.get(), nullptr));
    if (!response)
        return noAnswer(QStringLiteral("malformed response"));
    const int responseStatus = OCSP_response_status(response.get());
    if (responseStatus != OCSP_RESPONSE_STATUS_SUCCESSFUL)
        return noAnswer(QStringLiteral("responder said %1")
                            .arg(QLatin1String(OCSP_response_status_str(responseStatus))));
    const OcspBasicPtr basic(OCSP_response_get1_basic(response.get()));
    if (!basic)
        return noAnswer(QStringLiteral("malformed response"));
    // Signed by the issuing CA, or by its delegated responder (id-kp-OCSPSigning) chaining to
    // an anchor; OpenSSL checks that the signer may speak for this CertID's issuer.
    if (OCSP_basic_verify(basic.get(), trust.intermediates(), trust.anchorStore(), 0) != 1)
        return noAnswer(QStringLiteral("response signature not trusted (%1)").arg(openSslError()));
    if (OCSP_check_nonce(request.get(), basic.get()) != 1)
        return noAnswer(QStringLiteral("nonce missing or wrong"));

    int status = -1;
    int reason = -1;
    ASN1_GENERALIZEDTIME* revokedAt = nullptr;
    ASN1_GENERALIZEDTIME* thisUpdate = nullptr;
    ASN1_GENERALIZEDTIME* nextUpdate = nullptr;
    if (OCSP_resp_find_status(
            basic.get(), id.get(), &status, &reason, &revokedAt, &thisUpdate, &nextUpdate)
        != 1)
        return noAnswer(QStringLiteral("response does not cover the certificate"));
    if (!isCurrent(thisUpdate, nextUpdate, now, leeway))
        return noAnswer(QStringLiteral("response outside thisUpdate/nextUpdate"));
    switch (status) {
    case V_OCSP_CERTSTATUS_GOOD:
        return { OcspAnswer::Good, QStringLiteral("ocsp: good") };
    case V_OCSP_CERTSTATUS_REVOKED:
        return { OcspAnswer::Revoked,
            QStringLiteral("ocsp: revoked (%1)").arg(QLatin1String(OCSP_crl_reason_str(reason))) };
    case V_OCSP_CERTSTATUS_UNKNOWN:
        return { OcspAnswer::Unknown, QStringLiteral("ocsp: unknown") };
    default:
        return noAnswer(QStringLiteral("status %1").arg(status));
    }
}

RevocationResult askCrl(const X509* certificate, const X509* issuer, const TrustStore& trust,
    std::time_t now, std::chrono::seconds leeway)
{
    const ErrorQueueScope errors;
    X509_CRL* crl = trust.crlFor(issuer);
    if (!crl)
        return { RevocationStatus::Unavailable, QStringLiteral("crl: none for the issuer") };
    // A CRL without nextUpdate cannot say how long it holds (RFC 5280 requires one).
    if (!X509_CRL_get0_nextUpdate(crl)
        || !isCurrent(X509_CRL_get0_lastUpdate(crl), X509_CRL_get0_nextUpdate(crl), now, leeway))
        return { RevocationStatus::Unavailable,
            QStringLiteral("crl: outside thisUpdate/nextUpdate") };
    X509_REVOKED* entry = nullptr;
    // 1: listed; 2: listed as removeFromCRL, which means no longer on hold.
    if (X509_CRL_get0_by_serial(crl, &entry, X509_get0_serialNumber(certificate)) == 1)
        return { RevocationStatus::Revoked, QStringLiteral("crl: listed") };
    return { RevocationStatus::Good, QStringLiteral("crl: not listed") };
}

} // namespace

RevocationChecker::RevocationChecker(RevocationOptions options)
    : options_(std::move(options))
{
    if (options_.ocspUrl.isEmpty())
        return;
    const QUrl url(options_.ocspUrl, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("http") || url.host().isEmpty()
        || !url.userInfo().isEmpty() || url.hasFragment())
        throw RevocationConfigError(
            "OCSP URL " + options_.ocspUrl.toStdString() + ": expected http://host[:port][/path]");
    host_ = url.host(QUrl::FullyEncoded).toLatin1();
    port_ = QByteArray::number(url.port(80));
    path_ = url.path(QUrl::FullyEncoded).toLatin1();
    if (path_.isEmpty())
        path_ = "/";
    if (url.hasQuery())
        path_ += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    if (options_.ocspTimeout <= std::chrono::milliseconds::zero())
        throw RevocationConfigError("OCSP timeout must be positive");
}

RevocationResult RevocationChecker::check(const X509* certificate, const X509* issuer,
    const TrustStore& trust, const QDateTime& nowUtc) const
{
    const auto now = static_cast<std::time_t>(nowUtc.toSecsSinceEpoch());
    QString ocspReason;
    if (!host_.isEmpty()) {
        // OpenSSL's timeout is whole seconds, and 0 would mean "wait forever".
        const auto seconds = std::chrono::ceil<std::chrono::seconds>(options_.ocspTimeout);
        const Endpoint endpoint { host_, port_, path_,
            static_cast<int>(std::clamp<std::chrono::seconds::rep>(seconds.count(), 1, INT_MAX)) };
        const OcspAnswer answer
            = askOcsp(endpoint, certificate, issuer, trust, now, options_.leeway);
        if (answer.outcome == OcspAnswer::Good)
            return { RevocationStatus::Good, answer.reason };
        // The responder that speaks for the issuer does not know the certificate: it was never
        // issued as far as the CA can tell, so the CRL's silence must not make it good.
        if (answer.outcome == OcspAnswer::Revoked || answer.outcome == OcspAnswer::Unknown)
            return { RevocationStatus::Revoked, answer.reason };
        ocspReason = answer.reason + QStringLiteral("; ");
    } else {
        ocspReason = QStringLiteral("ocsp: not configured; ");
    }
    RevocationResult byCrl = askCrl(certificate, issuer, trust, now, options_.leeway);
    byCrl.reason.prepend(ocspReason);
    return byCrl;
}

} // namespace server::login
