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
    // The count goes up in one statement: failures sent to two server instances at once both
    // count (a read, then a write of read + 1, would lose one). The transaction keeps the row
    // locked until the pause that count earns is written.
    storage::Transaction transaction(context_.db);
    const int failures = storage::scalar(context_.db,
        QStringLiteral("INSERT INTO login_throttle (login_key, failures, next_allowed_at, "
                       "locked_until) VALUES (:k, 1, 0, 0) ON CONFLICT (login_key) DO UPDATE "
                       "SET failures = CASE WHEN login_throttle.locked_until <> 0 AND "
                       "login_throttle.locked_until <= :now THEN 1 " // a lock that ran out
                       "ELSE login_throttle.failures + 1 END RETURNING failures"),
        { { "k", key_ },
            { "now", now } }).toInt();
    qint64 nextAllowed = 0;
    qint64 lockedUntil = 0;
    if (failures >= context_.config.passwordLockoutAfter)
        lockedUntil = now + qint64(context_.config.passwordLockoutSeconds) * 1000;
    else if (failures >= 3)
        nextAllowed = now + std::min<qint64>(60, qint64(1) << (failures - 3)) * 1000;
    run(context_.db,
        QStringLiteral("UPDATE login_throttle SET next_allowed_at = :n, locked_until = :l "
                       "WHERE login_key = :k"),
        { { "k", key_ }, { "n", nextAllowed }, { "l", lockedUntil } });
    transaction.commit();
}

void LoginThrottle::recordSuccess() const
{
    run(context_.db, QStringLiteral("DELETE FROM login_throttle WHERE login_key = :k"),
        { { "k", key_ } });
}

} // namespace server::accounts
