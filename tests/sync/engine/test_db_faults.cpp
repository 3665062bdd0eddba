// A database fault at every statement of a sync (Nextcloud's testdatabaseerror): for each N the
// N-th statement of the run fails; the store stays consistent, the next sync completes, and the
// server holds each vacancy exactly once.
#include "engine_support.hpp"

using namespace synctest;
using namespace servertest;

TEST_CASE("sync: a database fault at any statement of a sync loses and duplicates nothing",
    "[sync][engine][faults]")
{
    TestServer server;
    const QString token = clerkSession(server.client());
    Workstation clerk(server.baseUrl(), token);
    // Another client keeps the feed busy, so the pull has something to apply.
    Workstation other(server.baseUrl(), clerkSession(server.client()));
    clerk.syncOk();

    QStringList live; // titles the server should have, each once
    int faults = 0;
    for (int n = 1;; ++n) {
        INFO("statement " << n << " of the sync fails");
        // A create, an update of the last one, a delete of the one before; another client's
        // create and an edit of one of ours.
        const QString title = QStringLiteral("故障%1").arg(n);
        const QString id = clerk.store().records().createDraft(newVacancy(title, 1 + n % 2));
        clerk.store().records().queue(id);
        if (live.size() >= 1) {
            clerk.edit(
                live.last(), [n](Vacancy& v) { v.duties = QStringLiteral("第%1次修改").arg(n); });
        }
        if (live.size() >= 3) {
            const QString doomed = live.takeAt(live.size() - 3);
            clerk.store().records().remove(clerk.byTitle(doomed).localId);
        }
        live << title;
        const QString otherTitle = QStringLiteral("他人%1").arg(n);
        const QString otherId = other.store().records().createDraft(newVacancy(otherTitle));
        other.store().records().queue(otherId);
        other.syncOk();
        live << otherTitle;
        if (live.size() >= 4) {
            other.syncOk();
            other.edit(live.at(live.size() - 4),
                [n](Vacancy& v) { v.qualifications = QStringLiteral("他人第%1次修改").arg(n); });
            other.syncOk();
        }

        clerk.store().failStatementAfter(n);
        const SyncReport faulted = clerk.sync();
        const bool fired = !clerk.store().faultPending();
        clerk.store().failStatementAfter(0);
        checkConsistent(clerk.store());
        if (fired) {
            ++faults;
            // (A fault in the status read after the run leaves it completed, with the error.)
            CHECK(faulted.error.contains(QLatin1String("injected fault")));
        } else {
            CHECK(faulted.completed);
        }

        const SyncReport next = clerk.syncOk();
        CHECK(next.queued == 0);
        checkSameAsServer(clerk.store(), server.client(), token);
        const auto records = serverRecords(server.client(), token);
        for (const QString& t : live)
            CHECK(countTitle(records, t) == 1);
        if (!fired)
            break; // the sync ran fewer than n statements: every point has failed once
        REQUIRE(n < 1000);
    }
    CHECK(faults > 30);
}
