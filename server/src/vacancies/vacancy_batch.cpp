#include "server/vacancies/vacancy_batch.hpp"

#include "server/http/api_error.hpp"
#include "server/http/json_body.hpp"
#include "server/storage/sql.hpp"
#include "server/vacancies/idempotency.hpp"
#include "server/vacancies/vacancy_writes.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace server::vacancies {

using http::ApiError;
using http::HttpRequest;
using http::HttpResponse;

namespace {

/// The path a single create has: its fingerprint and its request log are the single POST's.
const QString createPath = QStringLiteral("/api/v1/vacancies");

struct BatchItem {
    QString key;
    QByteArray body; ///< the vacancy as compact JSON
};

QList<BatchItem> readItems(const ServiceContext& context, const HttpRequest& request)
{
    const QJsonObject body = http::readJsonObject(request, context.config.limits);
    http::JsonFields top(body, { QStringLiteral("items") });
    const QJsonValue itemsValue = body.value(QStringLiteral("items"));
    if (!itemsValue.isArray())
        top.reject(QStringLiteral("items"),
            itemsValue.isUndefined() ? QStringLiteral("missing") : QStringLiteral("type"));
    const QJsonArray items = itemsValue.toArray();
    if (itemsValue.isArray() && items.isEmpty())
        top.reject(QStringLiteral("items"), QStringLiteral("empty"));
    if (items.size() > maxBatchItems)
        top.reject(QStringLiteral("items"), QStringLiteral("too-many"));
    top.finish();

    QJsonObject problems;
    const auto problem = [&problems](const QString& field, const QString& reason) {
        problems.insert(field, QJsonArray { reason });
    };
    QList<BatchItem> read;
    QSet<QString> seen;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString at = QStringLiteral("items[%1]").arg(i);
        const QJsonObject item = items.at(i).toObject();
        if (!items.at(i).isObject()) {
            problem(at, QStringLiteral("type"));
            continue;
        }
        for (auto it = item.begin(); it != item.end(); ++it)
            if (it.key() != QLatin1String("idempotencyKey") && it.key() != QLatin1String("vacancy"))
                problem(at + u'.' + it.key(), QStringLiteral("unknown"));
        const std::optional<QString> key
            = idempotencyKeyFrom(item.value(QStringLiteral("idempotencyKey")).toString());
        if (!key)
            problem(at + QStringLiteral(".idempotencyKey"),
                item.contains(QStringLiteral("idempotencyKey")) ? QStringLiteral("invalid")
                                                                : QStringLiteral("missing"));
        else if (seen.contains(*key))
            // Two creates under one key in one request: which one would the key stand for?
            problem(at + QStringLiteral(".idempotencyKey"), QStringLiteral("duplicate"));
        const QJsonValue vacancy = item.value(QStringLiteral("vacancy"));
        if (!vacancy.isObject())
            problem(at + QStringLiteral(".vacancy"),
                vacancy.isUndefined() ? QStringLiteral("missing") : QStringLiteral("type"));
        if (key && vacancy.isObject()) {
            seen.insert(*key);
            read.append({ *key, QJsonDocument(vacancy.toObject()).toJson(QJsonDocument::Compact) });
        }
    }
    if (!problems.isEmpty())
        throw ApiError(400, QStringLiteral("request-invalid"), {}, problems);
    return read;
}

/// The single POST this item stands for: same caller and peer, its own key and body.
HttpRequest itemRequest(const HttpRequest& batch, const BatchItem& item)
{
    HttpRequest single = batch;
    single.path = createPath;
    single.body = item.body;
    single.headers.insert("idempotency-key", item.key.toLatin1());
    single.headers.insert("content-type", "application/json");
    return single;
}

QJsonObject result(int status, bool replayed, const QByteArray& body)
{
    return QJsonObject {
        { "status", status },
        { "replayed", replayed },
        { "body", QJsonDocument::fromJson(body).object() },
    };
}

/// One item inside the batch's transaction; its refusal is rolled back to its savepoint.
QJsonObject createItem(
    const ServiceContext& context, const HttpRequest& single, const QString& scope, qint64 now)
{
    storage::Savepoint savepoint(context.db);
    try {
        const IdempotencyOutcome outcome = claimIdempotencyKey(context,
            { scope,
                idempotencyKeyFrom(QString::fromLatin1(single.header("idempotency-key")))
                    .value_or(QString()),
                requestFingerprint(single.method, single.path, single.body) },
            now);
        if (outcome.replay) {
            savepoint.release();
            return result(outcome.replay->status, true, outcome.replay->body);
        }
        const HttpResponse created = createUnderKey(context, single, *outcome.reservation);
        savepoint.release();
        return result(created.status, false, created.body);
    } catch (const ApiError& refusal) {
        // As the single POST: nothing of this item stays, its key included.
        savepoint.rollback();
        const HttpResponse answer = refusal.toResponse();
        return result(answer.status, false, answer.body);
    }
}

} // namespace

HttpResponse createVacancyBatch(const ServiceContext& context, const HttpRequest& request)
{
    const QList<BatchItem> items = readItems(context, request);
    const QString scope = idempotencyScope(request.caller);
    const qint64 now = storage::nowMillis();
    QJsonArray results;
    storage::Transaction transaction(context.db);
    purgeIdempotencyKeys(context, now);
    for (const BatchItem& item : items)
        results.append(createItem(context, itemRequest(request, item), scope, now));
    transaction.commit();
    return HttpResponse::json(200, QJsonDocument(QJsonObject { { "results", results } }));
}

} // namespace server::vacancies
