#pragma once

#include <QString>
#include <memory>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <optional>

// Owning handles for the OpenSSL objects core/pki creates, an error-queue guard, and the one
// string conversion every reader needs.
namespace core::pki::detail {

template <auto freeFunction> struct OpenSslDeleter {
    template <typename T> void operator()(T* object) const { freeFunction(object); }
};

using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;
using Asn1TypePtr = std::unique_ptr<ASN1_TYPE, OpenSslDeleter<ASN1_TYPE_free>>;
using AttributePtr = std::unique_ptr<X509_ATTRIBUTE, OpenSslDeleter<X509_ATTRIBUTE_free>>;

struct AnySequenceDeleter {
    void operator()(ASN1_SEQUENCE_ANY* sequence) const
    {
        sk_ASN1_TYPE_pop_free(sequence, ASN1_TYPE_free);
    }
};
using AnySequencePtr = std::unique_ptr<ASN1_SEQUENCE_ANY, AnySequenceDeleter>;

// Buffers OpenSSL allocates for the caller (OPENSSL_free is a macro, so no function pointer).
struct OpenSslFree {
    void operator()(void* memory) const { OPENSSL_free(memory); }
};
template <typename T> using OpenSslBuffer = std::unique_ptr<T, OpenSslFree>;

/// Drops whatever OpenSSL queued while this lives (failed decodes push errors that would
/// otherwise confuse the next, unrelated OpenSSL caller on this thread).
class ErrorQueueScope {
public:
    ErrorQueueScope() { ERR_set_mark(); }
    ~ErrorQueueScope() { ERR_pop_to_mark(); }
    ErrorQueueScope(const ErrorQueueScope&) = delete;
    ErrorQueueScope& operator=(const ErrorQueueScope&) = delete;
};

/// Any ASN.1 string type as UTF-8; nullopt when its bytes are not valid for its type.
std::optional<QString> utf8Of(const ASN1_STRING* string);

} // namespace core::pki::detail
