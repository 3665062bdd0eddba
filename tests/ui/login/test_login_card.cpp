// The card login through the dialog, against the real pcscd with the iso-eid virtual card and
// the real server: from waiting for a card to the dialog accepting with the session begun; a
// wrong PIN's new count; the final try's confirmation; the locked page; an expired certificate.
#include "../accessible_names.hpp"
#include "login_support.hpp"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace logintest;
using namespace testsupport;

namespace {

/// A copy of the test PKI whose "citizen" card holds the `name` certificate (expired, …).
QString pkiWithCitizen(const QTemporaryDir& dir, const QString& name)
{
    const QString pki = dir.filePath(QStringLiteral("pki-") + name);
    REQUIRE(QDir().mkpath(pki));
    const QDir source(testPkiDir());
    REQUIRE(QFile::copy(source.filePath(name + ".der"), pki + "/citizen-sign.der"));
    REQUIRE(QFile::copy(source.filePath(name + ".pkcs1.der"), pki + "/citizen-sign.pkcs1.der"));
    REQUIRE(QFile::copy(source.filePath("moica-ca.der"), pki + "/moica-ca.der"));
    return pki;
}

} // namespace

TEST_CASE("login: the whole card login, from waiting for the card to the session begun",
    "[ui][login][pcsc]")
{
    REQUIRE(waitForCard(virtualReaderName().toStdString(), false));
    servertest::TestServer server;
    MessageLog messages;
    Desk desk(server.baseUrl());
    auto dialog = desk.openDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);

    // No card yet: the waiting page says so, and lists the reader live.
    REQUIRE(QTest::qWaitFor(
        [&] {
            return label(*dialog, LoginStep::Waiting, "readerList")
                .contains(virtualReaderName() + "：沒有卡片");
        },
        waitMs));
    CHECK(dialog->controller().step() == LoginStep::Waiting);
    CHECK(label(*dialog, LoginStep::Waiting, "waitingStatus") == "請將卡片插入讀卡機。");

    // A PIN of its own, so that a search for it cannot hit the ID number typed below.
    const QString pin = QStringLiteral("802413");
    VirtualCard card(
        QStringLiteral("iso-eid"), { "--card-number", "TP00000000000042", "--pin", pin });
    // The card and its PIN on one page: no 下一步 between them.
    REQUIRE(waitForStep(*dialog, LoginStep::Pin));
    const QString details = label(*dialog, LoginStep::Pin, "cardSummary");
    CHECK(details.contains("卡片種類：自然人憑證"));
    CHECK(details.contains("持卡人：王小明"));
    CHECK(details.contains("卡號：TP00000000000042"));
    // Dates in the one style of the screens: 民國 yyy/MM/dd.
    CHECK(details.contains(QRegularExpression(
        QStringLiteral(R"(憑證有效期間：\d{3}/\d{2}/\d{2} 至 \d{3}/\d{2}/\d{2})"))));
    CHECK(details.contains("密碼剩餘嘗試次數：3"));
    CHECK(label(*dialog, LoginStep::Pin, "pinMessage").isEmpty());
    enterPin(*dialog, pin);
    REQUIRE(waitForStep(*dialog, LoginStep::Activation)); // 王小明's first card login
    CHECK(uitest::unnamedControls(dialog.get()).isEmpty());

    type(*dialog, LoginStep::Activation, "activationEntry", QStringLiteral("A123456789"));
    click(*dialog, LoginStep::Activation, "activationNext");
    REQUIRE(waitForStep(*dialog, LoginStep::AccountSetup));
    CHECK_FALSE(desk.session.loggedIn()); // nothing else opens until the account is set up
    CHECK(uitest::unnamedControls(dialog.get()).isEmpty());

    type(*dialog, LoginStep::AccountSetup, "setupAccount", QStringLiteral("wang01"));
    type(*dialog, LoginStep::AccountSetup, "setupEmail", QStringLiteral("wang01@test.gov.tw"));
    type(*dialog, LoginStep::AccountSetup, "setupPassword", QStringLiteral("Passw0rd!"));
    type(*dialog, LoginStep::AccountSetup, "setupConfirm", QStringLiteral("Passw0rd!"));
    click(*dialog, LoginStep::AccountSetup, "setupSubmit");
    REQUIRE(QTest::qWaitFor([&] { return accepted.count() == 1; }, waitMs));

    CHECK(dialog->result() == QDialog::Accepted);
    REQUIRE(desk.session.loggedIn());
    const auto& info = desk.session.info();
    CHECK(info.assurance == core::api::Assurance::Certificate);
    CHECK_FALSE(info.accountSetupRequired);
    CHECK(info.reader == virtualReaderName());
    CHECK(info.cardNumber == "TP00000000000042");
    CHECK(info.cardKind == "iso-eid");
    CHECK(info.account.value("account").toString() == "wang01");
    CHECK(desk.session.canWriteVacancies());

    // One PIN, sent once; nowhere else.
    CHECK(pinVerifies(card) == 1);
    CHECK(card.stats().at("signatures") == 1);
    CHECK_FALSE(messages.text().contains(pin));
    CHECK_FALSE(server.log().contains(pin));
    CHECK(noFieldHolds(*dialog, pin));
    CHECK(noFieldHolds(*dialog, QStringLiteral("Passw0rd!"))); // the fields are emptied
}

TEST_CASE(
    "login: a wrong PIN comes back to the PIN page with the card's new count", "[ui][login][pcsc]")
{
    servertest::TestServer server;
    const auto card = insertCard(QStringLiteral("iso-eid"));
    Desk desk(server.baseUrl());
    auto dialog = desk.openDialog();
    toPin(*dialog);
    CHECK(label(*dialog, LoginStep::Pin, "cardSummary").contains("密碼剩餘嘗試次數：3"));

    // The length is checked as typed: 登入 waits for 4 to 8 digits.
    auto* field = child<ui::PinField>(*dialog, LoginStep::Pin, "pinField");
    auto* login = child<QPushButton>(*dialog, LoginStep::Pin, "pinLogin");
    QTest::keyClicks(field, QStringLiteral("12"));
    CHECK(label(*dialog, LoginStep::Pin, "pinLength").contains("已輸入 2 碼"));
    CHECK_FALSE(login->isEnabled());
    QTest::keyClicks(field, QStringLiteral("34"));
    CHECK(login->isEnabled());
    QTest::keyClicks(field, QStringLiteral("567890")); // no more than 8 go in
    CHECK(field->length() == 8);

    enterPin(*dialog, wrongPin);
    REQUIRE(waitForStep(*dialog, LoginStep::Pin));
    CHECK(dialog->controller().wrongPinTriesLeft() == 2);
    // One message under the field: what happened, and the tries left.
    CHECK(label(*dialog, LoginStep::Pin, "pinMessage") == "密碼錯誤，還剩 2 次嘗試機會。");
    CHECK(label(*dialog, LoginStep::Pin, "cardSummary").contains("密碼剩餘嘗試次數：2"));
    CHECK(field->length() == 0);

    // Nothing retries by itself: the PIN went to the card once and the page waits.
    QTest::qWait(1000);
    CHECK(dialog->controller().step() == LoginStep::Pin);
    CHECK(pinVerifies(*card) == 1);
    CHECK(card->stats().at("tries") == 2);
}

TEST_CASE("login: the final try asks before anything is sent, and a wrong one locks the card",
    "[ui][login][pcsc]")
{
    servertest::TestServer server;
    const auto card = insertCard(QStringLiteral("iso-eid"), { "--tries", "1" });
    Desk desk(server.baseUrl());
    auto dialog = desk.openDialog();
    toPin(*dialog);
    CHECK(label(*dialog, LoginStep::Pin, "cardSummary").contains("密碼剩餘嘗試次數：1"));
    CHECK(label(*dialog, LoginStep::Pin, "pinMessage").startsWith("最後一次機會"));

    enterPin(*dialog, wrongPin);
    REQUIRE(dialog->controller().step() == LoginStep::ConfirmFinalTry);
    CHECK(label(*dialog, LoginStep::ConfirmFinalTry, "finalTryWarning")
              .contains("這是最後一次嘗試機會"));
    CHECK(label(*dialog, LoginStep::ConfirmFinalTry, "finalTryHolder") == "持卡人：王小明");
    CHECK(child<QPushButton>(*dialog, LoginStep::ConfirmFinalTry, "finalTryCancel")->isDefault());
    CHECK(pinVerifies(*card) == 0);

    // 取消: back to the PIN, still nothing sent.
    click(*dialog, LoginStep::ConfirmFinalTry, "finalTryCancel");
    REQUIRE(dialog->controller().step() == LoginStep::Pin);
    QTest::qWait(500);
    CHECK(pinVerifies(*card) == 0);
    CHECK(card->stats().at("tries") == 1);

    enterPin(*dialog, wrongPin);
    REQUIRE(dialog->controller().step() == LoginStep::ConfirmFinalTry);
    click(*dialog, LoginStep::ConfirmFinalTry, "finalTryConfirm");
    REQUIRE(waitForStep(*dialog, LoginStep::Locked));
    CHECK(pinVerifies(*card) == 1);
    const QString unblock = label(*dialog, LoginStep::Locked, "unblockText");
    CHECK(unblock.contains("MOICA 內政部憑證管理中心"));
    CHECK(unblock.contains("https://moica.nat.gov.tw/html/unblockcard.htm#2"));
    CHECK_FALSE(desk.session.loggedIn());
}

TEST_CASE("login: a locked card shows how to unblock it and gets no PIN", "[ui][login][pcsc]")
{
    servertest::TestServer server;
    const auto card = insertCard(QStringLiteral("iso-eid"), { "--tries", "0" });
    Desk desk(server.baseUrl());
    auto dialog = desk.openDialog();
    REQUIRE(waitForStep(*dialog, LoginStep::Locked));
    const QString unblock = label(*dialog, LoginStep::Locked, "unblockText");
    CHECK(unblock.contains("卡片已鎖住"));
    CHECK(unblock.contains("https://moica.nat.gov.tw/html/unblockcard.htm#2"));
    CHECK(dialog->currentPage() == dialog->page(LoginStep::Locked));
    dialog->controller().submitPin(std::make_unique<core::auth::PinBuffer>());
    CHECK(dialog->controller().step() == LoginStep::Locked);
    CHECK(pinVerifies(*card) == 0);
}

TEST_CASE(
    "login: an expired or not yet valid certificate stops at the card page", "[ui][login][pcsc]")
{
    const auto [name, notice] = GENERATE(table<QString, QString>({
        { QStringLiteral("expired"), QStringLiteral("此卡片的憑證已過期，無法登入。") },
        { QStringLiteral("not-yet-valid"), QStringLiteral("此卡片的憑證尚未生效，無法登入。") },
    }));
    servertest::TestServer server;
    QTemporaryDir dir;
    const auto card = insertCard(QStringLiteral("iso-eid"), { "--pki", pkiWithCitizen(dir, name) });
    Desk desk(server.baseUrl());
    auto dialog = desk.openDialog();
    REQUIRE(waitForStep(*dialog, LoginStep::Card));
    CHECK(label(*dialog, LoginStep::Card, "cardNotice").startsWith(notice));
    CHECK(dialog->currentPage() == dialog->page(LoginStep::Card)); // no PIN page for this card
    CHECK(pinVerifies(*card) == 0);
}
