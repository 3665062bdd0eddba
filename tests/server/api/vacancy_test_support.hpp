#pragma once

// Shared by the vacancy suites (test_vacanc*.cpp): a valid body with dates relative to today
// in Taipei, the seed's vacancies (tests/server/seed/test.json), and request shorthands.

#include "../../core/vacancy_kinds_fixture.hpp"
#include "card_login.hpp"
#include "core/domain/vacancy_json.hpp"
#include "http_client.hpp"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUuid>
#include <catch2/catch.hpp>

namespace vacancytest {

using servertest::Headers;
using servertest::HttpClient;
using servertest::Reply;

inline const QString ownAgency = QStringLiteral("A29000000G");
// The seed's vacancies (tests/server/seed/test.json). The ended one has no fixed id: find it
// with endedSeedId().
inline const QString seededWithdrawn = QStringLiteral("1140400001");
inline const QString seededRejected = QStringLiteral("1140500001");
inline const QString otherAgencyCurrent = QStringLiteral("1140600001");
inline const QString otherAgencyScheduled = QStringLiteral("1140600002");

/// The server's "today": the calendar day in Taipei (UTC+8, no DST).
inline QDate today()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(8 * 3600)).date();
}

/// `v` as the clerk of ownAgency sends it, starting `startInDays` from today and running `days`
/// days.
inline QJsonObject bodyOf(core::domain::Vacancy v, int startInDays = 0, int days = 10)
{
    v.agencyCode = ownAgency;
    v.agencyName.clear(); // the server fills it in
    v.validFrom = today().addDays(startInDays);
    v.validTo = v.validFrom.addDays(days);
    QJsonObject body = core::domain::toJson(v);
    body.remove(QStringLiteral("vacancyId"));
    return body;
}

/// A body the rules accept, starting `startInDays` from today and running `days` days.
inline QJsonObject vacancyBody(int startInDays = 0, int days = 10)
{
    return bodyOf(domaintest::validVacancy(), startInDays, days);
}

/// A body as the client sends it: compact JSON, the same bytes on every retry.
inline QByteArray compact(const QJsonObject& body)
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

inline QByteArray newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
}

inline Headers withKey(const QByteArray& key)
{
    return { { "Idempotency-Key", key } };
}

inline Headers withIfMatch(const QByteArray& etag)
{
    return { { "If-Match", etag } };
}

inline Reply create(const HttpClient& client, const QString& token, const QJsonObject& body,
    const QByteArray& key = newKey())
{
    return client.sendJson("POST", "/api/v1/vacancies", body, token, withKey(key));
}

/// Creates and REQUIREs 201; the record.
inline QJsonObject created(const HttpClient& client, const QString& token, const QJsonObject& body)
{
    const Reply reply = create(client, token, body);
    INFO(reply.body.toStdString());
    REQUIRE(reply.status == 201);
    return reply.json();
}

inline Reply getOne(const HttpClient& client, const QString& token, const QString& id)
{
    return client.get("/api/v1/vacancies/" + id, token);
}

/// GETs and REQUIREs 200; the record.
inline QJsonObject record(const HttpClient& client, const QString& token, const QString& id)
{
    const Reply reply = getOne(client, token, id);
    INFO(reply.body.toStdString());
    REQUIRE(reply.status == 200);
    return reply.json();
}

inline QByteArray etagOf(const QJsonObject& record)
{
    return record.value("etag").toString().toLatin1();
}

inline Reply put(const HttpClient& client, const QString& token, const QString& id,
    const QJsonObject& body, const QByteArray& etag)
{
    return client.sendJson("PUT", "/api/v1/vacancies/" + id, body, token,
        etag.isEmpty() ? Headers {} : withIfMatch(etag));
}

inline Reply remove(
    const HttpClient& client, const QString& token, const QString& id, const QByteArray& etag)
{
    Headers headers { servertest::bearer(token) };
    if (!etag.isEmpty())
        headers.append({ "If-Match", etag });
    return client.send("DELETE", "/api/v1/vacancies/" + id, {}, headers);
}

/// `GET /vacancies?<query>`, REQUIREs 200.
inline QJsonObject list(const HttpClient& client, const QString& token, const QString& query = {})
{
    const Reply reply = client.get("/api/v1/vacancies?" + query, token);
    INFO(query.toStdString() << " → " << reply.body.toStdString());
    REQUIRE(reply.status == 200);
    return reply.json();
}

inline QStringList idsOf(const QJsonObject& page)
{
    QStringList ids;
    for (const QJsonValue& item : page.value("items").toArray())
        ids.append(item.toObject().value("vacancyId").toString());
    return ids;
}

/// `GET /changes?<query>`, REQUIREs 200.
inline QJsonObject changes(
    const HttpClient& client, const QString& token, const QString& query = {})
{
    const Reply reply = client.get("/api/v1/changes?" + query, token);
    INFO(query.toStdString() << " → " << reply.body.toStdString());
    REQUIRE(reply.status == 200);
    return reply.json();
}

/// Every change of the feed from the start, following the cursor in pages of `limit`.
inline QJsonArray wholeFeed(const HttpClient& client, const QString& token, int limit = 100)
{
    QJsonArray all;
    QString cursor;
    for (int page = 0; page < 100; ++page) {
        QString query = QStringLiteral("limit=%1").arg(limit);
        if (!cursor.isEmpty())
            query += QStringLiteral("&since=") + cursor;
        const QJsonObject answer = changes(client, token, query);
        for (const QJsonValue& change : answer.value("changes").toArray())
            all.append(change);
        cursor = answer.value("cursor").toString();
        if (!answer.value("hasMore").toBool())
            return all;
    }
    FAIL("the feed never ended");
    return all;
}

inline QStringList feedIds(const QJsonArray& feed)
{
    QStringList ids;
    for (const QJsonValue& change : feed)
        ids.append(change.toObject().value("id").toString());
    return ids;
}

/// The seeded ended vacancy of 測試機關 (seeded without a fixed id).
inline QString endedSeedId(const HttpClient& client, const QString& token)
{
    const QJsonObject page = list(client, token, "scope=history&q=%E6%AA%94%E6%A1%88"); // 檔案
    REQUIRE(page.value("total").toInt() == 1);
    return idsOf(page).first();
}

} // namespace vacancytest
