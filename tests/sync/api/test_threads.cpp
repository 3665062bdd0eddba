// The sync engine calls the client from a worker thread with no event loop running: every call
// must work there, and without the main thread's help.

#include "client_fixture.hpp"

#include <QThread>
#include <thread>

using namespace apitest;

namespace {

struct Observed {
    bool health = false;
    bool codeLists = false;
    int listed = -1;
    QString created;
    bool replayed = false;
    ErrorKind unauthenticated = ErrorKind::None;
};

/// Calls a few routes with `token`; what they answered.
Observed callRoutes(
    ServiceClient& client, const QString& token, const QByteArray& body, const QString& key)
{
    Observed seen;
    seen.health = client.health().ok();
    seen.codeLists = client.codeLists().ok();
    client.setSessionToken(token);
    const auto list = client.listVacancies();
    seen.listed = list.ok() ? list->total : -1;
    const auto first = client.createVacancy(key, body);
    const auto again = client.createVacancy(key, body);
    if (first.ok() && again.ok() && again->record.vacancy == first->record.vacancy) {
        seen.created = first->record.vacancy.vacancyId;
        seen.replayed = again->replayed;
    }
    client.clearSession();
    seen.unauthenticated = client.account().failure.kind;
    return seen;
}

void checkObserved(const Observed& seen)
{
    CHECK(seen.health);
    CHECK(seen.codeLists);
    CHECK(seen.listed >= 1);
    CHECK(seen.created.size() == 10);
    CHECK(seen.replayed);
    CHECK(seen.unauthenticated == ErrorKind::Http);
}

} // namespace

TEST_CASE("Calls from a std::thread without an event loop", "[api][threads]")
{
    servertest::TestServer server;
    ServiceClient main(configFor(server));
    clerkLogin(main);
    // The token is handed over; the worker's client is its own.
    servertest::HttpClient http = server.client();
    const QString token = servertest::clerkSession(http);
    const QByteArray body = vacancyBytes();
    const QString key = newKey();

    Observed seen;
    std::thread worker([&] {
        ServiceClient client(configFor(server));
        seen = callRoutes(client, token, body, key);
    });
    worker.join(); // the main thread blocks: nothing of it runs meanwhile
    checkObserved(seen);

    // A client made in one thread and used in others, one after the other.
    ServiceClient shared(configFor(server));
    REQUIRE(shared.health().ok());
    for (int i = 0; i < 2; ++i) {
        Observed again;
        std::thread next([&] { again = callRoutes(shared, token, body, key); });
        next.join();
        checkObserved(again);
        CHECK(again.created == seen.created); // the same key and bytes: the same vacancy
    }
    CHECK(shared.health().ok());
}

TEST_CASE("Calls from a QThread whose run() never starts an event loop", "[api][threads]")
{
    servertest::TestServer server;
    servertest::HttpClient http = server.client();
    const QString token = servertest::clerkSession(http);
    const QByteArray body = vacancyBytes(1);
    const QString key = newKey();

    Observed seen;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        ServiceClient client(configFor(server));
        seen = callRoutes(client, token, body, key);
    }));
    thread->start();
    REQUIRE(thread->wait(60000));
    checkObserved(seen);

    // Two workers at once, each with its own client.
    Observed a, b;
    std::thread first([&] {
        ServiceClient client(configFor(server));
        a = callRoutes(client, token, vacancyBytes(2), newKey());
    });
    std::thread second([&] {
        ServiceClient client(configFor(server));
        b = callRoutes(client, token, vacancyBytes(3), newKey());
    });
    first.join();
    second.join();
    checkObserved(a);
    checkObserved(b);
    CHECK(a.created != b.created);
}
