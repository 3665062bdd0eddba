// The server's request side, whole: a request (method, path and query, headers, body) goes through
// the real router, the session gate and every handler, over an in-memory SQLite database holding
// the server suites' seed. Bodies, query parameters, headers (Authorization, If-Match,
// If-None-Match, Idempotency-Key, Content-Type) and the web-eid token all come from the input.
// Any answer of 500 (a handler threw what it should not) or 503 (the database refused what the
// handler sent it) is a finding, and so is an answer that is not what the contract allows.
//
// Input: "METHOD /path?query\n", header lines "Name: value\n", an empty line, then the body.
// In header values `$CLERK` (a card session with an account), `$AGENCY` (an agency card's
// session) and `$SETUP` (a card session before account setup) stand for live session tokens.
#include "server_fixture.hpp"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <cstdio>
#include <cstdlib>

namespace {

/// Routes that run scrypt (a password check or a new password hash): ~0.1 s each, which would
/// starve everything else. Their bodies go through the same JsonFields reader as the others.
bool hashesAPassword(const server::http::HttpRequest& request)
{
    return (request.method == "POST" && request.path == QLatin1String("/api/v1/auth/password"))
        || ((request.method == "PUT" || request.method == "PATCH")
            && request.path == QLatin1String("/api/v1/account"));
}

void checkAnswer(const server::http::HttpResponse& response, const QByteArray& input)
{
    bool wrong = response.status >= 500 || response.status < 200;
    if (!wrong && response.contentType == "application/json" && response.status != 204) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
        wrong = error.error != QJsonParseError::NoError || !document.isObject();
    }
    if (wrong) {
        std::fprintf(stderr, "answer %d %s\n%s\nlog:\n%s\nrequest:\n%s\n", response.status,
            response.errorCode.toUtf8().constData(), response.body.left(2000).constData(),
            fuzzing::lastServerLog().constData(), input.left(4000).constData());
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzzing::startServerFixture(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    fuzzing::ServerFixture& fixture = fuzzing::serverFixture();
    std::optional<server::http::HttpRequest> request = fixture.requestFrom(input);
    if (!request || hashesAPassword(*request))
        return 0;
    checkAnswer(fixture.dispatch(*request), input);
    return 0;
}
