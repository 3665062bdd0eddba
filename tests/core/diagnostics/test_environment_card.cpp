// 環境檢測 with the project's real pcscd and the virtual card: the reader and the card's kind.

#include "card_wait.hpp"
#include "core/cards/card_inspector.hpp"
#include "core/diagnostics/environment_check.hpp"
#include "virtual_card.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QThread>
#include <catch2/catch.hpp>

using core::diagnostics::CheckId;
using core::diagnostics::CheckStatus;
using core::diagnostics::Finding;

namespace {

/// Waits (hang guard only) until pcscd sees the virtual reader empty.
bool cardGone()
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        try {
            core::cards::CardInspector inspector;
            for (const auto& state : inspector.readerStates())
                if (state.name == testsupport::virtualReaderName() && !state.cardPresent)
                    return true;
        } catch (...) { }
        QThread::msleep(100);
    }
    return false;
}

core::diagnostics::EnvironmentCheck* runCheck(core::diagnostics::EnvironmentCheck& check)
{
    QSignalSpy finished(&check, &core::diagnostics::EnvironmentCheck::finished);
    REQUIRE(check.start());
    REQUIRE(finished.wait(120000));
    return &check;
}

} // namespace

TEST_CASE("the environment check reports the reader and the card's kind", "[pcsc][diagnostics]")
{
    // Into an empty reader: a card left by the suite before may still show for one pcscd poll.
    const auto inserted = testsupport::insertCard(QStringLiteral("moica-gen1"));
    testsupport::VirtualCard& card = *inserted;
    core::diagnostics::EnvironmentCheck check;
    core::diagnostics::EnvironmentCheckOptions options;
    options.pkcs11Module = QStringLiteral(SHIQIUREN_COUNTING_MODULE);
    check.setOptions(options);
    runCheck(check);

    CHECK(check.result(CheckId::SmartCardService).status == CheckStatus::Ok);
    const auto readers = check.result(CheckId::Readers);
    CHECK(readers.status == CheckStatus::Ok);
    CHECK(readers.facts.contains(testsupport::virtualReaderName()));
    const auto cards = check.result(CheckId::Cards);
    CHECK(cards.status == CheckStatus::Ok);
    // The counting module is configured below: a configured module signs HiCOS cards.
    CHECK(cards.facts.contains(
        testsupport::virtualReaderName() + QStringLiteral("\tmoica-gen1\tmodule-configured")));
    CHECK(core::diagnostics::findingText(cards).contains(
        QStringLiteral("自然人憑證（HiCOS 第一代）")));
    const auto module = check.result(CheckId::SigningModule);
    CHECK(module.status == CheckStatus::Ok);
    CHECK(module.facts.value(0) == QStringLiteral(SHIQIUREN_COUNTING_MODULE));

    // The same card with no module anywhere: fine, gen1 signs directly, and the check says so.
    options.pkcs11Module.clear();
    check.setOptions(options);
    runCheck(check);
    CHECK(check.result(CheckId::Cards)
              .facts.contains(
                  testsupport::virtualReaderName() + QStringLiteral("\tmoica-gen1\thicos-gen1")));
    CHECK(core::diagnostics::findingText(check.result(CheckId::Cards))
              .contains(QStringLiteral("HiCOS 第一代")));
    const auto missing = check.result(CheckId::SigningModule);
    if (missing.finding != Finding::ModuleFound) { // a machine with HiCOS installed finds it
        CHECK(missing.status == CheckStatus::Ok);
        CHECK(missing.finding == Finding::ModuleMissing);
    }

    // The card out: the reader stays, the card check asks for one.
    card.control("remove");
    REQUIRE(cardGone());
    runCheck(check);
    CHECK(check.result(CheckId::Readers).status == CheckStatus::Ok);
    CHECK(check.result(CheckId::Cards).finding == Finding::NoCard);
}
