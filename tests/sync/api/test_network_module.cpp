// The network module: found where the programs expect it, and a missing one is a typed
// Network failure naming where it looked, never a crash or a request half sent.
#include "network_module.hpp"

#include <QFileInfo>
#include <catch2/catch.hpp>

using core::api::detail::networkModuleCandidates;
using core::api::detail::openWire;

TEST_CASE("the network module is found beside the programs and opens a wire", "[api][module]")
{
    const QStringList candidates = networkModuleCandidates();
    REQUIRE_FALSE(candidates.isEmpty());
    CHECK(QFileInfo::exists(candidates.first()));
    QString why;
    const auto wire = openWire({}, candidates, why);
    CHECK(wire != nullptr);
    CHECK(why.isEmpty());
    // A second exchange opens its own wire from the module already loaded.
    CHECK(openWire({}, candidates, why) != nullptr);
}

TEST_CASE(
    "a missing network module is a Network failure that says where it looked", "[api][module]")
{
    QString why;
    const auto none = openWire({}, { QStringLiteral("/nonexistent/libshiqiuren-network.so") }, why);
    CHECK(none == nullptr);
    CHECK(why.contains(QStringLiteral("network module")));
    CHECK(why.contains(QStringLiteral("/nonexistent/libshiqiuren-network.so")));

    // A library that is no network module is refused too.
    why.clear();
    CHECK(openWire({}, { QStringLiteral("libz.so.1") }, why) == nullptr);
    CHECK(why.contains(QStringLiteral("shiqiuren_create_wire")));
}
