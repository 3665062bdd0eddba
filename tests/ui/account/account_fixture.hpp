#pragma once

// The real shiqiuren-server on loopback (tests/server/seed/test.json, or a seed given), a
// ServiceRunner to it, the card service (with no smart card service to reach), settings in a
// temporary INI file, and a session opened through the runner
// with the seed's password account chen01 (陳同事, Chen!2345).

#include "core/api/service_client.hpp"
#include "core/cards/card_service.hpp"
#include "core/session/service_runner.hpp"
#include "core/session/session_state.hpp"
#include "core/settings/client_settings.hpp"
#include "test_server.hpp"
#include "ui/app_context.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <catch2/catch.hpp>
#include <functional>
#include <memory>

namespace accounttest {

inline const QString chenAccount = QStringLiteral("chen01");
inline const QString chenPassword = QStringLiteral("Chen!2345");

/// Runs `call` on the runner and waits (a generous bound: it is a hang guard, not a measure).
template <typename T>
core::api::Result<T> await(core::session::ServiceRunner& runner,
    std::function<core::api::Result<T>(core::api::ServiceClient&)> call)
{
    QObject context;
    std::optional<core::api::Result<T>> outcome;
    QEventLoop loop;
    runner.run<T>(&context, std::move(call), [&](const core::api::Result<T>& result) {
        outcome = result;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    REQUIRE(outcome.has_value());
    return *outcome;
}

/// Waits for `condition` while the event loop runs (hang guard only).
inline bool waitFor(const std::function<bool()>& condition, int guardMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > guardMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

struct Fixture {
    explicit Fixture(servertest::ServerOptions options = {})
        : server(std::move(options))
    {
        REQUIRE(dir.isValid());
        settings = std::make_unique<core::settings::ClientSettings>(
            dir.filePath(QStringLiteral("client.ini")));
        settings->setServerUrl(QUrl(server.baseUrl()));
        core::api::ServiceConfig config;
        config.baseUrl = QUrl(server.baseUrl());
        runner = std::make_unique<core::session::ServiceRunner>(config);
        cards = std::make_unique<core::cards::CardService>(core::cards::CardService::Options {
            .ledgerDatabase = dir.filePath(QStringLiteral("ledger.sqlite")),
            .pkcs11Module = {},
            .certificateCacheDir = {} });
        context.cards = cards.get();
        context.session = &session;
        context.service = runner.get();
        context.settings = settings.get();
    }

    /// Logs in with chen01's password (or another) through the runner and begins the session.
    void passwordLogin(const QString& password = chenPassword)
    {
        const auto result
            = await<core::api::LoginOutcome>(*runner, [password](core::api::ServiceClient& client) {
                  return client.passwordLogin(chenAccount, password);
              });
        REQUIRE(result.ok());
        core::session::SessionInfo info;
        info.assurance = result->assurance;
        info.account = result->account;
        info.token = result->session.token;
        info.expiresAt = result->session.expiresAt;
        session.begin(info);
    }

    servertest::TestServer server;
    QTemporaryDir dir;
    std::unique_ptr<core::settings::ClientSettings> settings;
    std::unique_ptr<core::session::ServiceRunner> runner;
    std::unique_ptr<core::cards::CardService> cards; // no smart card service in this binary
    core::session::SessionState session;
    ui::AppContext context;
};

} // namespace accounttest
