#include "server/http/request_log.hpp"

namespace server::http {

Q_LOGGING_CATEGORY(lcRequests, "shiqiuren.server.requests")

void logRequest(const HttpRequest& request, const HttpResponse& response, qint64 milliseconds)
{
    const QString who
        = !response.logAccount.isEmpty() ? response.logAccount : request.caller.logName();
    qCInfo(lcRequests).noquote() << QString::fromLatin1(request.method) << request.path
                                 << response.status << QStringLiteral("%1ms").arg(milliseconds)
                                 << who
                                 << (response.errorCode.isEmpty() ? QStringLiteral("-")
                                                                  : response.errorCode);
}

} // namespace server::http
