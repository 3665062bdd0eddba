#include "core/pki/certificate.hpp"
#include "pki/openssl_handles.hpp"

#include <climits>
#include <openssl/pem.h>
#include <string>

namespace core::pki {

using namespace detail;

QList<PemBlock> pemBlocks(const QByteArray& pem)
{
    const ErrorQueueScope errors;
    if (pem.size() > INT_MAX)
        throw CertificateParseError("PEM text too large");
    const BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    if (!bio)
        throw CertificateParseError("cannot read PEM text");
    QList<PemBlock> blocks;
    for (;;) {
        char* rawName = nullptr;
        char* rawHeader = nullptr;
        unsigned char* rawData = nullptr;
        long length = 0;
        if (PEM_read_bio(bio.get(), &rawName, &rawHeader, &rawData, &length) != 1) {
            // "No BEGIN line" is how the reader says it has passed the last block.
            const unsigned long error = ERR_peek_last_error();
            if (ERR_GET_LIB(error) == ERR_LIB_PEM && ERR_GET_REASON(error) == PEM_R_NO_START_LINE)
                return blocks;
            throw CertificateParseError(
                "PEM block " + std::to_string(blocks.size() + 1) + " is damaged");
        }
        const OpenSslBuffer<char> name(rawName);
        const OpenSslBuffer<char> header(rawHeader);
        const OpenSslBuffer<unsigned char> data(rawData);
        blocks.append({ QByteArray(name.get()),
            QByteArray(reinterpret_cast<const char*>(data.get()), qsizetype(length)) });
    }
}

QList<QByteArray> certificatesFromPem(const QByteArray& pem)
{
    QList<QByteArray> certificates;
    for (const PemBlock& block : pemBlocks(pem))
        if (block.label == PEM_STRING_X509 || block.label == PEM_STRING_X509_OLD)
            certificates.append(block.data);
    return certificates;
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
