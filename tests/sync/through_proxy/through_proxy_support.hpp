#pragma once

// What the sync suites behind the fault proxy share: the server and the proxy in front of it, the
// proxy's log as text for a failure's message, and syncing until the outbox is empty.

#include "../engine/engine_support.hpp"
#include "fault_proxy.hpp"

#include <QStringList>
#include <QUrl>

namespace synctest {

/// The real server with a clerk's card session, and the fault proxy in front of it.
struct ProxiedServer {
    servertest::TestServer server;
    servertest::HttpClient client = server.client();
    QString token = servertest::clerkSession(client);
    FaultProxy proxy { QUrl(server.baseUrl()).host(), quint16(QUrl(server.baseUrl()).port()) };
};

/// Every request the proxy saw, one line each (for INFO when a check fails).
inline QString describe(const FaultProxy& proxy)
{
    QStringList lines;
    for (const ProxyLogEntry& entry : proxy.log())
        lines << entry.describe();
    return lines.join('\n');
}

/// Syncs until the outbox is empty (each run may stop early on a fault), at most `rounds` times.
inline void syncUntilDone(Workstation& station, int rounds = 10)
{
    for (int i = 0; i < rounds; ++i) {
        const SyncReport report = station.sync();
        if (report.completed && report.queued == 0)
            return;
    }
    FAIL("the outbox did not empty");
}

} // namespace synctest
