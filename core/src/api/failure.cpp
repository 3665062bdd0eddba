#include "core/api/failure.hpp"

namespace core::api {

namespace {

QString kindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return QStringLiteral("none");
    case ErrorKind::Network:
        return QStringLiteral("network");
    case ErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ErrorKind::Tls:
        return QStringLiteral("tls");
    case ErrorKind::Http:
        return QStringLiteral("http");
    case ErrorKind::BadResponse:
        return QStringLiteral("bad-response");
    }
    return QStringLiteral("?");
}

} // namespace

bool Failure::retriable() const
{
    switch (kind) {
    case ErrorKind::Network:
    case ErrorKind::Timeout:
        return true;
    case ErrorKind::Http:
        // 408: the server gave up waiting for the request; the same one may go again.
        return httpStatus >= 500 || httpStatus == 429 || httpStatus == 408
            || (httpStatus == 409 && error == ServiceError::IdempotencyKeyInFlight);
    case ErrorKind::None:
    case ErrorKind::Tls:
    case ErrorKind::BadResponse:
        return false;
    }
    return false;
}

QString Failure::summary() const
{
    QString text = kindName(kind);
    if (httpStatus != 0)
        text += u' ' + QString::number(httpStatus);
    if (!code.isEmpty())
        text += u' ' + code;
    if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    return text;
}

} // namespace core::api
