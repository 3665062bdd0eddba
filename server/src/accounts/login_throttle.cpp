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
    // The count goes up in one statement: failures sent to two server instances (or two worker
    // threads) at once both count. The transaction keeps the row locked until the pause that
    // count earns is written.
    storage::Transaction transaction(context_.db);
    const int failures = storage::scalar(context_.db,
        QStringLiteral("INSERT INTO login_throttle (login_key, failures, next_allowed_at, "
                       "locked_until, last_failure_at) VALUES (:k, 1, 0, 0, :now) "
                       "ON CONFLICT (login_key) DO UPDATE SET failures = CASE "
                       "WHEN login_throttle.locked_until <> 0 AND login_throttle.locked_until "
                       "<= :now2 THEN 1 " // a lock that ran out
                       "ELSE login_throttle.failures + 1 END, last_failure_at = :now3 "
                       "RETURNING failures"),
        { { "k", key_ }, { "now", now }, { "now2", now },
            { "now3",
                now } }).toInt();
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
    // Names that belong to nobody are forgotten once quiet for a lockout period, so a flood of
    // made-up names cannot grow the table without end (the limiters bound how fast it fills).
    run(context_.db,
        QStringLiteral("DELETE FROM login_throttle WHERE login_key LIKE :unknown "
                       "AND last_failure_at < :quiet AND next_allowed_at < :now "
                       "AND locked_until < :now2"),
        { { "unknown", QStringLiteral("unknown:%") },
            { "quiet", now - qint64(context_.config.passwordLockoutSeconds) * 1000 },
            { "now", now }, { "now2", now } });
    transaction.commit();
}

void LoginThrottle::recordSuccess() const
{
    run(context_.db, QStringLiteral("DELETE FROM login_throttle WHERE login_key = :k"),
        { { "k", key_ } });
}

} // namespace server::accounts
