#pragma once

// The generated test PKI (tests/pki, SHIQIUREN_TEST_PKI) as the certificate suites read it,
// certificates made on the spot for cases the generator does not cover, and the shorthands
// for running the login certificate checks.

#include "server/login/certificate_validator.hpp"
#include "server/login/revocation_checker.hpp"
#include "server/login/trust_store.hpp"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <chrono>
#include <memory>
#include <openssl/evp.h>

namespace certtest {

using server::login::BioPtr;
using server::login::OpenSslDeleter;
using server::login::X509Ptr;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using PkeyContextPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<EVP_PKEY_CTX_free>>;

// ---- the test PKI ----
QString pkiPath(const QString& name);
QByteArray readAll(const QString& path);
QByteArray pkiFile(const QString& name);
void writeFile(const QString& path, const QByteArray& bytes);
/// A value from identity.env, which records what openssl says about each certificate.
QString fact(const QString& key);
X509Ptr certificateFromDer(const QByteArray& der);
X509Ptr pkiCertificate(const QString& name);
EvpPkeyPtr pkiKey(const QString& name);
QDateTime utcOf(const ASN1_TIME* time);
QDateTime nowUtc();
/// The test PKI's trust directory with the named CRL files.
server::login::TrustStore pkiTrust(const QStringList& crlNames = {});

// ---- certificates made in the test ----
struct Issued {
    X509Ptr certificate;
    EvpPkeyPtr key;
};

struct Validity {
    long fromSeconds = -24 * 3600; // relative to now
    long toSeconds = 365L * 24 * 3600;
};

/// A fresh key (P-256: instant, unlike RSA) and a certificate for it, issued by `issuer` (signed
/// with `issuerKey`) or self-signed when `issuer` is nullptr. `unit` becomes the subject's OU.
Issued makeCertificate(const char* commonName, bool ca, const char* keyUsage, X509* issuer,
    EVP_PKEY* issuerKey, Validity validity = {}, const char* unit = nullptr);
QByteArray derOf(X509* certificate);
QByteArray pemOf(X509* certificate);
QByteArray pemOf(EVP_PKEY* key);

// ---- running the checks ----
server::login::LoginCertificateCheck validate(const QString& name,
    const server::login::TrustStore& trust, const server::login::RevocationChecker& revocation,
    const QDateTime& now = nowUtc());
server::login::RevocationChecker withOcsp(
    const QString& url, std::chrono::milliseconds timeout = std::chrono::seconds(5));
/// Checks the result code (`""` for a pass) and that ok() agrees with it.
void requireProblem(const server::login::LoginCertificateCheck& check, const char* code);

} // namespace certtest
