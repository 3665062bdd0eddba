#pragma once

// A real TCP proxy between a client and shiqiuren-server that injects faults per HTTP request:
// drop before or after the server saw the request, cut the response after N bytes, delay, or
// answer in the server's place (500, 503, 429 with Retry-After, a non-JSON 502 ...), before or
// after the server committed. It logs what passed through (method, path, Idempotency-Key,
// If-Match, the fault, times, statuses; never Authorization or bodies) so the sync tests can
// prove "no loss, no duplicates, the backoff honoured".
//
// It listens on 127.0.0.1 and runs its sockets in a thread of its own, so a test may block its
// own thread on a client call. It understands just enough HTTP/1.1 to act per request:
// Content-Length and chunked bodies, keep-alive with several requests on one connection (handled
// one after the other), Connection: close, HEAD/204/304 without bodies. Requests and responses
// are forwarded byte for byte. Each client connection gets its own upstream connection.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace synctest {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct FaultRule {
    enum Kind {
        Pass, ///< forward, answer with the server's response
        DropBeforeForward, ///< close the client connection; the server never sees the request
        DropAfterForward, ///< forward, read the whole response, close the client with nothing sent
        CutResponse, ///< forward, send the client the first `cutBytes` bytes of the response, close
        Delay, ///< Pass, after `delayMs`
        Respond, ///< answer `status`/`body`/`headers` without forwarding
        RespondAfterForward, ///< forward, let the server answer, send `status`/... instead
    };

    Kind kind = Pass;
    /// Matching requests this rule applies to before it is consumed; < 0: never consumed.
    int count = 1;
    /// Matching requests to let by (to the later rules, then the default) before it applies:
    /// `skip = N - 1` hits the N-th matching request.
    int skip = 0;
    QByteArray method; ///< empty: any
    QString pathPrefix; ///< empty: any; compared with the request target (path and query)
    /// Held this long before acting, for every kind (Delay is Pass with this).
    int delayMs = 0;
    int cutBytes = 0; ///< CutResponse
    int status = 0; ///< Respond, RespondAfterForward
    QByteArray body; ///< Respond, RespondAfterForward; its Content-Type is added unless given
    /// Respond, RespondAfterForward: extra headers (Content-Length is added unless given here).
    HeaderList headers;

    static FaultRule pass() { return {}; }
    static FaultRule dropBeforeForward() { return { .kind = DropBeforeForward }; }
    static FaultRule dropAfterForward() { return { .kind = DropAfterForward }; }
    static FaultRule cutResponse(int bytes) { return { .kind = CutResponse, .cutBytes = bytes }; }
    static FaultRule delay(int ms) { return { .kind = Delay, .delayMs = ms }; }
    static FaultRule respond(int status, QByteArray body = {}, HeaderList headers = {});
    /// The server's error shape: `{"error": code, "message": "…"}`.
    static FaultRule respondError(int status, const QString& code, HeaderList headers = {});
    static FaultRule respondAfterForward(int status, QByteArray body = {}, HeaderList headers = {});

    /// Copies with one field changed, for chaining: `FaultRule::dropAfterForward().on("POST",
    /// "/api/vacancies").times(2)`.
    FaultRule on(QByteArray method, QString pathPrefix = {}) const;
    FaultRule times(int n) const;
    FaultRule afterSkipping(int n) const;
    FaultRule delayedBy(int ms) const;

    bool matches(const QByteArray& method, const QString& path) const;

    /// "pass", "drop-before", "drop-after", "cut", "delay", "respond", "respond-after".
    static QString kindName(Kind kind);
    /// A rule from the command-line form `KIND[=ARG][,count=N][,skip=N][,method=M][,path=P]
    /// [,delay=MS][,header=Name: value]...[,body=REST]` (body takes the rest, commas and all),
    /// e.g. `respond=429,count=3,header=Retry-After: 2,body={"error":"too-many-attempts"}` or
    /// `drop-after,method=POST,path=/api/vacancies`. nullopt and `*error` when it is not one.
    static std::optional<FaultRule> parse(const QString& spec, QString* error = nullptr);
};

struct ProxyLogEntry {
    int sequence = 0; ///< 1-based, in the order the requests arrived (not reset by clearLog)
    int connection = 0; ///< 1-based client connection; keep-alive requests share it
    QByteArray method;
    QString path; ///< the request target: path and query
    QByteArray idempotencyKey; ///< empty: no Idempotency-Key header
    QByteArray ifMatch; ///< empty: no If-Match header
    FaultRule::Kind fault = FaultRule::Pass;
    qint64 receivedMs = 0; ///< proxy clock (FaultProxy::elapsedMs) when the request was complete
    qint64 finishedMs = -1; ///< when the client was answered, cut or dropped; -1: not yet
    bool forwarded = false; ///< the request was sent on to the server
    int upstreamStatus = 0; ///< what the server answered; 0: not forwarded, or no answer
    /// The status of the complete response the client was sent; 0: none (dropped, cut, or the
    /// client had gone by then).
    int status = 0;
    bool clientGone = false; ///< the client closed its connection before it was answered
    bool upstreamFailed = false; ///< the server could not be reached or closed mid-response

    bool finished() const { return finishedMs >= 0; }
    /// One line for failure messages and the fault-proxy program.
    QString describe() const;
};

class FaultProxy {
public:
    /// Starts listening on 127.0.0.1:`listenPort` (0: a free port) in a thread of its own;
    /// throws std::runtime_error when it cannot.
    FaultProxy(QString upstreamHost, quint16 upstreamPort, quint16 listenPort = 0);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    quint16 port() const;
    /// "http://127.0.0.1:<port>".
    QString baseUrl() const;

    /// Queues a rule. Each request takes the first queued rule that matches it (and is done
    /// skipping), or the default when none does.
    void push(FaultRule rule);
    /// The rule for requests no queued rule takes (Pass unless set; its count is ignored).
    void setDefault(FaultRule rule);
    void clearRules();
    /// Queued rules not consumed yet.
    int rulesPending() const;

    /// Every request since the start or the last clearLog(), in arrival order. Entries whose
    /// request is still being handled have finishedMs -1.
    QList<ProxyLogEntry> log() const;
    void clearLog();
    /// Requests received since the start (clearLog() does not reset it).
    int requestsSeen() const;
    /// Waits until the log holds at least `count` finished entries; false on timeout.
    bool waitForFinished(int count, int timeoutMs = 10000) const;
    /// Milliseconds since the proxy started: the clock of the log's times.
    qint64 elapsedMs() const;

    /// Called in the proxy's thread for each entry as it finishes.
    void setObserver(std::function<void(const ProxyLogEntry&)> observer);

    struct Private;

private:
    std::unique_ptr<Private> d;
};

} // namespace synctest
