#include "tls_policy.hpp"

#include <QCryptographicHash>
#include <cctype>

namespace core::api {

QByteArray certificatePin(const QSslCertificate& certificate)
{
    return QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256);
}

namespace detail {

namespace {

std::optional<QByteArray> normalisedPin(const QByteArray& pin)
{
    if (pin.size() == 32)
        return pin;
    QByteArray hex = pin.trimmed();
    hex.replace(':', QByteArray());
    if (hex.size() != 64)
        return std::nullopt;
    for (const char c : hex)
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
    return QByteArray::fromHex(hex);
}

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

} // namespace

TlsPolicy::TlsPolicy(const ServiceConfig& config)
    : extraCaCertificates_(config.extraCaCertificates)
    , pinConfigured_(config.pinnedCertificateSha256.has_value())
{
    if (pinConfigured_)
        pin_ = normalisedPin(*config.pinnedCertificateSha256);
}

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
    if (!pinConfigured_)
        return true;
    return pin_ && !leaf.isNull() && certificatePin(leaf) == *pin_;
}

bool TlsPolicy::waives(const QList<QSslError>& errors, const QSslCertificate& leaf) const
{
    if (!pinConfigured_ || !acceptsPeer(leaf))
        return false;
    for (const QSslError& error : errors)
        if (!onlyUnvouched(error))
            return false;
    return true;
}

} // namespace detail
} // namespace core::api
