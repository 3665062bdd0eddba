#include "core/pki/certificate.hpp"
#include "pki/openssl_handles.hpp"

#include <climits>
#include <cstring>
#include <openssl/pem.h>

namespace core::pki {

using namespace detail;

QList<QByteArray> certificatesFromPem(const QByteArray& pem)
{
    const ErrorQueueScope errors;
    if (pem.size() > INT_MAX)
        throw CertificateParseError("PEM text too large");
    const BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    if (!bio)
        throw CertificateParseError("cannot read PEM text");
    QList<QByteArray> certificates;
    for (;;) {
        char* rawName = nullptr;
        char* rawHeader = nullptr;
        unsigned char* rawData = nullptr;
        long length = 0;
        if (PEM_read_bio(bio.get(), &rawName, &rawHeader, &rawData, &length) != 1) {
            // "No BEGIN line" is how the reader says it has passed the last block.
            const unsigned long error = ERR_peek_last_error();
            if (ERR_GET_LIB(error) == ERR_LIB_PEM && ERR_GET_REASON(error) == PEM_R_NO_START_LINE)
                return certificates;
            throw CertificateParseError("damaged PEM block");
        }
        const OpenSslBuffer<char> name(rawName);
        const OpenSslBuffer<char> header(rawHeader);
        const OpenSslBuffer<unsigned char> data(rawData);
        if (std::strcmp(name.get(), PEM_STRING_X509) == 0
            || std::strcmp(name.get(), PEM_STRING_X509_OLD) == 0)
            certificates.append(QByteArray(reinterpret_cast<const char*>(data.get()), length));
    }
}

QByteArray toPem(const QByteArray& der)
{
    const QByteArray base64 = der.toBase64();
    QByteArray pem = "-----BEGIN CERTIFICATE-----\n";
    for (qsizetype at = 0; at < base64.size(); at += 64)
        pem += base64.mid(at, 64) + '\n';
    pem += "-----END CERTIFICATE-----\n";
    return pem;
}

} // namespace core::pki
