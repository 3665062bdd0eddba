#include "server/accounts/password_gate.hpp"

#include "server/http/api_error.hpp"
#include "server/http/request_log.hpp"

namespace server::accounts {
namespace {

const QString everyone = QStringLiteral("*");

[[noreturn]] void refuse(int seconds)
{
    throw http::ApiError(429, QStringLiteral("too-many-attempts"))
        .withHeader("Retry-After", QByteArray::number(seconds))
        .withBody(QStringLiteral("retryAfterSeconds"), double(seconds));
}

} // namespace

PasswordGate::PasswordGate(int perClientPerMinute, int globalPerMinute)
    : perClient_(perClientPerMinute)
    , global_(globalPerMinute)
{ }

void PasswordGate::admit(const http::HttpRequest& request)
{
    const QString client = request.remote.toString();
    if (const std::optional<int> wait = perClient_.take(client))
        refuse(*wait);
    if (const std::optional<int> wait = global_.take(everyone)) {
        perClient_.refund(client); // this client did not get its try
        qCWarning(http::lcRequests) << "the global password limit is reached";
        refuse(*wait);
    }
}

} // namespace server::accounts
