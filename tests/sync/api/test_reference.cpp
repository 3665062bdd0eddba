// Code lists with ETag / If-None-Match and health through ServiceClient.

#include "client_fixture.hpp"

using namespace apitest;
using core::domain::CodeListKind;

TEST_CASE("Code lists: the bundle with its ETag, then 304 while unchanged", "[api][reference]")
{
    servertest::TestServer server;
    ServiceClient client(configFor(server)); // public: no session

    const auto first = client.codeLists();
    REQUIRE(first.ok());
    CHECK_FALSE(first->notModified);
    CHECK(first->etag.startsWith('"'));
    REQUIRE(first->lists.has_value());
    CHECK(first->lists->etag() == first->etag);
    CHECK(first->lists->items(CodeListKind::Series)
        == core::domain::CodeLists::builtin().items(CodeListKind::Series));
    CHECK(first->bundle.contains("workplaces"));

    const auto same = client.codeLists(first->etag);
    REQUIRE(same.ok());
    CHECK(same->notModified);
    CHECK_FALSE(same->lists.has_value());
    CHECK(same->bundle.isEmpty());
    CHECK(same->etag == first->etag);

    const auto stale = client.codeLists("\"0123\"");
    REQUIRE(stale.ok());
    CHECK_FALSE(stale->notModified);
    CHECK(stale->etag == first->etag);
}

TEST_CASE("Health: up, and the database answers", "[api][reference]")
{
    servertest::TestServer server;
    ServiceClient client(configFor(server));
    const auto health = client.health();
    REQUIRE(health.ok());
    CHECK(health->ok);
    CHECK(health->status == "ok");
    CHECK(health->database == "ok");
}
