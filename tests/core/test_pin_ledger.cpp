// core::auth::PinLedger on real SQLite files in a temporary folder: counting, resets, restarts,
// the card's figure winning, keys, the file's mode and schema, and broken files.
#include "core/auth/pin_ledger.hpp"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <catch2/catch.hpp>
#include <functional>
#include <sys/stat.h>

using namespace core::auth;
using Source = PinStatus::Source;

namespace {

const CardKey cardA { QStringLiteral("TP03000000000001"), QStringLiteral("0A1B2C") };
const CardKey cardB { QStringLiteral("TP03000000000002"), QStringLiteral("3D4E5F") };

/// What a token that reports nothing about its PIN hands over (a HiCOS module without figures).
PinStatus silent()
{
    PinStatus status;
    status.minLength = 6;
    status.maxLength = 8;
    return status;
}

PinStatus reported(Source source, std::optional<int> triesLeft, bool blocked = false)
{
    PinStatus status = silent();
    status.source = source;
    status.triesLeft = triesLeft;
    status.blocked = blocked;
    return status;
}

/// The ledger's own view (nothing from the card); checks that the ledger decided it.
PinStatus ledgerView(PinLedger& ledger, const CardKey& card)
{
    const PinStatus status = ledger.effective(card, silent());
    CHECK(status.source == Source::Ledger);
    REQUIRE(status.triesLeft.has_value());
    return status;
}

int triesLeft(PinLedger& ledger, const CardKey& card)
{
    return *ledgerView(ledger, card).triesLeft;
}

struct LedgerFolder {
    QTemporaryDir dir;
    QString file() const { return dir.filePath(QStringLiteral("local.sqlite")); }
};

LedgerError::Reason failureReason(const std::function<void()>& action)
{
    try {
        action();
    } catch (const LedgerError& error) {
        CHECK_FALSE(error.userMessage().isEmpty());
        return error.reason();
    }
    FAIL("no LedgerError was thrown");
    return LedgerError::Reason::Failed;
}

unsigned fileMode(const QString& path)
{
    struct stat info { };
    REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
    return info.st_mode & 0777U;
}

/// Runs `work` on a connection of the test's own, closed again before returning.
void withRawConnection(const QString& file, const std::function<void(QSqlDatabase&)>& work)
{
    const QString name = QStringLiteral("test-pin-ledger-raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        REQUIRE(db.open());
        work(db);
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

TEST_CASE("PinLedger counts wrong PINs from three down to blocked", "[pin_ledger]")
{
    LedgerFolder folder;
    PinLedger ledger(folder.file());

    PinStatus status = ledgerView(ledger, cardA);
    CHECK(*status.triesLeft == 3);
    CHECK_FALSE(status.blocked);
    CHECK_FALSE(status.countLow);
    CHECK(status.minLength == 6); // lengths come from the token even when the ledger decides
    CHECK(status.maxLength == 8);

    ledger.recordFailure(cardA, std::nullopt);
    status = ledgerView(ledger, cardA);
    CHECK(*status.triesLeft == 2);
    CHECK(status.countLow);
    CHECK_FALSE(status.blocked);

    ledger.recordFailure(cardA, std::nullopt);
    CHECK(triesLeft(ledger, cardA) == 1);

    ledger.recordFailure(cardA, std::nullopt);
    status = ledgerView(ledger, cardA);
    CHECK(*status.triesLeft == 0);
    CHECK(status.blocked);

    // Further failures cannot take it below zero or unblock it.
    ledger.recordFailure(cardA, std::nullopt);
    status = ledgerView(ledger, cardA);
    CHECK(*status.triesLeft == 0);
    CHECK(status.blocked);
}

TEST_CASE("PinLedger starts over after a correct PIN", "[pin_ledger]")
{
    LedgerFolder folder;
    PinLedger ledger(folder.file());
    ledger.recordFailure(cardA, std::nullopt);
    ledger.recordFailure(cardA, std::nullopt);
    REQUIRE(triesLeft(ledger, cardA) == 1);

    ledger.recordSuccess(cardA);
    const PinStatus status = ledgerView(ledger, cardA);
    CHECK(*status.triesLeft == 3);
    CHECK_FALSE(status.countLow);
    CHECK_FALSE(status.blocked);
}

TEST_CASE("PinLedger keeps its count and the blocked state across a restart", "[pin_ledger]")
{
    LedgerFolder folder;
    {
        PinLedger ledger(folder.file());
        ledger.recordFailure(cardA, std::nullopt);
        ledger.recordBlocked(cardB);
    }
    {
        PinLedger ledger(folder.file());
        CHECK(triesLeft(ledger, cardA) == 2);
        CHECK(ledgerView(ledger, cardB).blocked);
        ledger.recordFailure(cardA, std::nullopt);
        ledger.recordFailure(cardA, std::nullopt);
    }
    PinLedger ledger(folder.file());
    const PinStatus status = ledgerView(ledger, cardA);
    CHECK(status.blocked);
    CHECK(*status.triesLeft == 0);
    CHECK(ledgerView(ledger, cardB).blocked);
}

TEST_CASE("PinLedger gives way to the card's own figure and resyncs to it", "[pin_ledger]")
{
    LedgerFolder folder;
    PinLedger ledger(folder.file());

    SECTION("the card says 1 left while the ledger thought 3")
    {
        REQUIRE(triesLeft(ledger, cardA) == 3);
        const PinStatus status = ledger.effective(cardA, reported(Source::Card, 1));
        CHECK(status.source == Source::Card);
        CHECK(*status.triesLeft == 1);
        CHECK_FALSE(status.blocked);
        CHECK(triesLeft(ledger, cardA) == 1);
    }
    SECTION("the card says 3 after the ledger counted 2 failures")
    {
        ledger.recordFailure(cardA, std::nullopt);
        ledger.recordFailure(cardA, std::nullopt);
        const PinStatus status = ledger.effective(cardA, reported(Source::Card, 3));
        CHECK(status.source == Source::Card);
        CHECK(*status.triesLeft == 3);
        CHECK(triesLeft(ledger, cardA) == 3);
    }
    SECTION("the card says 3 to a ledger that had recorded it blocked")
    {
        // Unblocked at the counter with the PUK: the card knows, the ledger cannot.
        ledger.recordBlocked(cardA);
        CHECK(*ledger.effective(cardA, reported(Source::Card, 3)).triesLeft == 3);
        const PinStatus status = ledgerView(ledger, cardA);
        CHECK_FALSE(status.blocked);
        CHECK(*status.triesLeft == 3);
    }
    SECTION("the module's blocked wins, and the ledger records it")
    {
        const PinStatus status = ledger.effective(cardA, reported(Source::Module, {}, true));
        CHECK(status.source == Source::Module);
        CHECK(status.blocked);
        CHECK(ledgerView(ledger, cardA).blocked);
    }
    SECTION("a card saying 0 left is blocked")
    {
        CHECK(ledger.effective(cardA, reported(Source::Card, 0)).blocked);
        CHECK(ledgerView(ledger, cardA).blocked);
    }
    SECTION("a wrong PIN with the card's figure takes that figure")
    {
        ledger.recordFailure(cardA, 2);
        CHECK(triesLeft(ledger, cardA) == 2);
        ledger.recordFailure(cardA, 0);
        CHECK(ledgerView(ledger, cardA).blocked);
    }
    SECTION("a figure from neither the card nor the module does not override the ledger")
    {
        ledger.recordFailure(cardA, std::nullopt);
        ledger.recordFailure(cardA, std::nullopt);
        const PinStatus status = ledger.effective(cardA, reported(Source::Unknown, 3));
        CHECK(status.source == Source::Ledger);
        CHECK(*status.triesLeft == 1);
    }
    SECTION("a card reporting only a low count leaves the decision to the ledger")
    {
        ledger.recordFailure(cardA, std::nullopt);
        PinStatus token = reported(Source::Card, {});
        token.countLow = true;
        const PinStatus status = ledger.effective(cardA, token);
        CHECK(status.source == Source::Ledger);
        CHECK(*status.triesLeft == 2);
        CHECK(status.countLow);
    }
}

TEST_CASE("PinLedger keeps each card's count apart", "[pin_ledger]")
{
    LedgerFolder folder;
    PinLedger ledger(folder.file());
    ledger.recordFailure(cardA, std::nullopt);
    ledger.recordFailure(cardA, std::nullopt);
    ledger.recordBlocked(cardB);

    CHECK(triesLeft(ledger, cardA) == 1);
    CHECK(ledgerView(ledger, cardB).blocked);
    ledger.recordSuccess(cardB);
    CHECK(triesLeft(ledger, cardB) == 3);
    CHECK(triesLeft(ledger, cardA) == 1);
}

TEST_CASE("PinLedger keys a card by its number, else by its certificate serial", "[pin_ledger]")
{
    CHECK(ledgerKey(cardA) == QStringLiteral("card:TP03000000000001"));
    CHECK(ledgerKey({ QStringLiteral(" tp03000000000001\n"), {} })
        == QStringLiteral("card:TP03000000000001"));
    CHECK(ledgerKey({ {}, QStringLiteral("0a:1b:2c") }) == QStringLiteral("cert:A1B2C"));
    CHECK(ledgerKey({ {}, QStringLiteral("00A1B2C") }) == QStringLiteral("cert:A1B2C"));
    CHECK(ledgerKey({ {}, QStringLiteral("00") }) == QStringLiteral("cert:0"));
    CHECK(failureReason([] { ledgerKey({}); }) == LedgerError::Reason::InvalidKey);
    CHECK(failureReason([] {
        ledgerKey({ {}, QStringLiteral("0x12") });
    }) == LedgerError::Reason::InvalidKey);

    LedgerFolder folder;
    PinLedger ledger(folder.file());
    ledger.recordFailure({ cardA.cardNumber, QStringLiteral("01") }, std::nullopt);
    // Same card number, another certificate (renewed on the same card): the same PIN.
    CHECK(triesLeft(ledger, { cardA.cardNumber, QStringLiteral("02") }) == 2);
    // Same serial, but no card number to go by: a different entry.
    CHECK(triesLeft(ledger, { {}, QStringLiteral("01") }) == 3);

    ledger.recordFailure({ {}, QStringLiteral("0a1b") }, std::nullopt);
    CHECK(triesLeft(ledger, { {}, QStringLiteral("0A:1B") }) == 2);
    CHECK(failureReason([&] { ledger.recordFailure({}, std::nullopt); })
        == LedgerError::Reason::InvalidKey);
}

TEST_CASE("PinLedger works from another thread on the same file", "[pin_ledger]")
{
    LedgerFolder folder;
    PinLedger ledger(folder.file());
    ledger.recordFailure(cardA, std::nullopt);

    // QtSql connections belong to their thread: the worker must get one of its own.
    std::optional<int> seenByWorker;
    QString workerError;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        try {
            ledger.recordFailure(cardA, std::nullopt);
            seenByWorker = ledger.effective(cardA, silent()).triesLeft;
        } catch (const LedgerError& error) {
            workerError = QString::fromUtf8(error.what());
        }
    }));
    worker->start();
    REQUIRE(worker->wait());
    INFO(workerError.toStdString());
    CHECK(workerError.isEmpty());
    CHECK(seenByWorker == 1);
    CHECK(triesLeft(ledger, cardA) == 1);
}

TEST_CASE("PinLedger creates its file with mode 0600, and its folder", "[pin_ledger]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("data/shiqiuren/local.sqlite"));
    PinLedger ledger(file);
    CHECK(fileMode(file) == 0600U);

    ledger.recordFailure(cardA, std::nullopt);
    // WAL mode: the write-ahead log exists while the ledger is open, with the database's mode.
    const QString wal = file + QStringLiteral("-wal");
    REQUIRE(QFileInfo::exists(wal));
    CHECK(fileMode(wal) == 0600U);
}

TEST_CASE("PinLedger narrows a ledger file others could read to its owner", "[pin_ledger]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("local.sqlite"));
    {
        PinLedger first(file);
    }
    QFile(file).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
        | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    REQUIRE(fileMode(file) == 0644U);
    PinLedger again(file);
    CHECK(fileMode(file) == 0600U);
}

TEST_CASE("PinLedger's schema: a version table and counts only", "[pin_ledger]")
{
    LedgerFolder folder;
    {
        PinLedger ledger(folder.file());
        ledger.recordFailure(cardA, std::nullopt);
    }
    withRawConnection(folder.file(), [](QSqlDatabase& db) {
        QSqlQuery version(db);
        REQUIRE(version.exec(QStringLiteral("SELECT component, version FROM schema_version")));
        REQUIRE(version.next());
        CHECK(version.value(0).toString() == QStringLiteral("pin_ledger"));
        CHECK(version.value(1).toInt() == 1);
        CHECK_FALSE(version.next());

        QSqlQuery columns(db);
        REQUIRE(columns.exec(QStringLiteral("SELECT name FROM pragma_table_info('pin_ledger')")));
        QStringList names;
        while (columns.next())
            names << columns.value(0).toString();
        CHECK(names
            == QStringList { QStringLiteral("card_key"), QStringLiteral("failures"),
                QStringLiteral("blocked"), QStringLiteral("updated_at") });

        QSqlQuery rows(db);
        REQUIRE(rows.exec(QStringLiteral("SELECT card_key, failures, blocked FROM pin_ledger")));
        REQUIRE(rows.next());
        CHECK(rows.value(0).toString() == QStringLiteral("card:TP03000000000001"));
        CHECK(rows.value(1).toInt() == 1);
        CHECK(rows.value(2).toInt() == 0);
    });
}

TEST_CASE("PinLedger refuses a ledger written by a newer version", "[pin_ledger]")
{
    LedgerFolder folder;
    {
        PinLedger ledger(folder.file());
    }
    withRawConnection(folder.file(), [](QSqlDatabase& db) {
        QSqlQuery(db).exec(QStringLiteral(
            "UPDATE schema_version SET version = 99 WHERE component = 'pin_ledger'"));
    });
    CHECK(failureReason([&] { PinLedger ledger(folder.file()); })
        == LedgerError::Reason::NewerSchema);
}

TEST_CASE("PinLedger reports a file that is not a database as corrupt", "[pin_ledger]")
{
    LedgerFolder folder;
    {
        QFile garbage(folder.file());
        REQUIRE(garbage.open(QIODevice::WriteOnly));
        QByteArray bytes(4096, '\0');
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = static_cast<char>((i * 7 + 13) % 251);
        REQUIRE(garbage.write(bytes) == bytes.size());
    }
    CHECK(failureReason([&] { PinLedger ledger(folder.file()); }) == LedgerError::Reason::Corrupt);
    // A second attempt finds no half-open connection left behind by the first.
    CHECK(failureReason([&] { PinLedger ledger(folder.file()); }) == LedgerError::Reason::Corrupt);
}

TEST_CASE("PinLedger reports a file it cannot create", "[pin_ledger]")
{
    LedgerFolder folder;
    // A regular file where the folder should be.
    QFile blocker(folder.dir.filePath(QStringLiteral("not-a-folder")));
    REQUIRE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    CHECK(failureReason([&] { PinLedger ledger(blocker.fileName() + QStringLiteral("/x.sqlite")); })
        == LedgerError::Reason::CannotOpen);
    CHECK(failureReason([] { PinLedger ledger({}); }) == LedgerError::Reason::CannotOpen);
}
