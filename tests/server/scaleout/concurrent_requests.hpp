#pragma once

// Requests in flight at the same time, for the scale-out suite: several server instances see
// them concurrently while the test waits for a condition it can observe (an answer, a backend
// waiting for a lock), never for a fixed time.

#include "http_client.hpp"

#include <QList>
#include <QNetworkAccessManager>
#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>

namespace scaletest {

using servertest::Headers;
using servertest::Reply;

struct Request {
    QString url;
    QByteArray method;
    QByteArray body;
    Headers headers;
};

/// A JSON request with a bearer token (empty: none) and extra headers.
Request jsonRequest(const QString& url, const QByteArray& method, const QByteArray& body,
    const QString& token = {}, const Headers& extra = {});

/// Sends requests without waiting; answers arrive while the event loop runs (waitUntil, wait).
class AsyncClient {
public:
    AsyncClient();
    ~AsyncClient();
    AsyncClient(const AsyncClient&) = delete;
    AsyncClient& operator=(const AsyncClient&) = delete;

    /// Starts `request`; `done` runs on the event loop with the answer (status 0: none).
    void send(const Request& request, std::function<void(const Reply&)> done);
    /// Starts `request`; the slot its answer will be in.
    std::shared_ptr<Reply> start(const Request& request);
    int pending() const { return pending_; }

private:
    std::unique_ptr<QNetworkAccessManager> manager_;
    int pending_ = 0;
};

/// Runs the event loop until `condition` holds; FAILs naming `what` after a minute (a hang, not a
/// timing threshold: nothing here is expected to take more than a fraction of that).
void waitUntil(const std::function<bool()>& condition, const char* what);

/// Sends every request at once and waits for all answers.
QList<Reply> sendTogether(const QList<Request>& requests);

/// Backends of this database (other than `db`'s own) waiting for a lock right now: a server
/// instance blocked on a row another transaction holds.
int backendsWaitingForLocks(const QSqlDatabase& db);

} // namespace scaletest
