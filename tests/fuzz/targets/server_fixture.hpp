#pragma once

// The server as the request fuzz target drives it: an ApiServer over the real router and session
// gate, an in-memory SQLite database with the server suites' seed, a throw-away trust anchor, and
// live sessions of each kind. Rebuilt now and then so logouts and writes do not pile up.

#include "server/http/api_server.hpp"
#include "server/service_context.hpp"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <optional>

namespace fuzzing {

/// QCoreApplication, the trust anchor and the first database; once, from LLVMFuzzerInitialize.
void startServerFixture(int* argc, char*** argv);

/// The last warnings the server logged (shown when an answer is a finding).
QByteArray lastServerLog();

class ServerFixture {
public:
    explicit ServerFixture(const QString& trustDir);
    ~ServerFixture();
    ServerFixture(const ServerFixture&) = delete;
    ServerFixture& operator=(const ServerFixture&) = delete;

    /// The input as a request, as ApiServer::handleRequest would see it; nothing when the first
    /// line is not "METHOD TARGET".
    std::optional<server::http::HttpRequest> requestFrom(const QByteArray& input) const;
    /// ApiServer::dispatch, HEAD served as GET as the server does.
    server::http::HttpResponse dispatch(server::http::HttpRequest& request);

    /// New sessions of each kind (after a logout ended one).
    void renewSessions();

private:
    QString connectionName_;
    server::ServiceContext context_;
    std::unique_ptr<server::http::ApiServer> server_;
    QString clerkToken_, agencyToken_, setupToken_;
};

/// The current fixture: a fresh one every few thousand inputs; new sessions after a logout.
ServerFixture& serverFixture();

} // namespace fuzzing
