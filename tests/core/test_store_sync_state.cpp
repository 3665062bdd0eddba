// What sync keeps besides the outbox (core::store::SyncState): conflicts and their resolution,
// deleting, and what the change feed brings (records, tombstones, a record folded in).
#include "local_store_fixture.hpp"

using namespace storetest;

TEST_CASE("LocalStore: a conflict holds the record until the clerk resolves it", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString id = syncedRecord(store, QStringLiteral("1150100004"));
    const Vacancy base = *store.records().find(id)->base;
    Vacancy mine = base;
    mine.title = QStringLiteral("我的職稱");
    store.records().saveAndQueue(id, mine);
    Vacancy server = base;
    server.title = QStringLiteral("他的職稱");

    ConflictRecord conflict { id, mine, server, base, QStringLiteral("\"7\""),
        { QStringLiteral("title") }, {} };
    store.syncState().recordConflict(conflict);
    CHECK(store.records().find(id)->state == RecordState::Conflict);
    CHECK_FALSE(store.outbox().nextDue(QDateTime::currentDateTimeUtc()).has_value());
    CHECK_THROWS_AS(store.records().queue(id), StoreError);
    REQUIRE(store.syncState().conflicts().size() == 1);
    const ConflictRecord stored = store.syncState().conflicts().first();
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
        store.syncState().resolveConflict(id, resolved);
        const LocalVacancy r = *store.records().find(id);
        CHECK(r.state == RecordState::Pending);
        CHECK(r.etag == "\"7\"");
        CHECK(r.base == server);
        CHECK(r.data.title == resolved.title);
        REQUIRE(store.outbox().size() == 1);
        CHECK(store.outbox().entries().first().kind == OperationKind::Update);
        CHECK(store.records().queuedData(id)->title == resolved.title);
        CHECK(store.syncState().conflicts().isEmpty());
        CHECK(store.outbox().nextDue(QDateTime::currentDateTimeUtc()).has_value());
    }
    SECTION("keeping the server's version sends nothing")
    {
        store.syncState().resolveConflict(id, server);
        const LocalVacancy r = *store.records().find(id);
        CHECK(r.state == RecordState::Synced);
        CHECK(r.data == server);
        CHECK(store.outbox().entries().isEmpty());
    }
    SECTION("saving the form while in conflict updates its mine")
    {
        Vacancy later = mine;
        later.duties = QStringLiteral("又改了");
        store.records().saveDraft(id, later);
        CHECK(store.records().find(id)->state == RecordState::Conflict);
        CHECK(store.syncState().conflicts().first().mine.duties == later.duties);
    }
    SECTION("deleting drops the conflict")
    {
        store.records().remove(id);
        CHECK(store.syncState().conflicts().isEmpty());
        CHECK(store.records().find(id)->deleted);
    }
    checkConsistent(store);
}

TEST_CASE("LocalStore: deleting", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());

    SECTION("a never-sent draft disappears with its queued create")
    {
        const QString id = store.records().createDraft(draft());
        store.records().queue(id);
        store.records().remove(id);
        CHECK_FALSE(store.records().find(id).has_value());
        CHECK(store.outbox().entries().isEmpty());
        const QString plain = store.records().createDraft(draft());
        store.records().remove(plain);
        CHECK(store.records().all().isEmpty());
    }
    SECTION("a create that may have reached the server is followed by a delete")
    {
        const QString id = store.records().createDraft(draft());
        store.records().queue(id);
        const OutboxEntry create = store.outbox().entries().first();
        store.outbox().beginAttempt(create.sequence);
        store.records().remove(id);
        const QList<OutboxEntry> rows = store.outbox().entries();
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].kind == OperationKind::Create);
        CHECK(rows[1].kind == OperationKind::Delete);
        CHECK(store.records().find(id)->deleted);
        checkConsistent(store);
        SECTION("and goes when the create is refused")
        {
            store.outbox().reject(create.sequence, QStringLiteral("validation-failed"), {});
            CHECK_FALSE(store.records().find(id).has_value());
            CHECK(store.outbox().entries().isEmpty());
        }
        SECTION("or is deleted after it")
        {
            store.outbox().acknowledge(create.sequence,
                serverVersion(draft(), QStringLiteral("1150100005")), QStringLiteral("\"1\""));
            CHECK(store.records().find(id)->serverId == "1150100005");
            CHECK(store.records().find(id)->deleted);
            const auto del = store.outbox().nextDue(QDateTime::currentDateTimeUtc());
            REQUIRE(del);
            CHECK(del->kind == OperationKind::Delete);
            store.outbox().acknowledgeDelete(del->sequence);
            CHECK_FALSE(store.records().find(id).has_value());
        }
        checkConsistent(store);
    }
    SECTION("a synced record gets a tombstone; queued updates go")
    {
        const QString id = syncedRecord(store, QStringLiteral("1150100006"));
        Vacancy edited = store.records().find(id)->data;
        edited.duties = QStringLiteral("x");
        store.records().saveAndQueue(id, edited);
        store.records().remove(id);
        REQUIRE(store.outbox().size() == 1);
        CHECK(store.outbox().entries().first().kind == OperationKind::Delete);
        CHECK(store.outbox().entries().first().body.isEmpty());
        CHECK(store.records().find(id)->deleted);
        CHECK_THROWS_AS(store.records().saveDraft(id, edited), StoreError);
        CHECK_THROWS_AS(store.records().queue(id), StoreError);
        store.records().remove(id); // twice is once
        CHECK(store.outbox().size() == 1);
        // The list leaves it out unless asked.
        CHECK(store.records().list({}).total == 0);
        ListQuery withDeleted;
        withDeleted.includeDeleted = true;
        CHECK(store.records().list(withDeleted).total == 1);
        checkConsistent(store);

        SECTION("a published one stays in the history as withdrawn")
        {
            Vacancy withdrawn = *store.records().find(id)->base;
            withdrawn.status = VacancyStatus::Withdrawn;
            store.outbox().acknowledgeDelete(
                store.outbox().entries().first().sequence, withdrawn, "\"3\"");
            const LocalVacancy r = *store.records().find(id);
            CHECK(r.state == RecordState::Synced);
            CHECK_FALSE(r.deleted);
            CHECK(r.data.status == VacancyStatus::Withdrawn);
            ListQuery history;
            history.scope = ListQuery::Scope::History;
            CHECK(store.records().list(history).total == 1);
        }
        SECTION("a never-published one goes")
        {
            store.outbox().acknowledgeDelete(store.outbox().entries().first().sequence);
            CHECK(store.records().all().isEmpty());
        }
        checkConsistent(store);
    }
    CHECK_THROWS_AS(store.records().remove(QStringLiteral("no-such-id")), StoreError);
}

TEST_CASE("LocalStore: what the change feed brings", "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const Vacancy server
        = serverVersion(draft(QStringLiteral("別人的")), QStringLiteral("1150100010"));

    store.syncState().applyServerRecord(server, QStringLiteral("\"1\""));
    auto r = store.records().findByServerId(QStringLiteral("1150100010"));
    REQUIRE(r);
    CHECK(r->state == RecordState::Synced);
    CHECK(r->data == server);
    CHECK(r->etag == "\"1\"");
    Vacancy newer = server;
    newer.duties = QStringLiteral("更新");
    store.syncState().applyServerRecord(newer, QStringLiteral("\"2\""));
    CHECK(store.records().all().size() == 1);
    CHECK(store.records().find(r->localId)->data.duties == "更新");
    checkConsistent(store);

    SECTION("never over local edits")
    {
        Vacancy mine = newer;
        mine.title = QStringLiteral("我改的");
        store.records().saveDraft(r->localId, mine);
        CHECK_THROWS_AS(
            store.syncState().applyServerRecord(newer, QStringLiteral("\"3\"")), StoreError);
        CHECK(store.records().find(r->localId)->data.title == "我改的");
    }
    SECTION("a tombstone removes an untouched record")
    {
        store.syncState().applyServerTombstone(
            QStringLiteral("1150100010"), QStringLiteral("\"3\""), {});
        CHECK(store.records().all().isEmpty());
        // Unknown ids are nothing to do; a withdrawn unknown one joins the history.
        store.syncState().applyServerTombstone(
            QStringLiteral("1150109999"), QStringLiteral("\"1\""), {});
        CHECK(store.records().all().isEmpty());
        Vacancy withdrawn = serverVersion(draft(), QStringLiteral("1150109998"));
        withdrawn.status = VacancyStatus::Withdrawn;
        store.syncState().applyServerTombstone(
            QStringLiteral("1150109998"), QStringLiteral("\"4\""), withdrawn);
        REQUIRE(store.records().all().size() == 1);
        CHECK(store.records().all().first().data.status == VacancyStatus::Withdrawn);
    }
    SECTION("a withdrawal replaces an untouched record with its final version")
    {
        Vacancy withdrawn = newer;
        withdrawn.status = VacancyStatus::Withdrawn;
        store.syncState().applyServerTombstone(
            QStringLiteral("1150100010"), QStringLiteral("\"3\""), withdrawn);
        CHECK(store.records().find(r->localId)->data == withdrawn);
        CHECK(store.records().find(r->localId)->state == RecordState::Synced);
    }
    SECTION("a tombstone keeps local edits for the clerk, who may send them as a new vacancy")
    {
        Vacancy mine = newer;
        mine.title = QStringLiteral("我改的");
        store.records().saveAndQueue(r->localId, mine);
        store.syncState().applyServerTombstone(
            QStringLiteral("1150100010"), QStringLiteral("\"3\""), {});
        LocalVacancy kept = *store.records().find(r->localId);
        CHECK(kept.serverDeleted);
        CHECK(kept.state == RecordState::Draft);
        CHECK(kept.data.title == "我改的");
        CHECK(store.outbox().entries().isEmpty());
        checkConsistent(store);
        store.records().queue(r->localId);
        kept = *store.records().find(r->localId);
        CHECK(kept.serverId.isEmpty());
        CHECK_FALSE(kept.serverDeleted);
        CHECK(store.outbox().entries().first().kind == OperationKind::Create);
        CHECK(store.records().queuedData(r->localId)->vacancyId.isEmpty());
    }
    SECTION("a tombstone for a record deleted here too settles it")
    {
        store.records().remove(r->localId);
        store.syncState().applyServerTombstone(
            QStringLiteral("1150100010"), QStringLiteral("\"3\""), {});
        CHECK(store.records().all().isEmpty());
        CHECK(store.outbox().entries().isEmpty());
    }
    checkConsistent(store);

    store.syncState().setFeedCursor(QStringLiteral("abc"));
    CHECK(store.syncState().feedCursor() == "abc");
}

TEST_CASE("LocalStore: a record the feed brought before our create's answer is folded in",
    "[local_store]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString id = store.records().createDraft(draft());
    store.records().queue(id);
    const OutboxEntry create = store.outbox().entries().first();
    store.outbox().beginAttempt(create.sequence); // the answer was lost
    const Vacancy server = serverVersion(draft(), QStringLiteral("1150100020"));
    store.syncState().applyServerRecord(server, QStringLiteral("\"1\"")); // the pull sees it first
    CHECK(store.records().all().size() == 2);
    store.outbox().acknowledge(
        create.sequence, server, QStringLiteral("\"1\"")); // the replayed answer
    REQUIRE(store.records().all().size() == 1);
    CHECK(store.records().all().first().localId == id);
    CHECK(store.records().all().first().state == RecordState::Synced);
    checkConsistent(store);
}
