// The kinds of vacancy agencies really publish, over real HTTP: each is created, goes back
// unchanged (what a sync does), is in the change feed and in today's Open Data feed with its
// own 人員區分, 官職等 and 職系; and what the rules still refuse gets the very field and words
// the client's rules give (the form shows those).

#include "core/domain/vacancy_rules.hpp"
#include "open_data_feed.hpp"
#include "test_server.hpp"
#include "vacancy_test_support.hpp"

#include <QHash>

using namespace servertest;
using namespace vacancytest;

namespace {

/// The 職系 as the feed writes it for the fixture's posts: names, 「無」 for 0100.
QString feedSeries(const QStringList& codes)
{
    QStringList names;
    for (const QString& code : codes)
        names.append(core::domain::CodeLists::builtin()
                         .find(core::domain::CodeListKind::Series, code)
                         ->name);
    return names.join(QStringLiteral("、"));
}

} // namespace

TEST_CASE("vacancies: every kind agencies publish is accepted, synced and in the Open Data feed",
    "[server][vacancies][kinds]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    QList<domaintest::VacancyKind> kinds = domaintest::realisticVacancies();
    for (core::domain::Vacancy saved : domaintest::savedUnderOldRules()) {
        saved.status.reset(); // sent afresh: the server assigns both
        saved.vacancyId.clear();
        kinds.append({ "a record saved under the old rules", saved });
    }
    QHash<QString, domaintest::VacancyKind> byId;
    for (const domaintest::VacancyKind& kind : kinds) {
        INFO(kind.what);
        const Reply reply = create(client, token, bodyOf(kind.vacancy));
        INFO(reply.body.toStdString());
        REQUIRE(reply.status == 201);
        const QJsonObject record = reply.json();
        const QString id = record.value("vacancyId").toString();
        byId.insert(id, kind);
        // A sync sends the record back as it read it.
        const Reply again = put(client, token, id, record, etagOf(record));
        INFO(again.body.toStdString());
        CHECK(again.status == 200);
    }
    const QStringList changed = feedIds(wholeFeed(client, token));
    for (auto it = byId.cbegin(); it != byId.cend(); ++it)
        CHECK(changed.contains(it.key()));

    const Reply reply = client.get(opendatatest::feedPath);
    REQUIRE(reply.status == 200);
    const opendatatest::Feed feed = opendatatest::parseFeed(reply.body);
    QSet<QString> seen;
    for (const auto& row : feed.rows) {
        const QString id = opendatatest::Feed::workId(row);
        if (!byId.contains(id))
            continue;
        seen.insert(id);
        const core::domain::Vacancy& v = byId.value(id).vacancy;
        INFO(byId.value(id).what);
        CHECK(row.value("PERSON_KIND") == v.personKind);
        CHECK(row.value("TITLE") == v.title);
        if (v.gradeRanges.isEmpty())
            CHECK(row.value("RANK") == v.gradeText); // nothing made up when there is none
        else
            CHECK(row.value("RANK").contains(QStringLiteral("職等")));
        CHECK(row.value("SYSNAM") == feedSeries(v.seriesCodes));
        CHECK(row.value("NUMBER_OF") == QString::number(v.openings));
        CHECK(row.value("RESERVE_NUM") == QString::number(v.reserveOpenings));
    }
    CHECK(seen.size() == byId.size());
}

TEST_CASE("vacancies: what the rules refuse is answered with the client's field and words",
    "[server][vacancies][kinds]")
{
    TestServer server;
    const HttpClient client = server.client();
    const QString token = clerkSession(client);

    for (const domaintest::Refusal& refusal : domaintest::refusals()) {
        INFO(refusal.what);
        core::domain::Vacancy v = domaintest::validVacancy();
        refusal.breakIt(v);
        const QJsonObject body = bodyOf(v);
        const Reply reply = create(client, token, body);
        INFO(reply.body.toStdString());
        CHECK(reply.status == 422);
        CHECK(reply.error() == "validation-failed");
        const QJsonObject fields = reply.json().value("fields").toObject();
        CHECK(fields.keys() == QStringList { QString::fromLatin1(refusal.field) });
        CHECK(fields.value(refusal.field).toArray()
            == QJsonArray { QString::fromUtf8(refusal.message) });

        // The form runs core's rules on the same record: the same field, the same words.
        core::domain::Vacancy sent = core::domain::vacancyFromJson(body);
        sent.agencyName = v.agencyName; // the form shows the login's agency
        QJsonObject formMessages;
        for (const auto& message :
            core::domain::validate(sent, core::domain::CodeLists::builtin(), today()))
            formMessages.insert(message.field, QJsonArray { message.message });
        CHECK(formMessages == fields);
    }
    CHECK(list(client, token).value("total").toInt() == 1); // the seeded rejected one only
}
