#pragma once

#include "core/domain/vacancy.hpp"
#include "core/domain/vacancy_rules.hpp"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace core::sync {

/// What one call to the central service came to, sorted by what the engine does about it.
struct RemoteReply {
    enum class Outcome {
        Ok, ///< 2xx
        NotModified, ///< 304 (code lists)
        PreconditionFailed, ///< 412: `record` is the server's current version, `etag` its tag
        NotFound, ///< 404: the server no longer has the vacancy
        Refused, ///< the request itself is refused for good: 422, 400, 409 vacancy-closed, 413…
        NeedsLogin, ///< 401, or 403 session/account/certificate: the session cannot write
        Retry, ///< no answer, a timeout, 5xx, 429, 409 idempotency-key-in-flight
    };
    Outcome outcome = Outcome::Retry;
    int httpStatus = 0; ///< 0: no HTTP answer at all
    QString errorCode; ///< the server's `error` (or a network error's name)
    QString message; ///< the server's zh-TW sentence, or the network error text
    QList<domain::FieldMessage> fields; ///< the server's `fields`, one message per reason
    std::optional<domain::Vacancy> record; ///< the record answered (200/201, or 412's current)
    QString etag; ///< the record's (or the code lists') ETag
    QString rejectionReason; ///< the service's reason when `record` is 審核未通過
    std::optional<int> retryAfterSeconds; ///< Retry-After
    QByteArray body; ///< the raw body (the code-list bundle)

    bool ok() const { return outcome == Outcome::Ok; }
    /// "HTTP 503 database-unavailable" or the network error, for logs and the outbox's last_error.
    QString describe() const;
};

/// One entry of the change feed (`/changes`): the vacancy's latest state.
struct FeedEntry {
    QString id; ///< 職缺編號
    QString etag;
    bool deleted = false; ///< withdrawn (record = its final version) or deleted (no record)
    std::optional<domain::Vacancy> record;
    QString rejectionReason; ///< the service's reason when `record` is 審核未通過
};

struct FeedPage {
    QList<FeedEntry> changes;
    QString cursor;
    bool hasMore = false;
};

/// One queued create: the exact bytes and their Idempotency-Key.
struct RemoteCreate {
    QByteArray body;
    QString key;
};

/// The calls the sync engine makes to the central service. Blocking: each returns when the
/// answer (or the timeout) is there; called from the engine's thread only. The production
/// implementation talks HTTP; tests may substitute a fake server model.
class Remote {
public:
    virtual ~Remote() = default;

    /// `POST /vacancies` with `body` exactly and `Idempotency-Key: key`.
    virtual RemoteReply create(const QByteArray& body, const QString& key) = 0;
    /// Several creates; the replies in the same order, each as create() would give it. By
    /// default one after the other; the HTTP remote puts the requests on the wire together.
    virtual QList<RemoteReply> createAll(const QList<RemoteCreate>& creates);
    /// The same creates as one batch request where the server offers it (`POST
    /// /vacancy-batches`), else as createAll(). By default createAll().
    virtual QList<RemoteReply> createBatch(const QList<RemoteCreate>& creates);
    /// `PUT /vacancies/{id}` with `If-Match: etag`.
    virtual RemoteReply update(const QString& id, const QByteArray& body, const QString& etag) = 0;
    /// `DELETE /vacancies/{id}` with `If-Match: etag`; on 200 `record` is the withdrawn record.
    virtual RemoteReply remove(const QString& id, const QString& etag) = 0;
    /// `GET /changes?since=…&limit=…`; fills `page` when the reply is Ok.
    virtual RemoteReply changes(const QString& since, int limit, FeedPage& page) = 0;
    /// `GET /reference` with `If-None-Match` (empty: none); the bundle is the reply's body.
    virtual RemoteReply codeLists(const QString& ifNoneMatch) = 0;

    /// A new session token (after a login).
    virtual void setToken(const QString& token) = 0;
    /// Another server address (a restarted test server, a changed configuration).
    virtual void setBaseUrl(const QString& baseUrl) = 0;
};

} // namespace core::sync
