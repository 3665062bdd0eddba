// core::store::LocalStore on real SQLite files in a temporary folder: the file's mode and pragmas,
// the PIN ledger in the same file, transactions, threads, and the code lists and status.
#include "local_store_fixture.hpp"

using namespace storetest;

TEST_CASE("LocalStore: the file is 0600, WAL, synchronous=FULL, foreign keys on, versioned",
    "[local_store]")
{
    StoreFolder folder;
    const QString nested = folder.dir.filePath(QStringLiteral("a/b/local.sqlite"));
    LocalStore store(nested);
    CHECK(QFile::exists(nested));
    CHECK(fileMode(nested) == 0600U);
    store.records().createDraft(draft()); // the -wal file appears with the first write
    CHECK(fileMode(nested + QStringLiteral("-wal")) == 0600U);

    QSqlDatabase db = storeConnection();
    CHECK(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString() == "wal");
    CHECK(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt() == 2); // FULL
    CHECK(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
    CHECK(scalar(db, QStringLiteral("PRAGMA user_version")).toInt() == 3);
    for (const char* table : { "vacancies", "outbox", "conflicts", "code_lists", "sync_state" })
        CHECK(scalar(db,
                  QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                 "name = '%1'")
                      .arg(QLatin1String(table)))
                  .toInt()
            == 1);
    // The list view's step 2 ran too.
    CHECK(scalar(db,
              QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = "
                             "'vacancies_by_title'"))
              .toInt()
        == 1);
    // Foreign keys hold on the store's connection: no outbox row for an unknown record.
    QSqlQuery orphan(db);
    CHECK_FALSE(orphan.exec(QStringLiteral(
        "INSERT INTO outbox (operation_id, local_id, kind, created_at) VALUES ('x', 'nobody', "
        "'create', 0)")));
}

TEST_CASE(
    "LocalStore narrows a file others could read, and refuses a newer schema", "[local_store]")
{
    StoreFolder folder;
    {
        QFile file(folder.file());
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
            | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    }
    {
        LocalStore store(folder.file());
    }
    CHECK(fileMode(folder.file()) == 0600U);

    withRawConnection(folder.file(),
        [](QSqlDatabase& db) { scalar(db, QStringLiteral("PRAGMA user_version = 99")); });
    CHECK_THROWS_AS(LocalStore(folder.file()), StoreError);

    QFile junk(folder.dir.filePath(QStringLiteral("junk.sqlite")));
    REQUIRE(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    CHECK_THROWS_AS(LocalStore(junk.fileName()), StoreError);
}

TEST_CASE("LocalStore shares its file with the PIN ledger, whichever opens it first",
    "[local_store][pin_ledger]")
{
    using core::auth::CardKey;
    using core::auth::PinLedger;
    const CardKey card { QStringLiteral("TP03000000000001"), {} };
    const auto triesLeft = [&](PinLedger& ledger) { return *ledger.effective(card, {}).triesLeft; };
    StoreFolder folder;

    // core::cards::CardSigner::defaultLedgerDatabase() names the same file (card_signer.cpp).
    CHECK(LocalStore::defaultPath()
        == QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
            + QStringLiteral("/shiqiuren/local.sqlite"));

    SECTION("an existing ledger file keeps its data")
    {
        {
            PinLedger ledger(folder.file());
            ledger.recordFailure(card, std::nullopt);
        }
        QString id;
        {
            LocalStore store(folder.file());
            id = store.records().createDraft(draft());
            PinLedger ledger(folder.file()); // both open at once
            CHECK(triesLeft(ledger) == 2);
            ledger.recordFailure(card, std::nullopt);
            store.records().queue(id);
        }
        LocalStore store(folder.file());
        PinLedger ledger(folder.file());
        CHECK(triesLeft(ledger) == 1);
        CHECK(store.records().find(id)->state == RecordState::Pending);
        withRawConnection(folder.file(), [](QSqlDatabase& db) {
            CHECK(scalar(db,
                      QStringLiteral(
                          "SELECT version FROM schema_version WHERE component = 'pin_ledger'"))
                      .toInt()
                == 1);
            CHECK(scalar(db, QStringLiteral("PRAGMA user_version")).toInt() == 3);
            CHECK(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString() == "wal");
        });
    }
    SECTION("the store first, then the ledger")
    {
        QString id;
        {
            LocalStore store(folder.file());
            id = store.records().createDraft(draft());
        }
        {
            PinLedger ledger(folder.file());
            ledger.recordBlocked(card);
        }
        LocalStore store(folder.file());
        CHECK(store.records().find(id).has_value());
        PinLedger ledger(folder.file());
        CHECK(ledger.effective(card, {}).blocked);
    }
}

TEST_CASE("LocalStore: transactions nest and roll back as a whole", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    CHECK_THROWS_AS(store.inTransaction([&] {
        store.records().createDraft(draft());
        throw StoreError("stop");
    }),
        StoreError);
    CHECK(store.records().all().isEmpty());

    store.inTransaction([&] {
        store.records().createDraft(draft(QStringLiteral("kept")));
        try {
            store.inTransaction([&] {
                store.records().createDraft(draft(QStringLiteral("undone")));
                throw std::runtime_error("inner");
            });
        } catch (const std::runtime_error&) { }
        store.syncState().setFeedCursor(QStringLiteral("c1"));
    });
    REQUIRE(store.records().all().size() == 1);
    CHECK(store.records().all().first().data.title == "kept");
    CHECK(store.syncState().feedCursor() == "c1");
}

TEST_CASE("LocalStore: one connection per thread", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString id = store.records().createDraft(draft());
    const auto countConnections = [] {
        int n = 0;
        for (const QString& name : QSqlDatabase::connectionNames())
            n += name.startsWith(QLatin1String("shiqiuren-store:")) ? 1 : 0;
        return n;
    };
    CHECK(countConnections() == 1);
    std::thread worker([&] {
        store.records().saveAndQueue(id, draft(QStringLiteral("from the worker")));
        // Two threads writing at once wait for each other instead of failing.
        for (int i = 0; i < 20; ++i)
            store.records().createDraft(draft(QStringLiteral("w%1").arg(i)));
    });
    for (int i = 0; i < 20; ++i)
        store.records().createDraft(draft(QStringLiteral("m%1").arg(i)));
    worker.join();
    // The worker's connection went with its thread.
    CHECK(countConnections() == 1);
    CHECK(store.records().find(id)->data.title == "from the worker");
    CHECK(store.records().all().size() == 41);
    checkConsistent(store);
}

TEST_CASE("LocalStore: code lists and status", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    CHECK_FALSE(store.syncState().cachedCodeLists().has_value());
    store.syncState().saveCodeLists("{\"a\":1}", QStringLiteral("\"abc\""));
    store.syncState().saveCodeLists("{\"a\":2}", QStringLiteral("\"def\""));
    CHECK(store.syncState().cachedCodeLists()->bundle == "{\"a\":2}");
    CHECK(store.syncState().cachedCodeLists()->etag == "\"def\"");
    CHECK_FALSE(store.syncState().lastSuccessfulSync().isValid());
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(1'760'000'000'123, Qt::UTC);
    store.syncState().setLastSuccessfulSync(when);
    CHECK(store.syncState().lastSuccessfulSync() == when);
    store.syncState().setCodeListsCheckedAt(when);
    CHECK(store.syncState().codeListsCheckedAt() == when);
}
