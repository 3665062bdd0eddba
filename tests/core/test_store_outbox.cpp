// The clerk's records and the outbox (core::store::Records, core::store::Outbox): the record's
// states, the outbox and its order, and what the engine reports back (acknowledge, reject,
// rebase).
#include "local_store_fixture.hpp"

using namespace storetest;

TEST_CASE("LocalStore: a draft, queued, sent and acknowledged", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());

    Vacancy withServerMembers = draft();
    withServerMembers.vacancyId = QStringLiteral("1150100001"); // a copied record's id
    withServerMembers.status = VacancyStatus::Published;
    const QString id = store.records().createDraft(withServerMembers);
    LocalVacancy r = *store.records().find(id);
    CHECK(r.state == RecordState::Draft);
    CHECK(r.data.vacancyId.isEmpty()); // the client never invents one
    CHECK_FALSE(r.data.status.has_value());
    CHECK(r.serverId.isEmpty());
    CHECK_FALSE(r.base.has_value());
    CHECK(store.outbox().entries().isEmpty());
    CHECK_FALSE(store.outbox().nextDue(QDateTime::currentDateTimeUtc()).has_value());
    // An empty form is a draft too (no NULL in the list columns).
    const QString empty = store.records().createDraft(Vacancy {});
    CHECK(store.records().find(empty)->data == Vacancy {});
    CHECK(store.records().list({}).total == 2);
    store.records().remove(empty);

    Vacancy edited = draft(QStringLiteral("專員"));
    store.records().saveDraft(id, edited);
    CHECK(store.records().find(id)->state == RecordState::Draft);
    CHECK(store.records().find(id)->data == edited);

    store.records().queue(id);
    REQUIRE(store.outbox().size() == 1);
    OutboxEntry create = store.outbox().entries().first();
    CHECK(create.kind == OperationKind::Create);
    CHECK(create.body == body(edited));
    CHECK(create.attempts == 0);
    CHECK(QUuid::fromString(create.operationId).version() == QUuid::Random);
    CHECK(store.records().find(id)->state == RecordState::Pending);
    CHECK(store.records().queuedData(id) == edited);

    // Never tried: another edit replaces the queued bytes, under the same key.
    Vacancy again = draft(QStringLiteral("組員"));
    store.records().saveAndQueue(id, again);
    REQUIRE(store.outbox().size() == 1);
    CHECK(store.outbox().entries().first().operationId == create.operationId);
    CHECK(store.outbox().entries().first().body == body(again));

    // Tried: the bytes are fixed; the next edit is a second row.
    store.outbox().beginAttempt(create.sequence);
    store.outbox().deferOperation(
        create.sequence, QDateTime::currentDateTimeUtc().addSecs(60), QStringLiteral("timeout"));
    create = store.outbox().entries().first();
    CHECK(create.attempts == 1);
    CHECK(create.lastError == "timeout");
    CHECK_FALSE(store.outbox().nextDue(QDateTime::currentDateTimeUtc()).has_value());
    const Vacancy third = draft(QStringLiteral("約僱人員"));
    store.records().saveAndQueue(id, third);
    QList<OutboxEntry> rows = store.outbox().entries();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].body == body(again));
    CHECK(rows[1].kind == OperationKind::Update); // it will address the created record
    CHECK(rows[1].body == body(third));
    // Only the record's first row is due, and only when its time comes.
    CHECK(store.outbox().nextDue(QDateTime::currentDateTimeUtc().addSecs(61))->sequence
        == rows[0].sequence);

    store.outbox().acknowledge(rows[0].sequence, serverVersion(again, QStringLiteral("1150100001")),
        QStringLiteral("\"1\""));
    r = *store.records().find(id);
    CHECK(r.state == RecordState::Pending); // the update still waits
    CHECK(r.serverId == "1150100001");
    CHECK(r.etag == "\"1\"");
    CHECK(r.base == serverVersion(again, QStringLiteral("1150100001")));
    CHECK(r.data.title == third.title); // the newer edit stays
    CHECK(r.data.vacancyId == "1150100001");
    CHECK(store.records().findByServerId(QStringLiteral("1150100001"))->localId == id);
    checkConsistent(store);

    const auto update = store.outbox().nextDue(QDateTime::currentDateTimeUtc());
    REQUIRE(update.has_value());
    CHECK(update->sequence == rows[1].sequence);
    store.outbox().beginAttempt(update->sequence);
    store.outbox().acknowledge(update->sequence,
        serverVersion(third, QStringLiteral("1150100001"), 2), QStringLiteral("\"2\""));
    r = *store.records().find(id);
    CHECK(r.state == RecordState::Synced);
    CHECK(r.data == serverVersion(third, QStringLiteral("1150100001"), 2));
    CHECK(r.base == r.data);
    CHECK(store.outbox().entries().isEmpty());
    checkConsistent(store);

    // Editing a synced record: Draft until queued, base and etag kept, server members kept.
    Vacancy form = r.data;
    form.vacancyId.clear();
    form.status.reset();
    form.duties = QStringLiteral("新的工作項目");
    store.records().saveDraft(id, form);
    r = *store.records().find(id);
    CHECK(r.state == RecordState::Draft);
    CHECK(r.etag == "\"2\"");
    CHECK(r.data.vacancyId == "1150100001");
    CHECK(r.data.status == VacancyStatus::Published);
    CHECK(store.outbox().entries().isEmpty());
    store.records().queue(id);
    CHECK(store.outbox().entries().first().kind == OperationKind::Update);
}

TEST_CASE("LocalStore: edits saved while a send is in flight stay local", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString id = store.records().createDraft(draft());
    store.records().queue(id);
    const OutboxEntry create = store.outbox().entries().first();
    store.outbox().beginAttempt(create.sequence);
    // The clerk saves (without sending) while the create is on the wire.
    store.records().saveDraft(id, draft(QStringLiteral("改過的職稱")));
    store.outbox().acknowledge(create.sequence,
        serverVersion(draft(), QStringLiteral("1150100007")), QStringLiteral("\"1\""));
    const LocalVacancy r = *store.records().find(id);
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
    const QString a = store.records().createDraft(draft(QStringLiteral("A")));
    const QString b = store.records().createDraft(draft(QStringLiteral("B")));
    const QString c = store.records().createDraft(draft(QStringLiteral("C")));
    store.records().queue(b);
    store.records().queue(a);
    store.records().queue(c);
    const auto first = store.outbox().nextDue(now);
    REQUIRE(first);
    CHECK(first->localId == b);
    // B waits: A is next; then, with A skipped for this run, C.
    store.outbox().beginAttempt(first->sequence);
    store.outbox().deferOperation(first->sequence, now.addSecs(30), QStringLiteral("HTTP 503"));
    CHECK(store.outbox().nextDue(now)->localId == a);
    CHECK(store.outbox().nextDue(now, { a })->localId == c);
    CHECK_FALSE(store.outbox().nextDue(now, { a, c }).has_value());
    // B's second row never overtakes its first.
    store.records().saveAndQueue(b, draft(QStringLiteral("B2")));
    CHECK(rowsOf(store, b).size() == 2);
    CHECK(store.outbox().nextDue(now, { a, c }) == std::nullopt);
    const auto later = store.outbox().nextDue(now.addSecs(31), { a, c });
    REQUIRE(later);
    CHECK(later->sequence == first->sequence);
    checkConsistent(store);
}

TEST_CASE("LocalStore: a 422 rejects the record and keeps the messages", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString id = store.records().createDraft(draft());
    store.records().queue(id);
    const OutboxEntry create = store.outbox().entries().first();
    store.outbox().beginAttempt(create.sequence);
    const QList<core::domain::FieldMessage> messages {
        { QStringLiteral("reserveOpenings"), QStringLiteral("候補名額不得超過名額的2倍") },
        { QStringLiteral("validTo"), QStringLiteral("有效期間至少3天") },
    };
    store.outbox().reject(create.sequence, QStringLiteral("validation-failed"), messages);
    LocalVacancy r = *store.records().find(id);
    CHECK(r.state == RecordState::Rejected);
    CHECK(r.rejection == messages);
    CHECK(r.rejectionCode == "validation-failed");
    CHECK(r.data == draft());
    CHECK(store.outbox().entries().isEmpty());
    checkConsistent(store);

    // The messages stay for the form until the corrected version goes out under a new key.
    store.records().saveDraft(id, draft(QStringLiteral("改正")));
    CHECK(store.records().find(id)->rejection == messages);
    store.records().queue(id);
    r = *store.records().find(id);
    CHECK(r.state == RecordState::Pending);
    CHECK(r.rejection.isEmpty());
    REQUIRE(store.outbox().size() == 1);
    CHECK(store.outbox().entries().first().kind == OperationKind::Create);
    CHECK(store.outbox().entries().first().operationId != create.operationId);

    SECTION("a refused delete brings the record back")
    {
        const QString kept = syncedRecord(store, QStringLiteral("1150100002"));
        store.records().remove(kept);
        CHECK(store.records().find(kept)->deleted);
        const OutboxEntry del = rowsOf(store, kept).first();
        store.outbox().reject(del.sequence, QStringLiteral("vacancy-closed"), {});
        CHECK_FALSE(store.records().find(kept)->deleted);
        CHECK(store.records().find(kept)->state == RecordState::Rejected);
        CHECK(store.records().find(kept)->rejectionCode == "vacancy-closed");
        checkConsistent(store);
    }
}

TEST_CASE("LocalStore: rebase after a settled merge", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString id = syncedRecord(store, QStringLiteral("1150100003"));
    Vacancy mine = store.records().find(id)->data;
    mine.duties = QStringLiteral("我的工作項目");
    store.records().saveAndQueue(id, mine);
    const OutboxEntry update = store.outbox().entries().first();
    store.outbox().beginAttempt(update.sequence);
    store.outbox().deferOperation(update.sequence, {}, QStringLiteral("412"));
    store.records().saveAndQueue(id, mine); // tried: a second row
    REQUIRE(store.outbox().size() == 2);

    Vacancy server = *store.records().find(id)->base;
    server.qualifications = QStringLiteral("伺服器改的資格");
    server.updatedOn = QDate(2026, 11, 20);
    Vacancy merged = mine;
    merged.qualifications = server.qualifications;
    store.outbox().rebase(update.sequence, server, QStringLiteral("\"5\""), merged);
    const LocalVacancy r = *store.records().find(id);
    CHECK(r.base == server);
    CHECK(r.etag == "\"5\"");
    CHECK(r.data.qualifications == server.qualifications);
    CHECK(r.data.duties == mine.duties);
    CHECK(r.data.updatedOn == QDate(2026, 11, 20));
    CHECK(r.state == RecordState::Pending);
    // The queued updates collapse into one carrying the merge.
    REQUIRE(store.outbox().size() == 1);
    CHECK(store.outbox().entries().first().sequence == update.sequence);
    CHECK(store.records().queuedData(id)->qualifications == server.qualifications);
    checkConsistent(store);
}

TEST_CASE("Records: a new record is saved and queued in one transaction", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString id = store.records().createQueued(draft());
    const auto record = store.records().find(id);
    REQUIRE(record.has_value());
    CHECK(record->state == RecordState::Pending);
    const auto rows = rowsOf(store, id);
    REQUIRE(rows.size() == 1);
    CHECK(rows.first().kind == OperationKind::Create);
    CHECK(rows.first().body == body(record->data));

    // A fault at any of its statements leaves nothing behind: never a draft without its row.
    for (int n = 1;; ++n) {
        INFO("statement " << n << " fails");
        store.failStatementAfter(n);
        bool threw = false;
        try {
            store.records().createQueued(draft(QStringLiteral("故障")));
        } catch (const StoreError&) {
            threw = true;
        }
        const bool fired = !store.faultPending();
        store.failStatementAfter(0);
        if (!fired) {
            CHECK_FALSE(threw);
            break;
        }
        CHECK(threw);
        CHECK(store.records().all().size() == 1);
        CHECK(store.outbox().size() == 1);
        REQUIRE(n < 100);
    }
}

TEST_CASE(
    "Outbox: due() gives each record's first row, oldest first, up to the limit", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString a = store.records().createQueued(draft(QStringLiteral("甲")));
    const QString b = store.records().createQueued(draft(QStringLiteral("乙")));
    const QString c = store.records().createQueued(draft(QStringLiteral("丙")));
    // A second row of a (its create was tried, so the edit is a row of its own): never due
    // before the first.
    store.outbox().beginAttempt(rowsOf(store, a).first().sequence);
    store.records().saveAndQueue(a, draft(QStringLiteral("甲改")));
    REQUIRE(rowsOf(store, a).size() == 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();

    const auto localIds = [](const QList<OutboxEntry>& rows) {
        QStringList ids;
        for (const OutboxEntry& e : rows)
            ids << e.localId;
        return ids;
    };
    const QList<OutboxEntry> due = store.outbox().due(now, {}, 10);
    CHECK(localIds(due) == QStringList { a, b, c });
    CHECK(due.first().sequence == rowsOf(store, a).first().sequence);
    CHECK(localIds(store.outbox().due(now, {}, 2)) == QStringList { a, b });
    CHECK(localIds(store.outbox().due(now, { b }, 10)) == QStringList { a, c });
    CHECK(store.outbox().nextDue(now)->sequence == due.first().sequence);
    // Not due before its time.
    store.outbox().deferOperation(due.first().sequence, now.addSecs(60), QStringLiteral("later"));
    CHECK(localIds(store.outbox().due(now, {}, 10)) == QStringList { b, c });
    CHECK(store.outbox().size() == 4);
}
