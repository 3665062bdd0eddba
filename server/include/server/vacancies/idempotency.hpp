#pragma once

#include "server/http/http_message.hpp"
#include "server/service_context.hpp"

#include <QByteArray>
#include <QString>
#include <optional>

namespace server::vacancies {

// `Idempotency-Key` (IETF draft-ietf-httpapi-idempotency-key-header) over the
// `idempotency_keys` table. A key belongs to the caller ("person:<id>", or "agency:<code>" for an
// agency card), and remembers a fingerprint of the request: SHA-256 of method, path and body
// (a JSON object body as compact JSON, so a batch item and its single POST share it).
//
//   reserve ──► in-flight row (its own committed statement, so a second process sees it)
//     │           └─ work fails (ApiError, exception) ──► release: the row goes, a retry is new
//     └─ work succeeds ──► complete, in the work's own transaction: the row turns `done` with the
//                          answer, atomically with what the work wrote
//
// A key already known: another fingerprint → 422 idempotency-key-reused; done → the stored
// answer is replayed; in flight for less than a minute → 409 idempotency-key-in-flight; in flight
// for longer → the earlier attempt died with its process, and this one takes the key over.

/// A key this request now holds.
struct IdempotencyReservation {
    QString scope;
    QString key;
    qint64 reservedAt = 0; ///< the row's created_at: completion checks the key is still ours
};

/// The answer stored for a key that is done.
struct StoredResponse {
    int status = 0;
    QByteArray body;
};

struct IdempotencyOutcome {
    std::optional<IdempotencyReservation> reservation; ///< set: do the work
    std::optional<StoredResponse> replay; ///< set: answer this again
};

/// How long an in-flight key shields its request before another attempt may take it over.
inline constexpr qint64 inFlightTakeoverMillis = 60 * 1000;

/// One key to claim: whose, which, and the request it stands for.
struct IdempotencyClaim {
    QString scope;
    QString key;
    QString fingerprint;
};

/// A UUID key lower-cased, or nothing when `text` is not one.
std::optional<QString> idempotencyKeyFrom(const QString& text);

/// SHA-256 hex of method, path and body; a body that is a JSON object counts as its compact form.
QString requestFingerprint(const QByteArray& method, const QString& path, const QByteArray& body);

/// Drops the keys older than config.idempotencyKeepHours.
void purgeIdempotencyKeys(const ServiceContext& context, qint64 now);

/// Reserves `claim` or finds its earlier answer, as reserveIdempotencyKey does after reading the
/// header. Inside a transaction the reservation commits (or rolls back) with it.
IdempotencyOutcome claimIdempotencyKey(
    const ServiceContext& context, const IdempotencyClaim& claim, qint64 now);

/// Reads `Idempotency-Key` (400 idempotency-key-required when missing or not a UUID), purges keys
/// older than config.idempotencyKeepHours, and reserves the key or finds its earlier answer.
/// Throws ApiError 409 / 422 as above.
IdempotencyOutcome reserveIdempotencyKey(
    const ServiceContext& context, const http::HttpRequest& request);

/// Stores the answer and marks the key done. Call inside the transaction of the work; throws
/// ApiError 409 idempotency-key-in-flight when the key was taken over meanwhile (roll back).
void completeIdempotencyKey(const ServiceContext& context,
    const IdempotencyReservation& reservation, int status, const QByteArray& body);

/// Drops the reservation after a failed attempt. Never throws (it runs while unwinding).
void releaseIdempotencyKey(
    const ServiceContext& context, const IdempotencyReservation& reservation) noexcept;

/// "person:<id>", or "agency:<code>" for an agency certificate's session.
QString idempotencyScope(const http::Principal& caller);

} // namespace server::vacancies
