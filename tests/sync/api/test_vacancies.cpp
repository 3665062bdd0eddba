// The vacancy routes and the change feed through ServiceClient, against the real server:
// records with their etags, exact-bytes idempotent creates, If-Match, typed refusals.

#include "client_fixture.hpp"
#include "core/api/vacancy_record_json.hpp"

#include <QJsonDocument>
#include <QJsonObject>

using namespace apitest;
using core::api::VacancyScope;
using core::domain::VacancyStatus;

TEST_CASE("Create, read, list, replace and delete vacancies through the client", "[api][vacancies]")
{
    servertest::TestServer server;
    ServiceClient client(configFor(server));
    clerkLogin(client);

    // Create: the server assigns the id, the agency and the version.
    const QByteArray body = vacancyBytes();
    const QString key = newKey();
    const auto created = client.createVacancy(key, body);
    REQUIRE(created.ok());
    CHECK_FALSE(created->replayed);
    const core::api::VacancyRecord record = created->record;
    CHECK(record.vacancy.vacancyId.size() == 10);
    CHECK(record.vacancy.agencyCode == vacancytest::ownAgency);
    CHECK(record.vacancy.agencyName == "測試機關");
    CHECK(record.vacancy.status == VacancyStatus::Published);
    CHECK(record.vacancy.title == "科員");
    CHECK(record.etag.startsWith('"'));
    CHECK(record.rejectionReason.isEmpty());

    // Read it back: the same record and version.
    const auto read = client.getVacancy(record.vacancy.vacancyId);
    REQUIRE(read.ok());
    CHECK(read->vacancy == record.vacancy);
    CHECK(read->etag == record.etag);

    // The same bytes with the same key: the stored answer, nothing new.
    const auto replay = client.createVacancy(key, body);
    REQUIRE(replay.ok());
    CHECK(replay->replayed);
    CHECK(replay->record.vacancy == record.vacancy);
    CHECK(replay->record.etag == record.etag);
    // The same JSON in other bytes is the same request (the server compares compact JSON, so a
    // batch item can stand for this POST); another body under the key is refused.
    QByteArray reformatted = body;
    reformatted.insert(1, ' ');
    const auto respaced = client.createVacancy(key, reformatted);
    REQUIRE(respaced.ok());
    CHECK(respaced->replayed);
    CHECK(respaced->record.vacancy == record.vacancy);
    QJsonObject otherTitle = QJsonDocument::fromJson(body).object();
    otherTitle.insert(QStringLiteral("title"), QStringLiteral("技士"));
    const auto reused
        = client.createVacancy(key, QJsonDocument(otherTitle).toJson(QJsonDocument::Compact));
    REQUIRE_FALSE(reused.ok());
    CHECK(reused.failure.kind == ErrorKind::Http);
    CHECK(reused.failure.httpStatus == 422);
    CHECK(reused.failure.error == ServiceError::IdempotencyKeyReused);
    CHECK_FALSE(reused.failure.retriable());

    // List, search, filter by id, page.
    const auto second = createdRecord(client, vacancyBytes(2));
    const auto listed = client.listVacancies();
    REQUIRE(listed.ok());
    CHECK(listed->total == 3); // the two new ones and the seeded rejected one
    CHECK(listed->page == 1);
    CHECK(listed->pageSize == 20);
    QStringList ids;
    for (const auto& item : listed->items)
        ids.append(item.vacancy.vacancyId);
    CHECK(ids.contains(record.vacancy.vacancyId));
    CHECK(ids.contains(second.vacancy.vacancyId));
    CHECK(ids.contains(vacancytest::seededRejected));
    const auto paged = client.listVacancies(VacancyScope::Current, {}, {}, 2, 2);
    REQUIRE(paged.ok());
    CHECK(paged->items.size() == 1);
    CHECK(paged->page == 2);
    CHECK(paged->total == 3);
    const auto byId = client.listVacancies(VacancyScope::Current, second.vacancy.vacancyId);
    REQUIRE(byId.ok());
    REQUIRE(byId->items.size() == 1);
    CHECK(byId->items.first().vacancy == second.vacancy);
    const auto searched = client.listVacancies(VacancyScope::Current, {}, "綜合業務");
    REQUIRE(searched.ok());
    CHECK(searched->total == 2);
    const auto nothing = client.listVacancies(VacancyScope::Current, {}, "100% & +x?");
    REQUIRE(nothing.ok());
    CHECK(nothing->total == 0);
    const auto history = client.listVacancies(VacancyScope::History);
    REQUIRE(history.ok());
    QStringList historyIds;
    for (const auto& item : history->items)
        historyIds.append(item.vacancy.vacancyId);
    CHECK(historyIds.contains(vacancytest::seededWithdrawn));

    // The seeded rejected one carries its reason apart from the vacancy.
    const auto rejected = client.getVacancy(vacancytest::seededRejected);
    REQUIRE(rejected.ok());
    CHECK(rejected->vacancy.status == VacancyStatus::Rejected);
    CHECK_FALSE(rejected->rejectionReason.isEmpty());

    // Replace with If-Match: a new version.
    QJsonObject changed = core::domain::toJson(record.vacancy);
    changed.insert("title", "專員");
    const auto replaced
        = client.replaceVacancy(record.vacancy.vacancyId, record.etag, bytesOf(changed));
    REQUIRE(replaced.ok());
    CHECK(replaced->vacancy.title == "專員");
    CHECK(replaced->etag != record.etag);

    // Delete: a published one is withdrawn (the record), a scheduled one is deleted.
    const auto withdrawn = client.deleteVacancy(record.vacancy.vacancyId, replaced->etag);
    REQUIRE(withdrawn.ok());
    CHECK_FALSE(withdrawn->deleted);
    REQUIRE(withdrawn->withdrawn.has_value());
    CHECK(withdrawn->withdrawn->vacancy.status == VacancyStatus::Withdrawn);
    CHECK(withdrawn->etag == withdrawn->withdrawn->etag);
    CHECK(withdrawn->etag != replaced->etag);
    const auto deleted = client.deleteVacancy(second.vacancy.vacancyId, second.etag);
    REQUIRE(deleted.ok());
    CHECK(deleted->deleted);
    CHECK_FALSE(deleted->withdrawn.has_value());
    CHECK(deleted->etag.startsWith('"'));
    CHECK(client.getVacancy(second.vacancy.vacancyId).failure.error == ServiceError::NotFound);
}

TEST_CASE("The change feed through the client: entries, tombstones, cursor", "[api][vacancies]")
{
    servertest::TestServer server;
    ServiceClient client(configFor(server));
    clerkLogin(client);

    const auto start = client.changes();
    REQUIRE(start.ok());
    CHECK_FALSE(start->hasMore);
    const int seeded = int(start->entries.size());
    const QString mark = start->cursor;
    REQUIRE_FALSE(mark.isEmpty());

    const auto kept = createdRecord(client, vacancyBytes());
    const auto gone = createdRecord(client, vacancyBytes(3));
    REQUIRE(client.deleteVacancy(gone.vacancy.vacancyId, gone.etag).ok());

    const auto page = client.changes(mark);
    REQUIRE(page.ok());
    CHECK_FALSE(page->hasMore);
    REQUIRE(page->entries.size() == 2);
    const auto& live = page->entries.at(0);
    CHECK(live.id == kept.vacancy.vacancyId);
    CHECK(live.etag == kept.etag);
    CHECK_FALSE(live.deleted);
    REQUIRE(live.vacancy.has_value());
    CHECK(live.vacancy->vacancy == kept.vacancy);
    const auto& tombstone = page->entries.at(1);
    CHECK(tombstone.id == gone.vacancy.vacancyId);
    CHECK(tombstone.deleted);
    CHECK_FALSE(tombstone.vacancy.has_value());

    // One at a time from the beginning: every entry, hasMore until the last.
    QString cursor;
    int seen = 0;
    for (bool more = true; more; ++seen) {
        const auto one = client.changes(cursor, 1);
        REQUIRE(one.ok());
        REQUIRE(one->entries.size() == 1);
        cursor = one->cursor;
        more = one->hasMore;
        REQUIRE(seen < 50);
    }
    CHECK(seen == seeded + 2);
    const auto end = client.changes(cursor);
    REQUIRE(end.ok());
    CHECK(end->entries.isEmpty());
    CHECK(end->cursor == cursor);

    const auto invalid = client.changes("bm9wZQ");
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.failure.httpStatus == 400);
    CHECK(invalid.failure.error == ServiceError::CursorInvalid);
    const auto tooMany = client.changes({}, 501);
    CHECK(tooMany.failure.error == ServiceError::RequestInvalid);
    CHECK(tooMany.failure.fields.value("limit").toArray().contains("range"));
}

TEST_CASE("Vacancy refusals come back typed", "[api][vacancies]")
{
    servertest::TestServer server;
    ServiceClient client(configFor(server));
    clerkLogin(client);
    const auto record = createdRecord(client, vacancyBytes());
    const QString id = record.vacancy.vacancyId;
    const QByteArray body = bytesOf(core::domain::toJson(record.vacancy));

    SECTION("validation-failed names the fields")
    {
        QJsonObject bad = vacancytest::vacancyBody();
        bad.insert("openings", 1);
        bad.insert("reserveOpenings", 5);
        bad.insert("title", "");
        const auto refused = client.createVacancy(newKey(), bytesOf(bad));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.failure.httpStatus == 422);
        CHECK(refused.failure.error == ServiceError::ValidationFailed);
        CHECK(refused.failure.fields.contains("reserveOpenings"));
        CHECK(refused.failure.fields.contains("title"));
        CHECK(refused.failure.message == "職缺資料有誤，請依欄位說明修正。");
    }
    SECTION("a body that is no vacancy is request-invalid")
    {
        const auto refused = client.createVacancy(newKey(), R"({"nope":1})");
        CHECK(refused.failure.httpStatus == 400);
        CHECK(refused.failure.error == ServiceError::RequestInvalid);
        CHECK(refused.failure.fields.value("nope").toArray().contains("unknown"));
        CHECK(client.createVacancy(newKey(), "{").failure.error == ServiceError::JsonMalformed);
    }
    SECTION("a create without a usable key is idempotency-key-required")
    {
        CHECK(client.createVacancy({}, vacancyBytes()).failure.error
            == ServiceError::IdempotencyKeyRequired);
        CHECK(client.createVacancy("not-a-uuid", vacancyBytes()).failure.error
            == ServiceError::IdempotencyKeyRequired);
    }
    SECTION("no If-Match is precondition-required")
    {
        const auto refused = client.replaceVacancy(id, {}, body);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.failure.httpStatus == 428);
        CHECK(refused.failure.error == ServiceError::PreconditionRequired);
        CHECK(client.replaceVacancy(id, "*", body).failure.error
            == ServiceError::PreconditionRequired);
        CHECK(client.deleteVacancy(id, {}).failure.error == ServiceError::PreconditionRequired);
    }
    SECTION("a stale If-Match is precondition-failed with the current record")
    {
        QJsonObject changed = core::domain::toJson(record.vacancy);
        changed.insert("title", "專員");
        const auto first = client.replaceVacancy(id, record.etag, bytesOf(changed));
        REQUIRE(first.ok());
        const auto stale = client.replaceVacancy(id, record.etag, body);
        REQUIRE_FALSE(stale.ok());
        CHECK(stale.failure.httpStatus == 412);
        CHECK(stale.failure.error == ServiceError::PreconditionFailed);
        const QJsonObject current = stale.failure.body.value("current").toObject();
        CHECK(current.value("etag").toString() == first->etag);
        CHECK(current.value("title").toString() == "專員");
        const auto parsed = core::api::currentRecord(stale.failure);
        REQUIRE(parsed.has_value());
        CHECK(parsed->etag == first->etag);
        CHECK(parsed->vacancy == first->vacancy);
        CHECK(client.deleteVacancy(id, record.etag).failure.error
            == ServiceError::PreconditionFailed);
        CHECK_FALSE(core::api::currentRecord(client.getVacancy("0000000000").failure));
    }
    SECTION("another agency's vacancy and an unknown one are not-found")
    {
        for (const QString& other : { vacancytest::otherAgencyCurrent, QStringLiteral("9999999999"),
                 QStringLiteral("../x") }) {
            const auto missing = client.getVacancy(other);
            REQUIRE_FALSE(missing.ok());
            CHECK(missing.failure.httpStatus == 404);
            CHECK(missing.failure.error == ServiceError::NotFound);
        }
        CHECK(client
                  .replaceVacancy(vacancytest::otherAgencyCurrent, record.etag,
                      bytesOf(vacancytest::vacancyBody()))
                  .failure.error
            == ServiceError::NotFound);
    }
    SECTION("a withdrawn vacancy is vacancy-closed")
    {
        const auto withdrawn = client.getVacancy(vacancytest::seededWithdrawn);
        REQUIRE(withdrawn.ok());
        const auto closed = client.replaceVacancy(vacancytest::seededWithdrawn, withdrawn->etag,
            bytesOf(core::domain::toJson(withdrawn->vacancy)));
        CHECK(closed.failure.httpStatus == 409);
        CHECK(closed.failure.error == ServiceError::VacancyClosed);
        CHECK_FALSE(closed.failure.retriable());
    }
    SECTION("a password session may read but not write")
    {
        ServiceClient reader(configFor(server));
        REQUIRE(reader.passwordLogin("wang01", servertest::clerkPassword).ok());
        CHECK(reader.getVacancy(id).ok());
        CHECK(reader.listVacancies().ok());
        const auto write = reader.createVacancy(newKey(), vacancyBytes());
        REQUIRE_FALSE(write.ok());
        CHECK(write.failure.kind == ErrorKind::Http);
        CHECK(write.failure.httpStatus == 403);
        CHECK(write.failure.error == ServiceError::CertificateLoginRequired);
        CHECK(reader.replaceVacancy(id, record.etag, body).failure.error
            == ServiceError::CertificateLoginRequired);
        CHECK(reader.deleteVacancy(id, record.etag).failure.error
            == ServiceError::CertificateLoginRequired);
    }
}
