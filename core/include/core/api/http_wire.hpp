#pragma once

// The wire under core's HTTP exchange: Qt Network, built as a module of its own
// (core_network, libshiqiuren-network.so) that the first request opens. A program that starts
// without talking to the service then never maps Qt Network and the Kerberos, GSSAPI and proxy
// libraries it pulls in. Both sides are built from this header in one tree; only Qt Core
// types cross it.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <chrono>
#include <optional>

namespace core::api::wire {

/// Answers above this are refused and the connection is dropped.
inline constexpr qint64 maxAnswerBytes = 16 * 1024 * 1024;

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// What the wire needs of ServiceConfig, checked by core before it gets here.
struct Settings {
    std::chrono::milliseconds timeout { 15000 };
    /// SHA-256 of the only leaf certificate accepted, 32 raw bytes; none for no pin.
    std::optional<QByteArray> pin;
    QList<QByteArray> extraCaCertificates; ///< each PEM or DER
    QString userAgent;
};

struct Request {
    QByteArray method;
    QUrl url; ///< whole: base, path and query
    HeaderList headers;
    QByteArray body;
};

/// How one request ended on the wire; core turns each into its ErrorKind and words.
enum class Outcome {
    Answered, ///< a whole HTTP answer, any status
    CutOff, ///< an answer began (status known) and the connection broke
    TooLarge, ///< larger than maxAnswerBytes
    TimedOut, ///< not complete within Settings::timeout
    Tls, ///< handshake failed, untrusted, or not the pinned certificate
    SocketTimeout, ///< the socket's own timeout
    NotHttp, ///< something answered, but not HTTP
    Network, ///< refused, reset, DNS
};

struct Reply {
    Outcome outcome = Outcome::Network;
    int status = 0; ///< 0 when no HTTP status came
    HeaderList headers; ///< only when Answered
    QByteArray body; ///< only when Answered
    QString problem; ///< the transport's words for what went wrong
};

class Wire {
public:
    virtual ~Wire() = default;
    /// Puts every request on the wire together; returns when each is answered, failed or timed
    /// out, in the order of `requests`. Called on one thread at a time; a call from another
    /// thread than the last one starts over with new connections.
    virtual QList<Reply> exchange(const QList<Request>& requests) = 0;
};

/// The module's one entry point, `extern "C"`; `version` must be `interfaceVersion`.
using CreateWire = Wire* (*)(int version, const Settings& settings);
inline constexpr const char* createWireSymbol = "shiqiuren_create_wire";
/// The module's base name for core/modules (libshiqiuren-network.so).
inline constexpr const char* moduleName = "shiqiuren-network";
inline constexpr int interfaceVersion = 1;

} // namespace core::api::wire
