// shiqiuren: the desktop client for agency HR clerks (事求人機關徵才系統). Composition only.

#include "client_app.hpp"
#include "client_options.hpp"
#include "core/i18n/translations.hpp"
#include "core/threads/worker.hpp"
#include "ui/first_paint_probe.hpp"
#include "ui/font_warm_up.hpp"
#include "ui/i18n/language_switcher.hpp"
#include "ui/widgets/deferred_icon_style.hpp"

#include <QApplication>
#include <QMessageBox>
#include <QTimer>
#include <cstdio>

namespace {

void nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("shiqiuren"));
    QCoreApplication::setApplicationName(QStringLiteral("shiqiuren"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHIQIUREN_VERSION));
}

} // namespace

int main(int argc, char* argv[])
{
    if (client::asksOnlyForInformation(argc, argv)) {
        QCoreApplication app(argc, argv); // no display needed to print the help
        nameApplication();
        ui::applyLanguage(core::i18n::languageFromEnvironment());
        client::parseOptions(app); // prints and exits
        return 0;
    }
    // fontconfig loads on another core while this thread connects to the display.
    core::threads::Worker fontWarmUp(QStringLiteral("font warm-up"));
    ui::warmUpFonts(fontWarmUp);
    QApplication app(argc, argv);
    QApplication::setStyle(new ui::DeferredIconStyle); // the app owns it
    nameApplication();
    ui::applyLanguage(core::i18n::languageFromEnvironment()); // for --help and early errors
    const client::ClientOptions options = client::parseOptions(app);

    std::unique_ptr<client::ClientApp> client;
    try {
        client = std::make_unique<client::ClientApp>(options);
    } catch (const std::exception& e) {
        QMessageBox::critical(nullptr, QApplication::translate("client::Main", "事求人"),
            QApplication::translate("client::Main", "無法開啟本機資料庫：%1")
                .arg(QString::fromUtf8(e.what())));
        return 1;
    }
    client->window().show();
    ui::exitAfterFirstPaintIfAsked(&client->window());
    // The clerk starts at the card login; closing it (離線作業) leaves the list to work offline.
    // It and the background work wait for the window's first paint, so the window comes first.
    const bool startAtLogin
        = !client->context().settings->serverUrl().isEmpty() || !options.server.isEmpty();
    ui::afterFirstPaint(&client->window(), [&client, &fontWarmUp, startAtLogin] {
        fontWarmUp.finish(); // long done: only its idle thread is left
        if (startAtLogin)
            client->windows().openLogin();
        client->startBackground();
    });
    if (options.quitAfterMs >= 0) {
        QTimer::singleShot(options.quitAfterMs, &app, [&client] {
            std::printf("shiqiuren: %s\n", qPrintable(client->statusLine()));
            std::fflush(stdout);
            QApplication::quit();
        });
    }
    const int status = QApplication::exec();
    client.reset();
    return status;
}
