#include "batch_shapes.hpp"

#include "json_shapes.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace core::api::detail {

QByteArray batchBody(const QList<VacancyCreate>& creates)
{
    QByteArray body = "{\"items\":[";
    for (qsizetype i = 0; i < creates.size(); ++i) {
        if (i > 0)
            body += ',';
        // The key is a UUID: nothing in it needs escaping.
        body += "{\"idempotencyKey\":\"" + creates[i].idempotencyKey.toLatin1()
            + "\",\"vacancy\":" + creates[i].exactBody + '}';
    }
    body += "]}";
    return body;
}

QList<HttpAnswer> batchAnswers(const HttpAnswer& answer, qsizetype expected)
{
    const QJsonValue results = jsonObject(answer.body).value(QStringLiteral("results"));
    if (!results.isArray() || results.toArray().size() != expected)
        throw ShapeError(QStringLiteral("results"));
    QList<HttpAnswer> items;
    for (const QJsonValue& value : results.toArray()) {
        const QJsonObject result = value.toObject();
        const QJsonValue status = result.value(QStringLiteral("status"));
        const QJsonValue body = result.value(QStringLiteral("body"));
        if (!status.isDouble() || !body.isObject())
            throw ShapeError(QStringLiteral("results[].status/body"));
        HttpAnswer item;
        item.status = status.toInt();
        item.body = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        item.headers.append({ QByteArray("Content-Type"), QByteArray("application/json") });
        if (result.value(QStringLiteral("replayed")).toBool())
            item.headers.append({ QByteArray("Idempotent-Replayed"), QByteArray("true") });
        item.elapsedMs = answer.elapsedMs;
        items.append(item);
    }
    return items;
}

} // namespace core::api::detail
