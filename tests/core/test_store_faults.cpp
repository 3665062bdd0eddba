// A fault injected into every statement of a run of store operations: each leaves a consistent
// store, and the run can go on to the same end as without faults.
#include "local_store_fixture.hpp"

using namespace storetest;

namespace {

/// The run of operations the fault loop breaks: every kind of write the store has. Each step is
/// one public call (one transaction), so a failed step can simply be run again.
struct Run {
    LocalStore& store;
    QStringList ids;
    qint64 sequence = 0;

    QList<std::function<void()>> steps()
    {
        const auto head = [this](int record) {
            const auto rows = rowsOf(store, ids.at(record));
            REQUIRE_FALSE(rows.isEmpty());
            return rows.first().sequence;
        };
        return {
            [this] { ids << store.records().createDraft(draft(QStringLiteral("一"))); },
            [this] { ids << store.records().createDraft(draft(QStringLiteral("二"))); },
            [this] { ids << store.records().createDraft(draft(QStringLiteral("三"))); },
            [this] { store.records().saveAndQueue(ids[0], draft(QStringLiteral("一改"))); },
            [this] { store.records().queue(ids[1]); },
            [this] { store.records().queue(ids[2]); },
            [this, head] { store.outbox().beginAttempt(head(0)); },
            [this, head] {
                store.outbox().acknowledge(head(0),
                    serverVersion(draft(QStringLiteral("一改")), QStringLiteral("1150100100")),
                    QStringLiteral("\"1\""));
            },
            [this, head] { store.outbox().beginAttempt(head(1)); },
            [this, head] {
                store.outbox().deferOperation(
                    head(1), QDateTime::currentDateTimeUtc(), QStringLiteral("x"));
            },
            [this] { store.records().saveAndQueue(ids[1], draft(QStringLiteral("二改"))); },
            [this, head] {
                store.outbox().reject(head(2), QStringLiteral("validation-failed"),
                    { { QStringLiteral("title"), QStringLiteral("不行") } });
            },
            [this] { store.records().saveAndQueue(ids[0], draft(QStringLiteral("一再改"))); },
            [this] {
                store.syncState().applyServerRecord(
                    serverVersion(draft(QStringLiteral("他")), QStringLiteral("1150100200")),
                    QStringLiteral("\"1\""));
            },
            [this] {
                Vacancy base = *store.records().find(ids[0])->base;
                Vacancy server = base;
                server.duties = QStringLiteral("伺服器");
                ConflictRecord c { ids[0], store.records().find(ids[0])->data, server, base,
                    QStringLiteral("\"2\""), { QStringLiteral("title") }, {} };
                store.syncState().recordConflict(c);
            },
            [this] { store.syncState().resolveConflict(ids[0], draft(QStringLiteral("解決"))); },
            [this, head] {
                Vacancy server
                    = serverVersion(draft(QStringLiteral("一")), QStringLiteral("1150100100"), 3);
                store.outbox().rebase(head(0), server, QStringLiteral("\"3\""), server);
            },
            [this] {
                store.inTransaction([&] {
                    store.syncState().applyServerTombstone(
                        QStringLiteral("1150100200"), QStringLiteral("\"2\""), {});
                    store.syncState().setFeedCursor(QStringLiteral("cursor-1"));
                });
            },
            [this] { store.records().remove(ids[2]); },
            [this, head] { store.outbox().beginAttempt(head(1)); },
            [this] { store.records().remove(ids[1]); },
            [this, head] {
                store.outbox().acknowledge(head(1),
                    serverVersion(draft(QStringLiteral("二")), QStringLiteral("1150100300")),
                    QStringLiteral("\"1\""));
            },
            [this, head] { store.outbox().acknowledgeDelete(head(1)); },
            [this] { store.syncState().saveCodeLists("{}", QStringLiteral("\"e\"")); },
            [this] { store.syncState().setLastSuccessfulSync(QDateTime::currentDateTimeUtc()); },
        };
    }
};

/// What the run leaves, without the ids and times that differ between runs.
QStringList summary(const LocalStore& store)
{
    QStringList lines;
    for (const LocalVacancy& r : store.records().all())
        lines << QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                     .arg(r.serverId, r.etag, r.data.title)
                     .arg(int(r.state))
                     .arg(r.deleted)
                     .arg(r.queuedOperations)
                     .arg(r.rejection.size());
    for (const OutboxEntry& e : store.outbox().entries())
        lines << QStringLiteral("row %1 %2").arg(int(e.kind)).arg(QString::fromUtf8(e.body));
    lines << store.syncState().feedCursor()
          << QString::number(store.syncState().conflicts().size());
    lines.sort();
    return lines;
}

} // namespace

TEST_CASE("LocalStore: a fault at any statement leaves a consistent store that can go on",
    "[local_store][faults]")
{
    QStringList expected;
    {
        MemoryFolder folder;
        LocalStore store(folder.file());
        Run run { store };
        for (const auto& step : run.steps())
            step();
        expected = summary(store);
        checkConsistent(store);
    }
    int faults = 0;
    for (int n = 1;; ++n) {
        INFO("statement " << n << " fails");
        MemoryFolder folder;
        LocalStore store(folder.file());
        Run run { store };
        const auto steps = run.steps();
        store.failStatementAfter(n);
        bool failed = false;
        for (const auto& step : steps) {
            try {
                step();
            } catch (const StoreError& e) {
                REQUIRE_FALSE(failed); // one fault per run
                failed = true;
                ++faults;
                CHECK(QString::fromUtf8(e.what()).contains(QLatin1String("injected fault")));
                checkConsistent(store);
                step(); // the retry goes through
            }
        }
        if (!failed) {
            CHECK(store.faultPending()); // the run ended before statement n
            store.failStatementAfter(0);
            CHECK(summary(store) == expected);
            break;
        }
        CHECK_FALSE(store.faultPending());
        CHECK(summary(store) == expected);
        checkConsistent(store);
        REQUIRE(n < 2000);
    }
    CHECK(faults > 50);
}
