#pragma once

// A clerk's desk for the main-window suites: the program's context objects over a store of its
// own, the SyncService with no timers firing by themselves, and the main window.

#include "../../sync/engine/engine_support.hpp"
#include "core/session/service_runner.hpp"
#include "core/session/session_state.hpp"
#include "core/settings/client_settings.hpp"
#include "core/sync/sync_service.hpp"
#include "ui/app_context.hpp"
#include "ui/main/main_window.hpp"

#include <QTest>

namespace uitest {

constexpr int waitMs = 30000; // a bound against hanging, not a speed requirement

inline core::api::ServiceConfig configFor(const QString& baseUrl)
{
    core::api::ServiceConfig config;
    config.baseUrl = QUrl(baseUrl);
    config.timeout = std::chrono::seconds(10);
    return config;
}

inline core::sync::SyncServiceOptions quietOptions()
{
    core::sync::SyncServiceOptions options;
    options.engine = synctest::testOptions();
    options.engine.backoffBase = std::chrono::hours(1);
    options.engine.backoffCap = std::chrono::hours(1);
    options.interval = std::chrono::hours(1);
    options.healthInterval = std::chrono::hours(1);
    return options;
}

/// The row of the window's page whose 職稱 is `title`; -1 when not on the page.
inline int rowOf(const ui::MainWindow& window, const QString& title)
{
    const ui::VacancyTableModel* model = window.model();
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->row(r).title == title)
            return r;
    }
    return -1;
}

/// The text of one cell of the window's page.
inline QString cell(const ui::MainWindow& window, int row, int column)
{
    return window.model()->index(row, column).data().toString();
}

struct Desk {
    explicit Desk(const QString& baseUrl)
        : runner(configFor(baseUrl))
        , sync(store, configFor(baseUrl), quietOptions())
    {
        context.store = &store;
        context.session = &session;
        context.service = &runner;
        context.settings = &settings;
        context.sync = &sync;
        sync.follow(session);
        window = std::make_unique<ui::MainWindow>(context);
        window->show();
    }

    /// A card login (what the login dialog does with its session).
    void logIn(const QString& token)
    {
        core::session::SessionInfo info;
        info.assurance = core::api::Assurance::Certificate;
        info.token = token;
        info.cardKind = QStringLiteral("iso-eid");
        session.begin(info);
    }

    /// Waits until a run ends that started after this call.
    void waitForRun()
    {
        int runs = 0;
        const auto c
            = QObject::connect(&sync, &core::sync::SyncService::finished, [&runs] { ++runs; });
        const bool done = QTest::qWaitFor([&] { return runs > 0; }, waitMs);
        QObject::disconnect(c);
        REQUIRE(done);
    }

    /// The row of the page whose 職稱 is `title`; -1 when not on the page.
    int rowOf(const QString& title) const { return uitest::rowOf(*window, title); }
    QString cell(int row, int column) const { return uitest::cell(*window, row, column); }

    QTemporaryDir dir;
    core::store::LocalStore store { dir.filePath(QStringLiteral("local.sqlite")) };
    core::settings::ClientSettings settings { dir.filePath(QStringLiteral("settings.ini")) };
    core::session::SessionState session;
    core::session::ServiceRunner runner;
    core::sync::SyncService sync;
    ui::AppContext context;
    std::unique_ptr<ui::MainWindow> window;
};

} // namespace uitest
