#include "error_body.hpp"

#include <QJsonDocument>
#include <QJsonValue>

namespace core::api::detail {

namespace {

std::optional<int> seconds(const QByteArray& header)
{
    bool ok = false;
    const int value = header.trimmed().toInt(&ok);
    if (ok && value >= 0)
        return value;
    return std::nullopt;
}

} // namespace

Failure failureFromAnswer(const HttpAnswer& answer)
{
    Failure failure;
    failure.kind = ErrorKind::Http;
    failure.httpStatus = answer.status;
    const QJsonDocument document = QJsonDocument::fromJson(answer.body);
    if (document.isObject()) {
        const QJsonObject body = document.object();
        failure.body = body;
        failure.code = body.value(QLatin1String("error")).toString();
        failure.message = body.value(QLatin1String("message")).toString();
        failure.fields = body.value(QLatin1String("fields")).toObject();
        const QJsonValue retry = body.value(QLatin1String("retryAfterSeconds"));
        if (retry.isDouble() && retry.toDouble() >= 0 && retry.toDouble() < 1e9)
            failure.retryAfterSeconds = static_cast<int>(retry.toDouble());
    }
    failure.error = serviceErrorFromCode(failure.code);
    if (const auto header = seconds(answer.header("Retry-After")))
        failure.retryAfterSeconds = header;
    failure.detail = failure.code.isEmpty()
        ? QStringLiteral("HTTP %1 without an error body").arg(answer.status)
        : QStringLiteral("HTTP %1 %2").arg(answer.status).arg(failure.code);
    return failure;
}

} // namespace core::api::detail
