// The origin the card signs for: IT may point it away from the service's address in its
// defaults file; the clerk's own settings may not do so without the clerk confirming it.

#include "core/settings/client_settings.hpp"
#include "login_fixture.hpp"

#include <QSettings>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

using namespace logintest;

namespace {

const QString elsewhere = QStringLiteral("https://login.example.gov.tw");

/// The clerk's file and IT's defaults file, each holding loginOrigin or not.
struct OriginSettings {
    OriginSettings(const QString& clerkOrigin, const QString& itOrigin)
    {
        REQUIRE(dir.isValid());
        write(QStringLiteral("clerk.conf"), clerkOrigin);
        write(QStringLiteral("it.conf"), itOrigin);
    }
    void write(const QString& name, const QString& origin)
    {
        QSettings file(dir.filePath(name), QSettings::IniFormat);
        if (!origin.isEmpty())
            file.setValue(QStringLiteral("service/loginOrigin"), origin);
    }

    QTemporaryDir dir;
    core::settings::ClientSettings settings() const
    {
        return core::settings::ClientSettings(
            dir.filePath(QStringLiteral("clerk.conf")), dir.filePath(QStringLiteral("it.conf")));
    }
};

/// A card login over `settings`, at the PIN step.
struct SettingsLogin {
    explicit SettingsLogin(core::settings::ClientSettings& settings)
        : controller(card, service, session, &settings)
    {
        controller.setClock([this] { return now; });
        card.readers = { { reader, true, {} } };
        controller.start();
        card.answerInspection(FakeCard::ok(citizenCard()));
        card.answerPinStatus(triesLeft(3));
        REQUIRE(controller.step() == LoginStep::Pin);
        service.answerChallenge(now.addSecs(300));
    }

    FakeCard card;
    FakeService service;
    core::session::SessionState session;
    QDateTime now { QDate(2025, 1, 6), QTime(9, 0), QTimeZone::utc() };
    core::login::LoginController controller;
};

} // namespace

TEST_CASE("origin: where loginOrigin comes from is known", "[login][settings]")
{
    SECTION("IT's defaults file")
    {
        OriginSettings files({}, elsewhere);
        auto settings = files.settings();
        CHECK(settings.loginOrigin() == elsewhere);
        CHECK(settings.loginOriginSetByIt());
    }
    SECTION("the clerk's own file, over IT's")
    {
        OriginSettings files(elsewhere, QStringLiteral("https://it.example.gov.tw"));
        auto settings = files.settings();
        CHECK(settings.loginOrigin() == elsewhere);
        CHECK_FALSE(settings.loginOriginSetByIt());
    }
    SECTION("a single settings file is the clerk's own")
    {
        OriginSettings files(elsewhere, {});
        core::settings::ClientSettings single(files.dir.filePath(QStringLiteral("clerk.conf")));
        CHECK(single.loginOrigin() == elsewhere);
        CHECK_FALSE(single.loginOriginSetByIt());
    }
}

TEST_CASE("origin: IT's default needs no confirmation", "[login][settings]")
{
    OriginSettings files({}, elsewhere);
    auto settings = files.settings();
    SettingsLogin login(settings);
    CHECK(login.controller.origin() == elsewhere);
    CHECK_FALSE(login.controller.originNeedsConfirmation());
    login.controller.submitPin(pinOf("123456"));
    REQUIRE(login.card.signings.size() == 1);
    const QString nonce
        = QString::fromLatin1(QByteArray(32, char('a' + login.service.issued % 26)).toBase64());
    CHECK(login.card.signings.front().digest == core::auth::authDigest(elsewhere, nonce));
}

TEST_CASE("origin: the same origin as the service needs no confirmation", "[login][settings]")
{
    OriginSettings files(QStringLiteral("http://127.0.0.1:8443"), {});
    auto settings = files.settings();
    SettingsLogin login(settings);
    CHECK_FALSE(login.controller.originNeedsConfirmation());
    login.controller.submitPin(pinOf("123456"));
    CHECK(login.card.signings.size() == 1);
}

TEST_CASE("origin: the clerk's own setting is sent only once confirmed", "[login][settings]")
{
    OriginSettings files(elsewhere, {});
    auto settings = files.settings();
    SettingsLogin login(settings);
    REQUIRE(login.controller.originNeedsConfirmation());
    CHECK_FALSE(login.controller.originConfirmed());

    login.controller.submitPin(pinOf("123456"));
    CHECK(login.card.signings.empty());
    CHECK(login.controller.step() == LoginStep::Pin);
    REQUIRE(login.controller.problem());

    login.controller.confirmOrigin(true);
    CHECK_FALSE(login.controller.problem());
    login.controller.submitPin(pinOf("123456"));
    REQUIRE(login.card.signings.size() == 1);
}
