#include "concurrent_requests.hpp"

#include <QBuffer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSqlQuery>
#include <QThread>
#include <catch2/catch.hpp>

namespace scaletest {

Request jsonRequest(const QString& url, const QByteArray& method, const QByteArray& body,
    const QString& token, const Headers& extra)
{
    Headers headers { { "Content-Type", "application/json" } };
    if (!token.isEmpty())
        headers.append(servertest::bearer(token));
    headers.append(extra);
    return { url, method, body, headers };
}

AsyncClient::AsyncClient()
    : manager_(std::make_unique<QNetworkAccessManager>())
{ }

AsyncClient::~AsyncClient() = default;

void AsyncClient::send(const Request& r, std::function<void(const Reply&)> done)
{
    QNetworkRequest request { QUrl(r.url) };
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto& [name, value] : r.headers)
        request.setRawHeader(name, value);
    auto* buffer = new QBuffer;
    buffer->setData(r.body);
    buffer->open(QIODevice::ReadOnly);
    QNetworkReply* reply = manager_->sendCustomRequest(request, r.method, buffer);
    buffer->setParent(reply);
    ++pending_;
    QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, done = std::move(done)] {
        --pending_;
        Reply answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        done(answer);
    });
}

std::shared_ptr<Reply> AsyncClient::start(const Request& request)
{
    auto slot = std::make_shared<Reply>();
    send(request, [slot](const Reply& answer) {
        *slot = answer;
        if (slot->status == 0)
            slot->status = -1; // answered with a transport error: not "still waiting"
    });
    return slot;
}

void waitUntil(const std::function<bool()>& condition, const char* what)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > 60000)
            FAIL("still waiting for " << what);
        QEventLoop loop;
        loop.processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
}

QList<Reply> sendTogether(const QList<Request>& requests)
{
    AsyncClient client;
    QList<std::shared_ptr<Reply>> waiting;
    for (const Request& request : requests)
        waiting.append(client.start(request));
    waitUntil([&client] { return client.pending() == 0; }, "every answer");
    QList<Reply> answers;
    for (const auto& slot : waiting)
        answers.append(*slot);
    return answers;
}

int backendsWaitingForLocks(const QSqlDatabase& db)
{
    QSqlQuery query(db);
    // Each statement outside a transaction reads fresh statistics (inside one they are cached).
    REQUIRE(query.exec("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"));
    REQUIRE(query.next());
    return query.value(0).toInt();
}

} // namespace scaletest
