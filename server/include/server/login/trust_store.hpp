#pragma once

#include <QString>
#include <QStringList>
#include <memory>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <stdexcept>
#include <vector>

namespace server::login {

// OpenSSL plumbing shared by the login checks: owning handles and an error-queue guard.
template <auto freeFunction> struct OpenSslDeleter {
    template <typename T> void operator()(T* object) const { freeFunction(object); }
};
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using X509CrlPtr = std::unique_ptr<X509_CRL, OpenSslDeleter<X509_CRL_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, OpenSslDeleter<X509_STORE_free>>;
struct X509StackDeleter {
    void operator()(STACK_OF(X509) * stack) const { sk_X509_pop_free(stack, X509_free); }
};
using X509StackPtr = std::unique_ptr<STACK_OF(X509), X509StackDeleter>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free>>;
// Buffers OpenSSL allocates for the caller (OPENSSL_free is a macro, so no function pointer).
struct OpenSslFree {
    void operator()(void* memory) const { OPENSSL_free(memory); }
};

/// Drops whatever OpenSSL queued while this lives: failed decodes and verifications push errors
/// that would otherwise confuse the next, unrelated OpenSSL caller on this thread.
class ErrorQueueScope {
public:
    ErrorQueueScope() { ERR_set_mark(); }
    ~ErrorQueueScope() { ERR_pop_to_mark(); }
    ErrorQueueScope(const ErrorQueueScope&) = delete;
    ErrorQueueScope& operator=(const ErrorQueueScope&) = delete;
};

/// The trust configuration cannot be loaded. The message names the file and what is wrong with
/// it, for the administrator who started the server.
class TrustStoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The CA certificates and CRLs the server accepts card logins under, loaded once at start-up and
/// read-only afterwards.
///
/// The trust directory (`--trust DIR`) holds certificate files, PEM (one or more CERTIFICATE
/// blocks) or DER: self-signed CA certificates become trust anchors, every other CA certificate an
/// intermediate that may appear in a chain. Sub-directories and hidden files are skipped; any
/// other file that is not a certificate or CRL is an error, so a misplaced file is noticed at
/// start-up rather than as failed logins. A PEM file may also hold X509 CRL blocks, and a DER
/// file may be a CRL; those load like `--crl` files.
///
/// CRL files (`--crl FILE`) are PEM or DER. Each CRL's signature must verify with a CA of the
/// store, else loading fails; so does a partitioned CRL (issuingDistributionPoint) and one with a
/// critical extension the server does not know. With several CRLs from the same issuer the one
/// issued last is kept.
class TrustStore {
public:
    /// Throws TrustStoreError: a missing or unreadable directory or file, a file that is neither a
    /// certificate nor a CRL, a non-CA certificate, no trust anchor, a CRL no CA of the store
    /// signed or that the server cannot use (see above).
    static TrustStore load(const QString& trustDirectory, const QStringList& crlFiles = {});

    /// Self-signed roots, the `trusted` store for X509_verify_cert and OCSP_basic_verify.
    X509_STORE* anchorStore() const { return anchorStore_.get(); }
    /// The configured intermediates, the `untrusted` certificates chains may be built through.
    STACK_OF(X509) * intermediates() const { return intermediates_.get(); }
    /// The CRL `issuer` signed (its name, and the key that verified the CRL at load), or nullptr.
    X509_CRL* crlFor(const X509* issuer) const;

    int anchorCount() const { return static_cast<int>(anchors_.size()); }
    int intermediateCount() const;
    int crlCount() const { return static_cast<int>(crls_.size()); }

private:
    TrustStore() = default;
    std::vector<X509*> certificateAuthorities() const;
    void addCrl(const QString& path, X509CrlPtr crl);

    struct SignedCrl {
        X509CrlPtr crl;
        X509* signer; // the CA whose key verified it, owned by this store
    };

    std::vector<X509Ptr> anchors_;
    X509StorePtr anchorStore_;
    X509StackPtr intermediates_;
    std::vector<SignedCrl> crls_;
};

} // namespace server::login
