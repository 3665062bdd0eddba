#include "tls_policy.hpp"

#include "core/api/service_config.hpp"

namespace core::network {

namespace {

bool onlyUnvouched(const QSslError& error)
{
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return true;
    default:
        return false;
    }
}

QList<QSslCertificate> certificatesFrom(const QList<QByteArray>& encoded)
{
    QList<QSslCertificate> certificates;
    for (const QByteArray& bytes : encoded) {
        const QSsl::EncodingFormat format = bytes.contains("-----BEGIN") ? QSsl::Pem : QSsl::Der;
        certificates.append(QSslCertificate::fromData(bytes, format));
    }
    return certificates;
}

} // namespace

TlsPolicy::TlsPolicy(const api::wire::Settings& settings)
    : extraCaCertificates_(certificatesFrom(settings.extraCaCertificates))
    , pin_(settings.pin)
{ }

const QSslConfiguration& TlsPolicy::configuration() const
{
    if (!configuration_) {
        configuration_ = QSslConfiguration::defaultConfiguration();
        if (!extraCaCertificates_.isEmpty())
            configuration_->addCaCertificates(extraCaCertificates_);
    }
    return *configuration_;
}

bool TlsPolicy::acceptsPeer(const QSslCertificate& leaf) const
{
    if (!pin_)
        return true;
    return !leaf.isNull() && api::certificatePin(leaf.toDer()) == *pin_;
}

bool TlsPolicy::waives(const QList<QSslError>& errors, const QSslCertificate& leaf) const
{
    if (!pin_ || !acceptsPeer(leaf))
        return false;
    for (const QSslError& error : errors)
        if (!onlyUnvouched(error))
            return false;
    return true;
}

} // namespace core::network
