#pragma once

namespace server::http {

/// How much the service takes on at once, and from whom (docs/server.md, "Limits").
struct ServiceLimits {
    int workers = 4; ///< handler threads; 0 = every handler on the event loop, one at a time
    int queue = 64; ///< requests waiting for a worker; beyond it `503 server-busy`
    int maxConnections = 256; ///< open connections; one more is answered 503 and closed
    /// A connection must deliver a whole request within this many seconds of opening or of its
    /// previous answer, or it is closed (slow senders and idle keep-alive alike).
    int requestTimeoutSeconds = 20;
    /// The peer is a TLS-terminating reverse proxy: plain HTTP off loopback is allowed, and the
    /// last X-Forwarded-For address is the client's (for the limiters and the log).
    bool behindProxy = false;
    int passwordClientPerMinute = 20; ///< password checks a minute from one client address
    int passwordGlobalPerMinute = 240; ///< password checks a minute in all
};

} // namespace server::http
