// 環境檢測 headless (core/diagnostics), with no smart card service at all (PCSCLITE_CSOCK_NAME
// points at a socket that does not exist, set by tests/core/diagnostics.cmake): what is said
// without pcscd, a dead service told from a live one, and a clock that is off.
#include "core/diagnostics/environment_check.hpp"
#include "test_server.hpp"

#include <QSignalSpy>
#include <QTcpServer>
#include <catch2/catch.hpp>

using core::diagnostics::CheckId;
using core::diagnostics::CheckStatus;
using core::diagnostics::Finding;

namespace {

/// Runs a check to the end.
void runToEnd(core::diagnostics::EnvironmentCheck& check)
{
    QSignalSpy finished(&check, &core::diagnostics::EnvironmentCheck::finished);
    REQUIRE(check.start());
    REQUIRE(finished.wait(120000));
}

/// A loopback port nobody listens on.
QUrl deadUrl()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

} // namespace

TEST_CASE("the environment check without pcscd says so and what to do", "[diagnostics]")
{
    core::diagnostics::EnvironmentCheck check;
    core::diagnostics::EnvironmentCheckOptions options;
    options.pkcs11Module = QStringLiteral("/nonexistent/libHicos_p11.so");
    check.setOptions(options);
    runToEnd(check);
    const auto pcsc = check.result(CheckId::SmartCardService);
    CHECK(pcsc.status == CheckStatus::Failed);
    CHECK(pcsc.finding == Finding::PcscUnavailable);
    CHECK(core::diagnostics::adviceText(pcsc).contains(QStringLiteral("pcscd")));
    CHECK(check.result(CheckId::Readers).status == CheckStatus::Skipped);
    CHECK(check.result(CheckId::Cards).status == CheckStatus::Skipped);
    CHECK(check.result(CheckId::SigningModule).finding == Finding::ModuleConfiguredMissing);
    CHECK(check.result(CheckId::Service).finding == Finding::ServiceNotConfigured);
    CHECK(check.result(CheckId::Clock).status == CheckStatus::Skipped);
}

TEST_CASE("the environment check tells a reachable service from a dead one", "[diagnostics]")
{
    servertest::TestServer server;
    core::diagnostics::EnvironmentCheck live;
    core::diagnostics::EnvironmentCheckOptions liveOptions;
    liveOptions.service.baseUrl = QUrl(server.baseUrl());
    live.setOptions(liveOptions);
    runToEnd(live);
    CHECK(live.result(CheckId::Service).status == CheckStatus::Ok);
    CHECK(live.result(CheckId::Service).finding == Finding::ServiceReachable);
    CHECK(live.result(CheckId::Clock).finding == Finding::ClockRight);

    core::diagnostics::EnvironmentCheck dead;
    core::diagnostics::EnvironmentCheckOptions options;
    options.service.baseUrl = deadUrl();
    dead.setOptions(options);
    runToEnd(dead);
    CHECK(dead.result(CheckId::Service).status == CheckStatus::Failed);
    CHECK(dead.result(CheckId::Service).finding == Finding::ServiceUnreachable);
    CHECK_FALSE(core::diagnostics::adviceText(dead.result(CheckId::Service)).isEmpty());
    CHECK(dead.result(CheckId::Clock).finding == Finding::SkippedNoService);
}

TEST_CASE("the environment check shows how far the clock is off", "[diagnostics]")
{
    servertest::TestServer server;
    core::diagnostics::EnvironmentCheck check;
    core::diagnostics::EnvironmentCheckOptions options;
    options.service.baseUrl = QUrl(server.baseUrl());
    // A local clock 7 minutes 30 seconds fast against the server's Date header.
    options.localClock = [] { return QDateTime::currentDateTimeUtc().addSecs(450); };
    check.setOptions(options);
    runToEnd(check);
    const auto clock = check.result(CheckId::Clock);
    CHECK(clock.status == CheckStatus::Failed);
    CHECK(clock.finding == Finding::ClockSkewed);
    CHECK(clock.seconds >= 445);
    CHECK(clock.seconds <= 455);
    CHECK(core::diagnostics::findingText(clock).startsWith(
        QStringLiteral("電腦時間比伺服器快 7 分")));
    CHECK(core::diagnostics::adviceText(clock).contains(QStringLiteral("timedatectl")));
}

TEST_CASE("程式元件 loads the program's modules and names the one that is missing", "[diagnostics]")
{
    using core::diagnostics::ModuleCheck;
    using core::diagnostics::ProgramPart;
    const ModuleCheck network { ProgramPart::Network, QStringLiteral("shiqiuren-network"),
        QByteArrayLiteral("shiqiuren_create_wire") };
    const ModuleCheck printing { ProgramPart::Printing, QStringLiteral("shiqiuren-print"),
        QByteArrayLiteral("shiqiuren_open_print_dialog") };

    // Both where the build tree keeps them, as the package installs them beside the programs.
    core::diagnostics::EnvironmentCheck complete;
    core::diagnostics::EnvironmentCheckOptions options;
    options.modules = { network, printing };
    complete.setOptions(options);
    runToEnd(complete);
    const auto parts = complete.result(CheckId::ProgramParts);
    CHECK(parts.status == CheckStatus::Ok);
    CHECK(parts.finding == Finding::PartsComplete);
    REQUIRE(parts.facts.size() == 2);
    CHECK(parts.facts.at(0).endsWith(QStringLiteral("/libshiqiuren-network.so")));
    CHECK(parts.facts.at(1).endsWith(QStringLiteral("/libshiqiuren-print.so")));
    const QString found = core::diagnostics::findingText(parts);
    CHECK(found.contains(QStringLiteral("網路元件")));
    CHECK(found.contains(QStringLiteral("列印元件")));
    CHECK(core::diagnostics::adviceText(parts).isEmpty());
    CHECK(complete.results().first().id == CheckId::ProgramParts); // first: the others need it

    // A network module that is not there: named with where it was looked for, the advice is to
    // reinstall, and the service is not asked (its failure would blame the network).
    core::diagnostics::EnvironmentCheck broken;
    options.modules = { { ProgramPart::Network, QStringLiteral("shiqiuren-no-such-network"),
                            QByteArrayLiteral("shiqiuren_create_wire") },
        printing };
    options.service.baseUrl = deadUrl();
    broken.setOptions(options);
    runToEnd(broken);
    const auto missing = broken.result(CheckId::ProgramParts);
    CHECK(missing.status == CheckStatus::Failed);
    CHECK(missing.finding == Finding::PartMissing);
    REQUIRE(missing.facts.size() == 1);
    CHECK(missing.facts.first().contains(QStringLiteral("libshiqiuren-no-such-network.so")));
    CHECK(core::diagnostics::findingText(missing).contains(QStringLiteral("網路元件")));
    CHECK_FALSE(core::diagnostics::findingText(missing).contains(QStringLiteral("列印元件")));
    CHECK(core::diagnostics::adviceText(missing).contains(QStringLiteral("--reinstall")));
    const auto service = broken.result(CheckId::Service);
    CHECK(service.status == CheckStatus::Skipped);
    CHECK(service.finding == Finding::SkippedNoNetworkPart);
    CHECK(broken.result(CheckId::Clock).status == CheckStatus::Skipped);

    // A library that is a module of something else: the entry point is what is missing.
    core::diagnostics::EnvironmentCheck foreign;
    options.modules = { { ProgramPart::Printing, QStringLiteral("shiqiuren-network"),
        QByteArrayLiteral("shiqiuren_open_print_dialog") } };
    options.service.baseUrl.clear();
    foreign.setOptions(options);
    runToEnd(foreign);
    const auto wrong = foreign.result(CheckId::ProgramParts);
    CHECK(wrong.finding == Finding::PartMissing);
    CHECK(wrong.facts.value(0).contains(QStringLiteral("shiqiuren_open_print_dialog")));
    CHECK(foreign.result(CheckId::Service).finding == Finding::ServiceNotConfigured);
}
