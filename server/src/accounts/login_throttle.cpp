#include "server/accounts/login_throttle.hpp"

#include "server/http/api_error.hpp"
#include "server/storage/sql.hpp"

#include <algorithm>

namespace server::accounts {

using storage::run;

LoginThrottle::LoginThrottle(const ServiceContext& context, QString key)
    : context_(context)
    , key_(std::move(key))
{ }

void LoginThrottle::checkAllowed() const
{
    QSqlQuery row = run(context_.db,
        QStringLiteral("SELECT next_allowed_at, locked_until FROM login_throttle "
                       "WHERE login_key = :k"),
        { { "k", key_ } });
    if (!row.next())
        return;
    const qint64 until = std::max(row.value(0).toLongLong(), row.value(1).toLongLong());
    const qint64 now = storage::nowMillis();
    if (until <= now)
        return;
    const qint64 seconds = (until - now + 999) / 1000;
    throw http::ApiError(429, QStringLiteral("too-many-attempts"))
        .withHeader("Retry-After", QByteArray::number(seconds))
        .withBody(QStringLiteral("retryAfterSeconds"), double(seconds));
}

void LoginThrottle::recordFailure() const
{
    const qint64 now = storage::nowMillis();
    QSqlQuery row = run(context_.db,
        QStringLiteral("SELECT failures, locked_until FROM login_throttle WHERE login_key = :k"),
        { { "k", key_ } });
    int failures = 0;
    if (row.next()) {
        failures = row.value(0).toInt();
        if (row.value(1).toLongLong() != 0 && row.value(1).toLongLong() <= now)
            failures = 0; // a lock that ran out starts the count again
    }
    row.finish(); // see storage::scalar: no read snapshot may outlive the read
    ++failures;
    qint64 nextAllowed = 0;
    qint64 lockedUntil = 0;
    if (failures >= context_.config.passwordLockoutAfter)
        lockedUntil = now + qint64(context_.config.passwordLockoutSeconds) * 1000;
    else if (failures >= 3)
        nextAllowed = now + std::min<qint64>(60, qint64(1) << (failures - 3)) * 1000;
    run(context_.db,
        QStringLiteral("INSERT INTO login_throttle (login_key, failures, next_allowed_at, "
                       "locked_until) VALUES (:k, :f, :n, :l) ON CONFLICT (login_key) DO UPDATE "
                       "SET failures = :f2, next_allowed_at = :n2, locked_until = :l2"),
        { { "k", key_ }, { "f", failures }, { "n", nextAllowed }, { "l", lockedUntil },
            { "f2", failures }, { "n2", nextAllowed }, { "l2", lockedUntil } });
}

void LoginThrottle::recordSuccess() const
{
    run(context_.db, QStringLiteral("DELETE FROM login_throttle WHERE login_key = :k"),
        { { "k", key_ } });
}

} // namespace server::accounts
