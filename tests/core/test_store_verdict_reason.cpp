// The service's reason for its verdict 審核未通過 in the local store: schema step 3 on a file an
// earlier build wrote, and the reason kept with the server's version, read back by find() and
// the list, and dropped as soon as the verdict is something else.
#include "local_store_fixture.hpp"

using namespace storetest;

namespace {

const QString reason = QStringLiteral("工作項目過於簡略，請具體說明後再送。");

Vacancy rejectedVersion(const Vacancy& data, const QString& id)
{
    Vacancy v = serverVersion(data, id);
    v.status = VacancyStatus::Rejected;
    return v;
}

QString listedReason(const LocalStore& store, const QString& localId)
{
    ListQuery query;
    query.pageSize = 1000;
    for (const ListRow& row : store.records().list(query).rows) {
        if (row.localId == localId)
            return row.serverRejectionReason;
    }
    FAIL("not listed: " << localId.toStdString());
    return {};
}

QStringList vacancyColumns(const QString& file)
{
    QStringList columns;
    withRawConnection(file, [&](QSqlDatabase& db) {
        QSqlQuery query(db);
        REQUIRE(query.exec(QStringLiteral("PRAGMA table_info(vacancies)")));
        while (query.next())
            columns << query.value(1).toString();
    });
    return columns;
}

} // namespace

TEST_CASE("store schema step 3 adds the verdict's reason to a file written at version 2",
    "[local_store][verdict]")
{
    StoreFolder folder;
    StoreFolder fresh;
    QString kept;
    {
        LocalStore store(folder.file());
        kept = syncedRecord(store, QStringLiteral("1141100001"));
        LocalStore other(fresh.file());
    }
    // The file as version 2 left it: the same tables without the new column.
    withRawConnection(folder.file(), [](QSqlDatabase& db) {
        scalar(db, QStringLiteral("ALTER TABLE vacancies DROP COLUMN server_rejection_reason"));
        scalar(db, QStringLiteral("PRAGMA user_version = 2"));
    });
    REQUIRE_FALSE(
        vacancyColumns(folder.file()).contains(QStringLiteral("server_rejection_reason")));

    LocalStore store(folder.file());
    withRawConnection(folder.file(), [](QSqlDatabase& db) {
        CHECK(scalar(db, QStringLiteral("PRAGMA user_version")).toInt() == 3);
    });
    CHECK(vacancyColumns(folder.file()) == vacancyColumns(fresh.file()));
    const auto before = store.records().find(kept);
    REQUIRE(before.has_value());
    CHECK(before->state == RecordState::Synced);
    CHECK(before->serverRejectionReason.isEmpty());

    // The migrated file keeps a verdict's reason like a new one.
    store.syncState().applyServerRecord(rejectedVersion(before->data, QStringLiteral("1141100001")),
        QStringLiteral("\"2\""), reason);
    CHECK(store.records().find(kept)->serverRejectionReason == reason);
    CHECK(listedReason(store, kept) == reason);
    checkConsistent(store);
}

TEST_CASE("the verdict's reason comes with the server's version and goes with its verdict",
    "[local_store][verdict]")
{
    StoreFolder folder;
    LocalStore store(folder.file());
    const QString id = QStringLiteral("1141100002");

    SECTION("a pulled record")
    {
        store.syncState().applyServerRecord(
            rejectedVersion(draft(), id), QStringLiteral("\"1\""), reason);
        const QString localId = store.records().findByServerId(id)->localId;
        CHECK(store.records().find(localId)->serverRejectionReason == reason);
        CHECK(listedReason(store, localId) == reason);

        // A newer reason replaces the old one; a reason without the verdict is not kept.
        store.syncState().applyServerRecord(
            rejectedVersion(draft(), id), QStringLiteral("\"2\""), QStringLiteral("請補正。"));
        CHECK(store.records().find(localId)->serverRejectionReason == "請補正。");
        store.syncState().applyServerRecord(
            serverVersion(draft(), id), QStringLiteral("\"3\""), reason);
        CHECK(store.records().find(localId)->serverRejectionReason.isEmpty());
        CHECK(listedReason(store, localId).isEmpty());
        withRawConnection(folder.file(), [](QSqlDatabase& db) {
            CHECK(scalar(db,
                      QStringLiteral("SELECT count(*) FROM vacancies WHERE"
                                     " server_rejection_reason IS NOT NULL"))
                      .toInt()
                == 0);
        });
    }
    SECTION("the answer to a create, then a rebase onto a version the service approved")
    {
        const QString localId = store.records().createQueued(draft());
        const OutboxEntry create = rowsOf(store, localId).first();
        store.outbox().beginAttempt(create.sequence);
        store.outbox().acknowledge(
            create.sequence, rejectedVersion(draft(), id), QStringLiteral("\"1\""), reason);
        CHECK(store.records().find(localId)->serverRejectionReason == reason);

        Vacancy edited = store.records().find(localId)->data;
        edited.duties = QStringLiteral("補正後的工作項目");
        store.records().saveAndQueue(localId, edited);
        CHECK(store.records().find(localId)->serverRejectionReason == reason); // still the verdict

        const Vacancy approved = serverVersion(draft(), id, 2);
        store.outbox().rebase(localId, approved, QStringLiteral("\"2\""), edited);
        CHECK(store.records().find(localId)->serverRejectionReason.isEmpty());
    }
    SECTION("a rebase onto a rejected version, then a withdrawal")
    {
        const QString localId = syncedRecord(store, id);
        store.records().remove(localId);
        store.outbox().rebase(localId, rejectedVersion(draft(), id), QStringLiteral("\"2\""),
            rejectedVersion(draft(), id), std::nullopt, reason);
        CHECK(store.records().find(localId)->serverRejectionReason == reason);

        Vacancy withdrawn = rejectedVersion(draft(), id);
        withdrawn.status = VacancyStatus::Withdrawn;
        const OutboxEntry removal = rowsOf(store, localId).last();
        store.outbox().beginAttempt(removal.sequence);
        store.outbox().acknowledgeDelete(removal.sequence, withdrawn, QStringLiteral("\"3\""));
        CHECK(store.records().find(localId)->serverRejectionReason.isEmpty());
    }
    checkConsistent(store);
}
