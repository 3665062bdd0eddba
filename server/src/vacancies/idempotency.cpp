#include "server/vacancies/idempotency.hpp"

#include "server/http/api_error.hpp"
#include "server/storage/sql.hpp"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlQuery>

namespace server::vacancies {

using http::ApiError;
using storage::run;

namespace {

Q_LOGGING_CATEGORY(lcIdempotency, "shiqiuren.server.idempotency")

/// Attempts when a competing request keeps changing the row under us (released, taken over).
constexpr int reserveAttempts = 3;

QString requiredKey(const http::HttpRequest& request)
{
    const std::optional<QString> key
        = idempotencyKeyFrom(QString::fromLatin1(request.header("idempotency-key")));
    if (!key)
        throw ApiError(400, QStringLiteral("idempotency-key-required"));
    return *key;
}

ApiError inFlight()
{
    // The body says it too: a batch item's answer has no headers of its own.
    return ApiError(409, QStringLiteral("idempotency-key-in-flight"))
        .withHeader("Retry-After", "1")
        .withBody(QStringLiteral("retryAfterSeconds"), 1.0);
}

} // namespace

std::optional<QString> idempotencyKeyFrom(const QString& text)
{
    // A UUID in its usual 8-4-4-4-12 form; any case, compared lower-cased.
    static const QRegularExpression uuid(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    const QString key = text.trimmed();
    if (!uuid.match(key).hasMatch())
        return std::nullopt;
    return key.toLower();
}

QString requestFingerprint(const QByteArray& method, const QString& path, const QByteArray& body)
{
    // A JSON object is hashed as Qt writes it compactly (members sorted, no spaces), so the same
    // create sent alone or inside a batch has one fingerprint; anything else as it came.
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    const QByteArray canonical = error.error == QJsonParseError::NoError && document.isObject()
        ? document.toJson(QJsonDocument::Compact)
        : body;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(method);
    hash.addData(QByteArrayView("\n"));
    hash.addData(path.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(canonical);
    return QString::fromLatin1(hash.result().toHex());
}

QString idempotencyScope(const http::Principal& caller)
{
    return caller.personId != 0 ? QStringLiteral("person:%1").arg(caller.personId)
                                : QStringLiteral("agency:") + caller.agencyCode;
}

void purgeIdempotencyKeys(const ServiceContext& context, qint64 now)
{
    run(context.db, QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < :cutoff"),
        { { "cutoff", now - qint64(context.config.idempotencyKeepHours) * 3600 * 1000 } });
}

IdempotencyOutcome reserveIdempotencyKey(
    const ServiceContext& context, const http::HttpRequest& request)
{
    const QString key = requiredKey(request);
    const qint64 now = storage::nowMillis();
    purgeIdempotencyKeys(context, now);
    return claimIdempotencyKey(context,
        { idempotencyScope(request.caller), key,
            requestFingerprint(request.method, request.path, request.body) },
        now);
}

IdempotencyOutcome claimIdempotencyKey(
    const ServiceContext& context, const IdempotencyClaim& claim, qint64 now)
{
    const QString& scope = claim.scope;
    const QString& key = claim.key;
    const QString& hash = claim.fingerprint;
    for (int attempt = 0; attempt < reserveAttempts; ++attempt) {
        // Outside a transaction its own statement, committed at once: another process sees the
        // reservation. Inside one (a batch) another process waits for the commit on the key.
        const QSqlQuery insert = run(context.db,
            QStringLiteral("INSERT INTO idempotency_keys (scope, idem_key, request_hash, state, "
                           "created_at) VALUES (:s, :k, :h, 'in-flight', :now) "
                           "ON CONFLICT (scope, idem_key) DO NOTHING"),
            { { "s", scope }, { "k", key }, { "h", hash }, { "now", now } });
        if (insert.numRowsAffected() == 1)
            return { IdempotencyReservation { scope, key, now }, std::nullopt };

        QSqlQuery row = run(context.db,
            QStringLiteral("SELECT request_hash, state, response_status, response_body, "
                           "created_at FROM idempotency_keys WHERE scope = :s AND idem_key = :k"),
            { { "s", scope }, { "k", key } });
        if (!row.next())
            continue; // the other attempt failed and let go meanwhile
        if (row.value(0).toString() != hash)
            throw ApiError(422, QStringLiteral("idempotency-key-reused"));
        if (row.value(1).toString() == QLatin1String("done"))
            return { std::nullopt,
                StoredResponse { row.value(2).toInt(), row.value(3).toString().toUtf8() } };
        const qint64 reservedAt = row.value(4).toLongLong();
        // Done reading: on SQLite an open SELECT would keep a read snapshot that the UPDATE
        // below could not upgrade once another process has written ("database is locked").
        row.finish();
        if (now - reservedAt < inFlightTakeoverMillis)
            throw inFlight();
        // The earlier attempt's process died before it finished: take the key over, unless
        // somebody else did so first.
        const QSqlQuery takeover = run(context.db,
            QStringLiteral("UPDATE idempotency_keys SET created_at = :now WHERE scope = :s "
                           "AND idem_key = :k AND state = 'in-flight' AND created_at = :old"),
            { { "now", now }, { "s", scope }, { "k", key }, { "old", reservedAt } });
        if (takeover.numRowsAffected() == 1) {
            qCInfo(lcIdempotency) << "took over a stale in-flight key of" << scope;
            return { IdempotencyReservation { scope, key, now }, std::nullopt };
        }
    }
    throw inFlight();
}

void completeIdempotencyKey(const ServiceContext& context,
    const IdempotencyReservation& reservation, int status, const QByteArray& body)
{
    const QSqlQuery update = run(context.db,
        QStringLiteral("UPDATE idempotency_keys SET state = 'done', response_status = :status, "
                       "response_body = :body WHERE scope = :s AND idem_key = :k "
                       "AND state = 'in-flight' AND created_at = :at"),
        { { "status", status }, { "body", QString::fromUtf8(body) }, { "s", reservation.scope },
            { "k", reservation.key }, { "at", reservation.reservedAt } });
    if (update.numRowsAffected() != 1)
        throw inFlight();
}

void releaseIdempotencyKey(
    const ServiceContext& context, const IdempotencyReservation& reservation) noexcept
{
    try {
        run(context.db,
            QStringLiteral("DELETE FROM idempotency_keys WHERE scope = :s AND idem_key = :k "
                           "AND state = 'in-flight' AND created_at = :at"),
            { { "s", reservation.scope }, { "k", reservation.key },
                { "at", reservation.reservedAt } });
    } catch (const std::exception& error) {
        // The key stays in flight; after a minute a retry takes it over.
        qCWarning(lcIdempotency) << "could not release a key:" << error.what();
    }
}

} // namespace server::vacancies
