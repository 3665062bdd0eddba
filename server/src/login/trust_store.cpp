#include "server/login/trust_store.hpp"

#include "core/pki/certificate.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <climits>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <string>

namespace server::login {

namespace {

[[noreturn]] void fail(const QString& path, const QString& why)
{
    throw TrustStoreError(QStringLiteral("%1: %2").arg(path, why).toStdString());
}

QString nameText(const X509_NAME* name)
{
    const BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        return QStringLiteral("(unprintable name)");
    char* text = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &text);
    return QString::fromUtf8(text, length);
}

/// What one file holds.
struct FileContents {
    std::vector<X509Ptr> certificates;
    std::vector<X509CrlPtr> crls;
};

// DER decoders that accept exactly one object and nothing after it.
X509Ptr exactCertificate(const unsigned char* data, long length)
{
    const unsigned char* cursor = data;
    X509Ptr certificate(d2i_X509(nullptr, &cursor, length));
    return certificate && cursor == data + length ? std::move(certificate) : nullptr;
}

X509CrlPtr exactCrl(const unsigned char* data, long length)
{
    const unsigned char* cursor = data;
    X509CrlPtr crl(d2i_X509_CRL(nullptr, &cursor, length));
    return crl && cursor == data + length ? std::move(crl) : nullptr;
}

FileContents readPem(const QString& path, const QByteArray& bytes)
{
    FileContents contents;
    QList<core::pki::PemBlock> blocks;
    try {
        blocks = core::pki::pemBlocks(bytes);
    } catch (const core::pki::CertificateParseError& error) {
        fail(path, QString::fromUtf8(error.what()));
    }
    int number = 0;
    for (const core::pki::PemBlock& block : blocks) {
        ++number;
        const auto* data = reinterpret_cast<const unsigned char*>(block.data.constData());
        const long length = long(block.data.size());
        if (block.label == PEM_STRING_X509 || block.label == PEM_STRING_X509_OLD) {
            X509Ptr certificate = exactCertificate(data, length);
            if (!certificate)
                fail(path, QStringLiteral("PEM block %1 is not a valid certificate").arg(number));
            contents.certificates.push_back(std::move(certificate));
        } else if (block.label == PEM_STRING_X509_CRL) {
            X509CrlPtr crl = exactCrl(data, length);
            if (!crl)
                fail(path, QStringLiteral("PEM block %1 is not a valid CRL").arg(number));
            contents.crls.push_back(std::move(crl));
        }
        // Other blocks (keys, parameters) carry no trust; they are skipped.
    }
    return contents;
}

/// A PEM file's certificates and CRLs, or the one DER certificate or CRL the file is.
FileContents readFile(const QFileInfo& info)
{
    const ErrorQueueScope errors;
    const QString path = info.filePath();
    if (!info.exists())
        fail(path, QStringLiteral("cannot be read (a broken link?)"));
    if (!info.isFile())
        fail(path, QStringLiteral("is not a regular file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(path, QStringLiteral("cannot be read: %1").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        fail(path, QStringLiteral("cannot be read: %1").arg(file.errorString()));
    if (bytes.size() > INT_MAX)
        fail(path, QStringLiteral("is too large"));
    if (bytes.contains("-----BEGIN "))
        return readPem(path, bytes);

    FileContents contents;
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    const long length = static_cast<long>(bytes.size());
    if (X509Ptr certificate = exactCertificate(data, length))
        contents.certificates.push_back(std::move(certificate));
    else if (X509CrlPtr crl = exactCrl(data, length))
        contents.crls.push_back(std::move(crl));
    return contents;
}

bool isSelfSigned(X509* certificate)
{
    const ErrorQueueScope errors;
    return X509_NAME_cmp(X509_get_subject_name(certificate), X509_get_issuer_name(certificate)) == 0
        && X509_verify(certificate, X509_get0_pubkey(certificate)) == 1;
}

bool holds(const std::vector<X509Ptr>& list, const X509* certificate)
{
    for (const X509Ptr& known : list) {
        if (X509_cmp(known.get(), certificate) == 0)
            return true;
    }
    return false;
}

/// `ca` may sign `crl`: its subject is the CRL's issuer, its key verifies the CRL's signature,
/// and its key usage (when it has one) includes cRLSign.
bool signedCrl(X509* ca, X509_CRL* crl)
{
    const ErrorQueueScope errors;
    if (X509_NAME_cmp(X509_get_subject_name(ca), X509_CRL_get_issuer(crl)) != 0)
        return false;
    if ((X509_get_extension_flags(ca) & EXFLAG_KUSAGE) != 0
        && (X509_get_key_usage(ca) & KU_CRL_SIGN) == 0)
        return false;
    return X509_CRL_verify(crl, X509_get0_pubkey(ca)) == 1;
}

/// Why the server cannot use `crl` as the issuer's complete list, or empty. A partitioned CRL
/// (issuingDistributionPoint) covers only part of the certificates, so "not listed" would not
/// mean "not revoked"; a critical extension we do not know may change the meaning the same way
/// (a delta CRL's indicator, an indirect CRL's certificateIssuer entries).
QString crlRefusal(X509_CRL* crl)
{
    if (X509_CRL_get_ext_by_NID(crl, NID_issuing_distribution_point, -1) >= 0)
        return QStringLiteral("is partitioned (issuingDistributionPoint); configure the "
                              "issuer's complete CRL");
    for (int index = 0; index < X509_CRL_get_ext_count(crl); ++index) {
        X509_EXTENSION* extension = X509_CRL_get_ext(crl, index);
        const int nid = OBJ_obj2nid(X509_EXTENSION_get_object(extension));
        if (X509_EXTENSION_get_critical(extension) && nid != NID_authority_key_identifier
            && nid != NID_crl_number) {
            char oid[128] = {};
            OBJ_obj2txt(oid, sizeof oid, X509_EXTENSION_get_object(extension), 1);
            return QStringLiteral("has a critical extension the server does not know (%1)")
                .arg(QLatin1String(oid));
        }
    }
    const STACK_OF(X509_REVOKED)* entries = X509_CRL_get_REVOKED(crl);
    for (int index = 0; index < sk_X509_REVOKED_num(entries); ++index) {
        const X509_REVOKED* entry = sk_X509_REVOKED_value(entries, index);
        for (int at = 0; at < X509_REVOKED_get_ext_count(entry); ++at) {
            if (X509_EXTENSION_get_critical(X509_REVOKED_get_ext(entry, at)))
                return QStringLiteral("has an entry with a critical extension");
        }
    }
    return {};
}

} // namespace

TrustStore TrustStore::load(const QString& trustDirectory, const QStringList& crlFiles)
{
    const QDir directory(trustDirectory);
    if (!directory.exists())
        fail(trustDirectory, QStringLiteral("trust directory does not exist"));
    if (!directory.isReadable())
        fail(trustDirectory, QStringLiteral("trust directory cannot be read"));

    TrustStore store;
    store.anchorStore_.reset(X509_STORE_new());
    store.intermediates_.reset(sk_X509_new_null());
    if (!store.anchorStore_ || !store.intermediates_)
        throw TrustStoreError("out of memory");

    std::vector<X509Ptr> intermediates;
    std::vector<std::pair<QString, X509CrlPtr>> crls;
    // System adds broken links and special files, which are reported rather than skipped.
    const QFileInfoList entries
        = directory.entryInfoList(QDir::Files | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo& entry : entries) {
        FileContents contents = readFile(entry);
        if (contents.certificates.empty() && contents.crls.empty())
            fail(entry.filePath(),
                QStringLiteral("is neither a certificate nor a CRL (PEM or DER)"));
        for (X509Ptr& certificate : contents.certificates) {
            if ((X509_get_extension_flags(certificate.get()) & EXFLAG_CA) == 0)
                fail(entry.filePath(),
                    QStringLiteral("%1 is not a CA certificate")
                        .arg(nameText(X509_get_subject_name(certificate.get()))));
            auto& list = isSelfSigned(certificate.get()) ? store.anchors_ : intermediates;
            if (!holds(list, certificate.get()))
                list.push_back(std::move(certificate));
        }
        for (X509CrlPtr& crl : contents.crls)
            crls.emplace_back(entry.filePath(), std::move(crl));
    }
    if (store.anchors_.empty())
        fail(trustDirectory,
            QStringLiteral("trust directory holds no trust anchor (self-signed CA certificate)"));

    for (const X509Ptr& anchor : store.anchors_) {
        if (X509_STORE_add_cert(store.anchorStore_.get(), anchor.get()) != 1)
            throw TrustStoreError("out of memory");
    }
    for (X509Ptr& intermediate : intermediates) {
        if (sk_X509_push(store.intermediates_.get(), intermediate.get()) <= 0)
            throw TrustStoreError("out of memory");
        intermediate.release(); // the stack owns it now
    }

    for (const QString& path : crlFiles) {
        FileContents contents = readFile(QFileInfo(path));
        if (contents.crls.empty())
            fail(path, QStringLiteral("holds no CRL (PEM or DER)"));
        for (X509CrlPtr& crl : contents.crls)
            crls.emplace_back(path, std::move(crl));
    }
    for (auto& [path, crl] : crls)
        store.addCrl(path, std::move(crl));
    return store;
}

std::vector<X509*> TrustStore::certificateAuthorities() const
{
    std::vector<X509*> all;
    for (const X509Ptr& anchor : anchors_)
        all.push_back(anchor.get());
    for (int index = 0; index < sk_X509_num(intermediates_.get()); ++index)
        all.push_back(sk_X509_value(intermediates_.get(), index));
    return all;
}

void TrustStore::addCrl(const QString& path, X509CrlPtr crl)
{
    if (const QString why = crlRefusal(crl.get()); !why.isEmpty())
        fail(path,
            QStringLiteral("CRL of %1 %2").arg(nameText(X509_CRL_get_issuer(crl.get())), why));
    X509* signer = nullptr;
    for (X509* ca : certificateAuthorities()) {
        if (signedCrl(ca, crl.get())) {
            signer = ca;
            break;
        }
    }
    if (!signer)
        fail(path,
            QStringLiteral("CRL of %1 is not signed by a CA of the trust directory")
                .arg(nameText(X509_CRL_get_issuer(crl.get()))));
    // One CRL per issuing CA: a newer one replaces an older one.
    for (SignedCrl& known : crls_) {
        if (known.signer == signer) {
            if (ASN1_TIME_compare(
                    X509_CRL_get0_lastUpdate(crl.get()), X509_CRL_get0_lastUpdate(known.crl.get()))
                > 0)
                known.crl = std::move(crl);
            return;
        }
    }
    crls_.push_back({ std::move(crl), signer });
}

X509_CRL* TrustStore::crlFor(const X509* issuer) const
{
    // Compared by name and key rather than by verifying again: CRLs can be megabytes.
    for (const SignedCrl& known : crls_) {
        if (X509_NAME_cmp(X509_get_subject_name(issuer), X509_CRL_get_issuer(known.crl.get())) == 0
            && EVP_PKEY_eq(X509_get0_pubkey(issuer), X509_get0_pubkey(known.signer)) == 1)
            return known.crl.get();
    }
    return nullptr;
}

int TrustStore::intermediateCount() const
{
    return sk_X509_num(intermediates_.get());
}

} // namespace server::login
