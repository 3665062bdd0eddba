// shiqiuren-server: the reference central service (central-service.md). Prints the URL it
// listens on as its first line on stdout, so scripts and tests can start it on port 0.
#include "server/accounts/password_hash.hpp"
#include "server/app/routes.hpp"
#include "server/app/server_app.hpp"
#include "server/app/server_config.hpp"

#include <QCoreApplication>
#include <QTextStream>
#include <csignal>
#include <cstdio>

namespace {

void quitOnSignal(int)
{
    QCoreApplication::quit();
}

int printRoutes()
{
    // The route table needs no database: used by the OpenAPI coverage test.
    server::ServiceContext context;
    const server::http::Router router = server::app::buildRouter(context);
    QTextStream out(stdout);
    for (const server::http::Route& route : router.routes())
        out << route.method << ' ' << route.pattern << '\n';
    return 0;
}

int hashPasswordFromStdin()
{
    // For seed files and administrators: the password comes on stdin, never as an argument.
    QTextStream in(stdin);
    QString password = in.readLine();
    if (password.isEmpty()) {
        QTextStream(stderr) << "shiqiuren-server --hash-password: type the password on stdin\n";
        return 2;
    }
    QTextStream(stdout) << server::accounts::hashPassword(password) << '\n';
    password.fill(u'\0');
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    // Each log line carries its time; QT_MESSAGE_PATTERN still overrides it.
    qSetMessagePattern(QStringLiteral(
        "%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-category}%{category} %{endif}%{message}"));
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("shiqiuren-server"));
    QStringList arguments = QCoreApplication::arguments().mid(1);
    QTextStream err(stderr);
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        QTextStream(stdout) << server::app::serverUsage();
        return 0;
    }
    if (arguments == QStringList { QStringLiteral("--print-routes") })
        return printRoutes();
    if (arguments == QStringList { QStringLiteral("--hash-password") })
        return hashPasswordFromStdin();

    server::app::ServerConfig config;
    try {
        config = server::app::parseServerConfig(arguments);
    } catch (const server::app::ConfigError& error) {
        err << "shiqiuren-server: " << error.what() << "\n\n" << server::app::serverUsage();
        return 2;
    }
    std::signal(SIGTERM, quitOnSignal);
    std::signal(SIGINT, quitOnSignal);
    try {
        server::app::ServerApp app(config);
        QTextStream out(stdout);
        out << "shiqiuren-server listening on " << app.baseUrl() << Qt::endl;
        return QCoreApplication::exec();
    } catch (const server::app::StartupError& error) {
        err << "shiqiuren-server: cannot start: " << error.what() << Qt::endl;
        return 1;
    }
}
