// The crash harness's child: one ordinary sync of a store file against a server, to be killed
// with SIGKILL at a random instant by test_sync_crash. The session token comes on stdin, never
// on the command line.
//   sync-child STORE_FILE BASE_URL < token

#include "core/sync/sync_engine.hpp"

#include <QCoreApplication>
#include <QTextStream>
#include <chrono>
#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3) {
        std::fputs("usage: sync-child STORE_FILE BASE_URL < token\n", stderr);
        return 2;
    }
    QTextStream in(stdin);
    const QString token = in.readLine().trimmed();
    core::sync::SyncOptions options;
    options.backoffBase = std::chrono::milliseconds(0);
    options.codeListsInterval = std::chrono::milliseconds(0);
    options.feedPageSize = 3; // more commits to land between
    core::sync::SyncEngine engine(arguments[1], arguments[2], token, options);
    const core::sync::SyncReport report = engine.syncOnce();
    return report.completed ? 0 : 1;
}
