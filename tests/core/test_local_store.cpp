// core::store::LocalStore on real SQLite files in a temporary folder: the record's states, the
// outbox and its order, what the engine reports back (acknowledge, reject, rebase, conflict,
// resolve), tombstones, the PIN ledger in the same file, the file's mode and pragmas, threads,
// and a fault injected into every statement of a run of operations.
#include "core/auth/pin_ledger.hpp"
#include "core/domain/vacancy_json.hpp"
#include "core/store/local_store.hpp"
#include "vacancy_fixture.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>
#include <catch2/catch.hpp>
#include <functional>
#include <sys/stat.h>
#include <thread>

using namespace core::store;
using core::domain::Vacancy;
using core::domain::VacancyStatus;

namespace {

struct StoreFolder {
    QTemporaryDir dir;
    QString file() const { return dir.filePath(QStringLiteral("local.sqlite")); }
};

/// A folder in memory where there is one (/dev/shm): for the loops that open hundreds of stores,
/// where every commit's fsync would otherwise dominate. What they test is logic, not the disk.
struct MemoryFolder {
    QTemporaryDir dir { QFileInfo(QStringLiteral("/dev/shm")).isWritable()
            ? QStringLiteral("/dev/shm/shiqiuren-store-test-XXXXXX")
            : QDir::tempPath() + QStringLiteral("/shiqiuren-store-test-XXXXXX") };
    QString file() const { return dir.filePath(QStringLiteral("local.sqlite")); }
};

unsigned fileMode(const QString& path)
{
    struct stat info { };
    REQUIRE(::stat(QFile::encodeName(path).constData(), &info) == 0);
    return info.st_mode & 0777U;
}

/// Runs `work` on a connection of the test's own, closed again before returning.
void withRawConnection(const QString& file, const std::function<void(QSqlDatabase&)>& work)
{
    const QString name = QStringLiteral("test-local-store-raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        REQUIRE(db.open());
        work(db);
    }
    QSqlDatabase::removeDatabase(name);
}

QVariant scalar(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    INFO(sql.toStdString());
    REQUIRE(query.exec(sql));
    const QVariant value = query.next() ? query.value(0) : QVariant();
    query.finish();
    return value;
}

/// The store's own connection on this thread (white box: the pragmas are per connection).
QSqlDatabase storeConnection()
{
    for (const QString& name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(QLatin1String("shiqiuren-store:"))) {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                return db;
        }
    }
    FAIL("no open store connection on this thread");
    return {};
}

Vacancy draft(const QString& title = QStringLiteral("科員"))
{
    Vacancy v = domaintest::validVacancy();
    v.title = title;
    return v;
}

/// What the server answers: the body with the server's members.
Vacancy serverVersion(Vacancy v, const QString& id, int day = 1)
{
    v.vacancyId = id;
    v.status = VacancyStatus::Published;
    v.createdOn = QDate(2026, 11, day);
    v.updatedOn = QDate(2026, 11, day);
    return v;
}

QByteArray body(const Vacancy& v)
{
    return QJsonDocument(core::domain::toJson(v)).toJson(QJsonDocument::Compact);
}

QList<OutboxEntry> rowsOf(const LocalStore& store, const QString& localId)
{
    QList<OutboxEntry> rows = store.outbox();
    rows.removeIf([&](const OutboxEntry& e) { return e.localId != localId; });
    return rows;
}

/// A record the server has: created, sent, acknowledged.
QString syncedRecord(LocalStore& store, const QString& serverId, const Vacancy& data = draft())
{
    const QString id = store.createDraft(data);
    store.queue(id);
    const OutboxEntry create = rowsOf(store, id).first();
    store.beginAttempt(create.sequence);
    store.acknowledge(create.sequence, serverVersion(data, serverId), QStringLiteral("\"1\""));
    return id;
}

/// The invariants every committed state keeps, checked through the store and on the file.
void checkConsistent(const LocalStore& store)
{
    withRawConnection(store.file(), [](QSqlDatabase& db) {
        CHECK(scalar(db, QStringLiteral("PRAGMA integrity_check")).toString() == "ok");
        CHECK(scalar(db,
                  QStringLiteral(
                      "SELECT count(*) FROM outbox WHERE local_id NOT IN (SELECT local_id FROM "
                      "vacancies)"))
                  .toInt()
            == 0);
        CHECK(scalar(db,
                  QStringLiteral(
                      "SELECT count(*) FROM conflicts WHERE local_id NOT IN (SELECT local_id FROM "
                      "vacancies WHERE state = 'conflict')"))
                  .toInt()
            == 0);
        CHECK(scalar(db,
                  QStringLiteral("SELECT count(*) FROM vacancies WHERE state = 'conflict' AND "
                                 "local_id NOT IN (SELECT local_id FROM conflicts)"))
                  .toInt()
            == 0);
    });
    const QList<OutboxEntry> outbox = store.outbox();
    for (const LocalVacancy& r : store.all()) {
        INFO("record " << r.localId.toStdString() << " state " << int(r.state));
        QList<OutboxEntry> rows = outbox;
        rows.removeIf([&](const OutboxEntry& e) { return e.localId != r.localId; });
        CHECK(r.queuedOperations == rows.size());
        switch (r.state) {
        case RecordState::Pending:
            CHECK_FALSE(rows.isEmpty());
            break;
        case RecordState::Synced:
            CHECK(rows.isEmpty());
            REQUIRE(r.base.has_value());
            CHECK(*r.base == r.data);
            CHECK_FALSE(r.serverId.isEmpty());
            break;
        case RecordState::Rejected:
            CHECK(rows.isEmpty());
            break;
        case RecordState::Draft:
        case RecordState::Conflict:
            break;
        }
        if (r.deleted) {
            REQUIRE_FALSE(rows.isEmpty());
            CHECK(rows.last().kind == OperationKind::Delete);
        }
        int creates = 0;
        for (const OutboxEntry& e : rows) {
            creates += e.kind == OperationKind::Create ? 1 : 0;
            if (e.kind == OperationKind::Create)
                CHECK(e.sequence == rows.first().sequence); // a create goes first
        }
        CHECK(creates <= 1);
        if (creates == 1)
            CHECK(r.serverId.isEmpty());
        if (!r.serverId.isEmpty())
            CHECK(r.data.vacancyId == r.serverId);
    }
}

} // namespace

TEST_CASE("LocalStore: the file is 0600, WAL, synchronous=FULL, foreign keys on, versioned",
    "[local_store]")
{
    StoreFolder folder;
    const QString nested = folder.dir.filePath(QStringLiteral("a/b/local.sqlite"));
    LocalStore store(nested);
    CHECK(QFile::exists(nested));
    CHECK(fileMode(nested) == 0600U);
    store.createDraft(draft()); // the -wal file appears with the first write
    CHECK(fileMode(nested + QStringLiteral("-wal")) == 0600U);

    QSqlDatabase db = storeConnection();
    CHECK(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString() == "wal");
    CHECK(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt() == 2); // FULL
    CHECK(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
    CHECK(scalar(db, QStringLiteral("PRAGMA user_version")).toInt() == 2);
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
            id = store.createDraft(draft());
            PinLedger ledger(folder.file()); // both open at once
            CHECK(triesLeft(ledger) == 2);
            ledger.recordFailure(card, std::nullopt);
            store.queue(id);
        }
        LocalStore store(folder.file());
        PinLedger ledger(folder.file());
        CHECK(triesLeft(ledger) == 1);
        CHECK(store.find(id)->state == RecordState::Pending);
        withRawConnection(folder.file(), [](QSqlDatabase& db) {
            CHECK(scalar(db,
                      QStringLiteral(
                          "SELECT version FROM schema_version WHERE component = 'pin_ledger'"))
                      .toInt()
                == 1);
            CHECK(scalar(db, QStringLiteral("PRAGMA user_version")).toInt() == 2);
            CHECK(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString() == "wal");
        });
    }
    SECTION("the store first, then the ledger")
    {
        QString id;
        {
            LocalStore store(folder.file());
            id = store.createDraft(draft());
        }
        {
            PinLedger ledger(folder.file());
            ledger.recordBlocked(card);
        }
        LocalStore store(folder.file());
        CHECK(store.find(id).has_value());
        PinLedger ledger(folder.file());
        CHECK(ledger.effective(card, {}).blocked);
    }
}

TEST_CASE("LocalStore: a draft, queued, sent and acknowledged", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());

    Vacancy withServerMembers = draft();
    withServerMembers.vacancyId = QStringLiteral("1150100001"); // a copied record's id
    withServerMembers.status = VacancyStatus::Published;
    const QString id = store.createDraft(withServerMembers);
    LocalVacancy r = *store.find(id);
    CHECK(r.state == RecordState::Draft);
    CHECK(r.data.vacancyId.isEmpty()); // the client never invents one
    CHECK_FALSE(r.data.status.has_value());
    CHECK(r.serverId.isEmpty());
    CHECK_FALSE(r.base.has_value());
    CHECK(store.outbox().isEmpty());
    CHECK_FALSE(store.nextDue(QDateTime::currentDateTimeUtc()).has_value());
    // An empty form is a draft too (no NULL in the list columns).
    const QString empty = store.createDraft(Vacancy {});
    CHECK(store.find(empty)->data == Vacancy {});
    CHECK(store.list({}).total == 2);
    store.remove(empty);

    Vacancy edited = draft(QStringLiteral("專員"));
    store.saveDraft(id, edited);
    CHECK(store.find(id)->state == RecordState::Draft);
    CHECK(store.find(id)->data == edited);

    store.queue(id);
    REQUIRE(store.outbox().size() == 1);
    OutboxEntry create = store.outbox().first();
    CHECK(create.kind == OperationKind::Create);
    CHECK(create.body == body(edited));
    CHECK(create.attempts == 0);
    CHECK(QUuid::fromString(create.operationId).version() == QUuid::Random);
    CHECK(store.find(id)->state == RecordState::Pending);
    CHECK(store.queuedData(id) == edited);

    // Never tried: another edit replaces the queued bytes, under the same key.
    Vacancy again = draft(QStringLiteral("組員"));
    store.saveAndQueue(id, again);
    REQUIRE(store.outbox().size() == 1);
    CHECK(store.outbox().first().operationId == create.operationId);
    CHECK(store.outbox().first().body == body(again));

    // Tried: the bytes are fixed; the next edit is a second row.
    store.beginAttempt(create.sequence);
    store.deferOperation(
        create.sequence, QDateTime::currentDateTimeUtc().addSecs(60), QStringLiteral("timeout"));
    create = store.outbox().first();
    CHECK(create.attempts == 1);
    CHECK(create.lastError == "timeout");
    CHECK_FALSE(store.nextDue(QDateTime::currentDateTimeUtc()).has_value());
    const Vacancy third = draft(QStringLiteral("約僱人員"));
    store.saveAndQueue(id, third);
    QList<OutboxEntry> rows = store.outbox();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].body == body(again));
    CHECK(rows[1].kind == OperationKind::Update); // it will address the created record
    CHECK(rows[1].body == body(third));
    // Only the record's first row is due, and only when its time comes.
    CHECK(store.nextDue(QDateTime::currentDateTimeUtc().addSecs(61))->sequence == rows[0].sequence);

    store.acknowledge(rows[0].sequence, serverVersion(again, QStringLiteral("1150100001")),
        QStringLiteral("\"1\""));
    r = *store.find(id);
    CHECK(r.state == RecordState::Pending); // the update still waits
    CHECK(r.serverId == "1150100001");
    CHECK(r.etag == "\"1\"");
    CHECK(r.base == serverVersion(again, QStringLiteral("1150100001")));
    CHECK(r.data.title == third.title); // the newer edit stays
    CHECK(r.data.vacancyId == "1150100001");
    CHECK(store.findByServerId(QStringLiteral("1150100001"))->localId == id);
    checkConsistent(store);

    const auto update = store.nextDue(QDateTime::currentDateTimeUtc());
    REQUIRE(update.has_value());
    CHECK(update->sequence == rows[1].sequence);
    store.beginAttempt(update->sequence);
    store.acknowledge(update->sequence, serverVersion(third, QStringLiteral("1150100001"), 2),
        QStringLiteral("\"2\""));
    r = *store.find(id);
    CHECK(r.state == RecordState::Synced);
    CHECK(r.data == serverVersion(third, QStringLiteral("1150100001"), 2));
    CHECK(r.base == r.data);
    CHECK(store.outbox().isEmpty());
    checkConsistent(store);

    // Editing a synced record: Draft until queued, base and etag kept, server members kept.
    Vacancy form = r.data;
    form.vacancyId.clear();
    form.status.reset();
    form.duties = QStringLiteral("新的工作項目");
    store.saveDraft(id, form);
    r = *store.find(id);
    CHECK(r.state == RecordState::Draft);
    CHECK(r.etag == "\"2\"");
    CHECK(r.data.vacancyId == "1150100001");
    CHECK(r.data.status == VacancyStatus::Published);
    CHECK(store.outbox().isEmpty());
    store.queue(id);
    CHECK(store.outbox().first().kind == OperationKind::Update);
}

TEST_CASE("LocalStore: edits saved while a send is in flight stay local", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString id = store.createDraft(draft());
    store.queue(id);
    const OutboxEntry create = store.outbox().first();
    store.beginAttempt(create.sequence);
    // The clerk saves (without sending) while the create is on the wire.
    store.saveDraft(id, draft(QStringLiteral("改過的職稱")));
    store.acknowledge(create.sequence, serverVersion(draft(), QStringLiteral("1150100007")),
        QStringLiteral("\"1\""));
    const LocalVacancy r = *store.find(id);
    CHECK(r.state == RecordState::Draft);
    CHECK(r.data.title == "改過的職稱");
    CHECK(r.data.vacancyId == "1150100007");
    CHECK(r.base->title == "科員");
    checkConsistent(store);
}

TEST_CASE("LocalStore: the outbox goes oldest first, one record's rows in order", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString a = store.createDraft(draft(QStringLiteral("A")));
    const QString b = store.createDraft(draft(QStringLiteral("B")));
    const QString c = store.createDraft(draft(QStringLiteral("C")));
    store.queue(b);
    store.queue(a);
    store.queue(c);
    const auto first = store.nextDue(now);
    REQUIRE(first);
    CHECK(first->localId == b);
    // B waits: A is next; then, with A skipped for this run, C.
    store.beginAttempt(first->sequence);
    store.deferOperation(first->sequence, now.addSecs(30), QStringLiteral("HTTP 503"));
    CHECK(store.nextDue(now)->localId == a);
    CHECK(store.nextDue(now, { a })->localId == c);
    CHECK_FALSE(store.nextDue(now, { a, c }).has_value());
    // B's second row never overtakes its first.
    store.saveAndQueue(b, draft(QStringLiteral("B2")));
    CHECK(rowsOf(store, b).size() == 2);
    CHECK(store.nextDue(now, { a, c }) == std::nullopt);
    const auto later = store.nextDue(now.addSecs(31), { a, c });
    REQUIRE(later);
    CHECK(later->sequence == first->sequence);
    checkConsistent(store);
}

TEST_CASE("LocalStore: a 422 rejects the record and keeps the messages", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString id = store.createDraft(draft());
    store.queue(id);
    const OutboxEntry create = store.outbox().first();
    store.beginAttempt(create.sequence);
    const QList<core::domain::FieldMessage> messages {
        { QStringLiteral("reserveOpenings"), QStringLiteral("候補名額不得超過名額的2倍") },
        { QStringLiteral("validTo"), QStringLiteral("有效期間至少3天") },
    };
    store.reject(create.sequence, QStringLiteral("validation-failed"), messages);
    LocalVacancy r = *store.find(id);
    CHECK(r.state == RecordState::Rejected);
    CHECK(r.rejection == messages);
    CHECK(r.rejectionCode == "validation-failed");
    CHECK(r.data == draft());
    CHECK(store.outbox().isEmpty());
    checkConsistent(store);

    // The messages stay for the form until the corrected version goes out under a new key.
    store.saveDraft(id, draft(QStringLiteral("改正")));
    CHECK(store.find(id)->rejection == messages);
    store.queue(id);
    r = *store.find(id);
    CHECK(r.state == RecordState::Pending);
    CHECK(r.rejection.isEmpty());
    REQUIRE(store.outbox().size() == 1);
    CHECK(store.outbox().first().kind == OperationKind::Create);
    CHECK(store.outbox().first().operationId != create.operationId);

    SECTION("a refused delete brings the record back")
    {
        const QString kept = syncedRecord(store, QStringLiteral("1150100002"));
        store.remove(kept);
        CHECK(store.find(kept)->deleted);
        const OutboxEntry del = rowsOf(store, kept).first();
        store.reject(del.sequence, QStringLiteral("vacancy-closed"), {});
        CHECK_FALSE(store.find(kept)->deleted);
        CHECK(store.find(kept)->state == RecordState::Rejected);
        CHECK(store.find(kept)->rejectionCode == "vacancy-closed");
        checkConsistent(store);
    }
}

TEST_CASE("LocalStore: rebase after a settled merge", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString id = syncedRecord(store, QStringLiteral("1150100003"));
    Vacancy mine = store.find(id)->data;
    mine.duties = QStringLiteral("我的工作項目");
    store.saveAndQueue(id, mine);
    const OutboxEntry update = store.outbox().first();
    store.beginAttempt(update.sequence);
    store.deferOperation(update.sequence, {}, QStringLiteral("412"));
    store.saveAndQueue(id, mine); // tried: a second row
    REQUIRE(store.outbox().size() == 2);

    Vacancy server = *store.find(id)->base;
    server.qualifications = QStringLiteral("伺服器改的資格");
    server.updatedOn = QDate(2026, 11, 20);
    Vacancy merged = mine;
    merged.qualifications = server.qualifications;
    store.rebase(update.sequence, server, QStringLiteral("\"5\""), merged);
    const LocalVacancy r = *store.find(id);
    CHECK(r.base == server);
    CHECK(r.etag == "\"5\"");
    CHECK(r.data.qualifications == server.qualifications);
    CHECK(r.data.duties == mine.duties);
    CHECK(r.data.updatedOn == QDate(2026, 11, 20));
    CHECK(r.state == RecordState::Pending);
    // The queued updates collapse into one carrying the merge.
    REQUIRE(store.outbox().size() == 1);
    CHECK(store.outbox().first().sequence == update.sequence);
    CHECK(store.queuedData(id)->qualifications == server.qualifications);
    checkConsistent(store);
}

TEST_CASE("LocalStore: a conflict holds the record until the clerk resolves it", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString id = syncedRecord(store, QStringLiteral("1150100004"));
    const Vacancy base = *store.find(id)->base;
    Vacancy mine = base;
    mine.title = QStringLiteral("我的職稱");
    store.saveAndQueue(id, mine);
    Vacancy server = base;
    server.title = QStringLiteral("他的職稱");

    ConflictRecord conflict { id, mine, server, base, QStringLiteral("\"7\""),
        { QStringLiteral("title") }, {} };
    store.recordConflict(conflict);
    CHECK(store.find(id)->state == RecordState::Conflict);
    CHECK_FALSE(store.nextDue(QDateTime::currentDateTimeUtc()).has_value());
    CHECK_THROWS_AS(store.queue(id), StoreError);
    REQUIRE(store.conflicts().size() == 1);
    const ConflictRecord stored = store.conflicts().first();
    CHECK(stored.mine == mine);
    CHECK(stored.server == server);
    CHECK(stored.base == base);
    CHECK(stored.serverEtag == "\"7\"");
    CHECK(stored.fields == QStringList { QStringLiteral("title") });
    CHECK(stored.detectedAt.isValid());
    checkConsistent(store);

    SECTION("a chosen version is queued as one update on the server's etag")
    {
        Vacancy resolved = mine;
        resolved.title = QStringLiteral("折衷的職稱");
        store.resolveConflict(id, resolved);
        const LocalVacancy r = *store.find(id);
        CHECK(r.state == RecordState::Pending);
        CHECK(r.etag == "\"7\"");
        CHECK(r.base == server);
        CHECK(r.data.title == resolved.title);
        REQUIRE(store.outbox().size() == 1);
        CHECK(store.outbox().first().kind == OperationKind::Update);
        CHECK(store.queuedData(id)->title == resolved.title);
        CHECK(store.conflicts().isEmpty());
        CHECK(store.nextDue(QDateTime::currentDateTimeUtc()).has_value());
    }
    SECTION("keeping the server's version sends nothing")
    {
        store.resolveConflict(id, server);
        const LocalVacancy r = *store.find(id);
        CHECK(r.state == RecordState::Synced);
        CHECK(r.data == server);
        CHECK(store.outbox().isEmpty());
    }
    SECTION("saving the form while in conflict updates its mine")
    {
        Vacancy later = mine;
        later.duties = QStringLiteral("又改了");
        store.saveDraft(id, later);
        CHECK(store.find(id)->state == RecordState::Conflict);
        CHECK(store.conflicts().first().mine.duties == later.duties);
    }
    SECTION("deleting drops the conflict")
    {
        store.remove(id);
        CHECK(store.conflicts().isEmpty());
        CHECK(store.find(id)->deleted);
    }
    checkConsistent(store);
}

TEST_CASE("LocalStore: deleting", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());

    SECTION("a never-sent draft disappears with its queued create")
    {
        const QString id = store.createDraft(draft());
        store.queue(id);
        store.remove(id);
        CHECK_FALSE(store.find(id).has_value());
        CHECK(store.outbox().isEmpty());
        const QString plain = store.createDraft(draft());
        store.remove(plain);
        CHECK(store.all().isEmpty());
    }
    SECTION("a create that may have reached the server is followed by a delete")
    {
        const QString id = store.createDraft(draft());
        store.queue(id);
        const OutboxEntry create = store.outbox().first();
        store.beginAttempt(create.sequence);
        store.remove(id);
        const QList<OutboxEntry> rows = store.outbox();
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].kind == OperationKind::Create);
        CHECK(rows[1].kind == OperationKind::Delete);
        CHECK(store.find(id)->deleted);
        checkConsistent(store);
        SECTION("and goes when the create is refused")
        {
            store.reject(create.sequence, QStringLiteral("validation-failed"), {});
            CHECK_FALSE(store.find(id).has_value());
            CHECK(store.outbox().isEmpty());
        }
        SECTION("or is deleted after it")
        {
            store.acknowledge(create.sequence, serverVersion(draft(), QStringLiteral("1150100005")),
                QStringLiteral("\"1\""));
            CHECK(store.find(id)->serverId == "1150100005");
            CHECK(store.find(id)->deleted);
            const auto del = store.nextDue(QDateTime::currentDateTimeUtc());
            REQUIRE(del);
            CHECK(del->kind == OperationKind::Delete);
            store.acknowledgeDelete(del->sequence);
            CHECK_FALSE(store.find(id).has_value());
        }
        checkConsistent(store);
    }
    SECTION("a synced record gets a tombstone; queued updates go")
    {
        const QString id = syncedRecord(store, QStringLiteral("1150100006"));
        Vacancy edited = store.find(id)->data;
        edited.duties = QStringLiteral("x");
        store.saveAndQueue(id, edited);
        store.remove(id);
        REQUIRE(store.outbox().size() == 1);
        CHECK(store.outbox().first().kind == OperationKind::Delete);
        CHECK(store.outbox().first().body.isEmpty());
        CHECK(store.find(id)->deleted);
        CHECK_THROWS_AS(store.saveDraft(id, edited), StoreError);
        CHECK_THROWS_AS(store.queue(id), StoreError);
        store.remove(id); // twice is once
        CHECK(store.outbox().size() == 1);
        // The list leaves it out unless asked.
        CHECK(store.list({}).total == 0);
        ListQuery withDeleted;
        withDeleted.includeDeleted = true;
        CHECK(store.list(withDeleted).total == 1);
        checkConsistent(store);

        SECTION("a published one stays in the history as withdrawn")
        {
            Vacancy withdrawn = *store.find(id)->base;
            withdrawn.status = VacancyStatus::Withdrawn;
            store.acknowledgeDelete(store.outbox().first().sequence, withdrawn, "\"3\"");
            const LocalVacancy r = *store.find(id);
            CHECK(r.state == RecordState::Synced);
            CHECK_FALSE(r.deleted);
            CHECK(r.data.status == VacancyStatus::Withdrawn);
            ListQuery history;
            history.scope = ListQuery::Scope::History;
            CHECK(store.list(history).total == 1);
        }
        SECTION("a never-published one goes")
        {
            store.acknowledgeDelete(store.outbox().first().sequence);
            CHECK(store.all().isEmpty());
        }
        checkConsistent(store);
    }
    CHECK_THROWS_AS(store.remove(QStringLiteral("no-such-id")), StoreError);
}

TEST_CASE("LocalStore: what the change feed brings", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const Vacancy server
        = serverVersion(draft(QStringLiteral("別人的")), QStringLiteral("1150100010"));

    store.applyServerRecord(server, QStringLiteral("\"1\""));
    auto r = store.findByServerId(QStringLiteral("1150100010"));
    REQUIRE(r);
    CHECK(r->state == RecordState::Synced);
    CHECK(r->data == server);
    CHECK(r->etag == "\"1\"");
    Vacancy newer = server;
    newer.duties = QStringLiteral("更新");
    store.applyServerRecord(newer, QStringLiteral("\"2\""));
    CHECK(store.all().size() == 1);
    CHECK(store.find(r->localId)->data.duties == "更新");
    checkConsistent(store);

    SECTION("never over local edits")
    {
        Vacancy mine = newer;
        mine.title = QStringLiteral("我改的");
        store.saveDraft(r->localId, mine);
        CHECK_THROWS_AS(store.applyServerRecord(newer, QStringLiteral("\"3\"")), StoreError);
        CHECK(store.find(r->localId)->data.title == "我改的");
    }
    SECTION("a tombstone removes an untouched record")
    {
        store.applyServerTombstone(QStringLiteral("1150100010"), QStringLiteral("\"3\""), {});
        CHECK(store.all().isEmpty());
        // Unknown ids are nothing to do; a withdrawn unknown one joins the history.
        store.applyServerTombstone(QStringLiteral("1150109999"), QStringLiteral("\"1\""), {});
        CHECK(store.all().isEmpty());
        Vacancy withdrawn = serverVersion(draft(), QStringLiteral("1150109998"));
        withdrawn.status = VacancyStatus::Withdrawn;
        store.applyServerTombstone(
            QStringLiteral("1150109998"), QStringLiteral("\"4\""), withdrawn);
        REQUIRE(store.all().size() == 1);
        CHECK(store.all().first().data.status == VacancyStatus::Withdrawn);
    }
    SECTION("a withdrawal replaces an untouched record with its final version")
    {
        Vacancy withdrawn = newer;
        withdrawn.status = VacancyStatus::Withdrawn;
        store.applyServerTombstone(
            QStringLiteral("1150100010"), QStringLiteral("\"3\""), withdrawn);
        CHECK(store.find(r->localId)->data == withdrawn);
        CHECK(store.find(r->localId)->state == RecordState::Synced);
    }
    SECTION("a tombstone keeps local edits for the clerk, who may send them as a new vacancy")
    {
        Vacancy mine = newer;
        mine.title = QStringLiteral("我改的");
        store.saveAndQueue(r->localId, mine);
        store.applyServerTombstone(QStringLiteral("1150100010"), QStringLiteral("\"3\""), {});
        LocalVacancy kept = *store.find(r->localId);
        CHECK(kept.serverDeleted);
        CHECK(kept.state == RecordState::Draft);
        CHECK(kept.data.title == "我改的");
        CHECK(store.outbox().isEmpty());
        checkConsistent(store);
        store.queue(r->localId);
        kept = *store.find(r->localId);
        CHECK(kept.serverId.isEmpty());
        CHECK_FALSE(kept.serverDeleted);
        CHECK(store.outbox().first().kind == OperationKind::Create);
        CHECK(store.queuedData(r->localId)->vacancyId.isEmpty());
    }
    SECTION("a tombstone for a record deleted here too settles it")
    {
        store.remove(r->localId);
        store.applyServerTombstone(QStringLiteral("1150100010"), QStringLiteral("\"3\""), {});
        CHECK(store.all().isEmpty());
        CHECK(store.outbox().isEmpty());
    }
    checkConsistent(store);

    store.setFeedCursor(QStringLiteral("abc"));
    CHECK(store.feedCursor() == "abc");
}

TEST_CASE("LocalStore: a record the feed brought before our create's answer is folded in",
    "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString id = store.createDraft(draft());
    store.queue(id);
    const OutboxEntry create = store.outbox().first();
    store.beginAttempt(create.sequence); // the answer was lost
    const Vacancy server = serverVersion(draft(), QStringLiteral("1150100020"));
    store.applyServerRecord(server, QStringLiteral("\"1\"")); // the pull sees it first
    CHECK(store.all().size() == 2);
    store.acknowledge(create.sequence, server, QStringLiteral("\"1\"")); // the replayed answer
    REQUIRE(store.all().size() == 1);
    CHECK(store.all().first().localId == id);
    CHECK(store.all().first().state == RecordState::Synced);
    checkConsistent(store);
}

TEST_CASE("LocalStore: transactions nest and roll back as a whole", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    CHECK_THROWS_AS(store.inTransaction([&] {
        store.createDraft(draft());
        throw StoreError("stop");
    }),
        StoreError);
    CHECK(store.all().isEmpty());

    store.inTransaction([&] {
        store.createDraft(draft(QStringLiteral("kept")));
        try {
            store.inTransaction([&] {
                store.createDraft(draft(QStringLiteral("undone")));
                throw std::runtime_error("inner");
            });
        } catch (const std::runtime_error&) { }
        store.setFeedCursor(QStringLiteral("c1"));
    });
    REQUIRE(store.all().size() == 1);
    CHECK(store.all().first().data.title == "kept");
    CHECK(store.feedCursor() == "c1");
}

TEST_CASE("LocalStore: one connection per thread", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString id = store.createDraft(draft());
    const auto countConnections = [] {
        int n = 0;
        for (const QString& name : QSqlDatabase::connectionNames())
            n += name.startsWith(QLatin1String("shiqiuren-store:")) ? 1 : 0;
        return n;
    };
    CHECK(countConnections() == 1);
    std::thread worker([&] {
        store.saveAndQueue(id, draft(QStringLiteral("from the worker")));
        // Two threads writing at once wait for each other instead of failing.
        for (int i = 0; i < 20; ++i)
            store.createDraft(draft(QStringLiteral("w%1").arg(i)));
    });
    for (int i = 0; i < 20; ++i)
        store.createDraft(draft(QStringLiteral("m%1").arg(i)));
    worker.join();
    // The worker's connection went with its thread.
    CHECK(countConnections() == 1);
    CHECK(store.find(id)->data.title == "from the worker");
    CHECK(store.all().size() == 41);
    checkConsistent(store);
}

TEST_CASE("LocalStore: code lists and status", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    CHECK_FALSE(store.cachedCodeLists().has_value());
    store.saveCodeLists("{\"a\":1}", QStringLiteral("\"abc\""));
    store.saveCodeLists("{\"a\":2}", QStringLiteral("\"def\""));
    CHECK(store.cachedCodeLists()->bundle == "{\"a\":2}");
    CHECK(store.cachedCodeLists()->etag == "\"def\"");
    CHECK_FALSE(store.lastSuccessfulSync().isValid());
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(1'760'000'000'123, Qt::UTC);
    store.setLastSuccessfulSync(when);
    CHECK(store.lastSuccessfulSync() == when);
    store.setCodeListsCheckedAt(when);
    CHECK(store.codeListsCheckedAt() == when);
}

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
            [this] { ids << store.createDraft(draft(QStringLiteral("一"))); },
            [this] { ids << store.createDraft(draft(QStringLiteral("二"))); },
            [this] { ids << store.createDraft(draft(QStringLiteral("三"))); },
            [this] { store.saveAndQueue(ids[0], draft(QStringLiteral("一改"))); },
            [this] { store.queue(ids[1]); },
            [this] { store.queue(ids[2]); },
            [this, head] { store.beginAttempt(head(0)); },
            [this, head] {
                store.acknowledge(head(0),
                    serverVersion(draft(QStringLiteral("一改")), QStringLiteral("1150100100")),
                    QStringLiteral("\"1\""));
            },
            [this, head] { store.beginAttempt(head(1)); },
            [this, head] {
                store.deferOperation(head(1), QDateTime::currentDateTimeUtc(), QStringLiteral("x"));
            },
            [this] { store.saveAndQueue(ids[1], draft(QStringLiteral("二改"))); },
            [this, head] {
                store.reject(head(2), QStringLiteral("validation-failed"),
                    { { QStringLiteral("title"), QStringLiteral("不行") } });
            },
            [this] { store.saveAndQueue(ids[0], draft(QStringLiteral("一再改"))); },
            [this] {
                store.applyServerRecord(
                    serverVersion(draft(QStringLiteral("他")), QStringLiteral("1150100200")),
                    QStringLiteral("\"1\""));
            },
            [this] {
                Vacancy base = *store.find(ids[0])->base;
                Vacancy server = base;
                server.duties = QStringLiteral("伺服器");
                ConflictRecord c { ids[0], store.find(ids[0])->data, server, base,
                    QStringLiteral("\"2\""), { QStringLiteral("title") }, {} };
                store.recordConflict(c);
            },
            [this] { store.resolveConflict(ids[0], draft(QStringLiteral("解決"))); },
            [this, head] {
                Vacancy server
                    = serverVersion(draft(QStringLiteral("一")), QStringLiteral("1150100100"), 3);
                store.rebase(head(0), server, QStringLiteral("\"3\""), server);
            },
            [this] {
                store.inTransaction([&] {
                    store.applyServerTombstone(
                        QStringLiteral("1150100200"), QStringLiteral("\"2\""), {});
                    store.setFeedCursor(QStringLiteral("cursor-1"));
                });
            },
            [this] { store.remove(ids[2]); },
            [this, head] { store.beginAttempt(head(1)); },
            [this] { store.remove(ids[1]); },
            [this, head] {
                store.acknowledge(head(1),
                    serverVersion(draft(QStringLiteral("二")), QStringLiteral("1150100300")),
                    QStringLiteral("\"1\""));
            },
            [this, head] { store.acknowledgeDelete(head(1)); },
            [this] { store.saveCodeLists("{}", QStringLiteral("\"e\"")); },
            [this] { store.setLastSuccessfulSync(QDateTime::currentDateTimeUtc()); },
        };
    }
};

/// What the run leaves, without the ids and times that differ between runs.
QStringList summary(const LocalStore& store)
{
    QStringList lines;
    for (const LocalVacancy& r : store.all())
        lines << QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                     .arg(r.serverId, r.etag, r.data.title)
                     .arg(int(r.state))
                     .arg(r.deleted)
                     .arg(r.queuedOperations)
                     .arg(r.rejection.size());
    for (const OutboxEntry& e : store.outbox())
        lines << QStringLiteral("row %1 %2").arg(int(e.kind)).arg(QString::fromUtf8(e.body));
    lines << store.feedCursor() << QString::number(store.conflicts().size());
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
