#pragma once

#include <QString>
#include <optional>

class QCoreApplication;

namespace client {

/// The command line of `shiqiuren`.
struct ClientOptions {
    QString server; ///< --server URL: this run only; empty = the settings' address
    QString settingsFile; ///< --settings FILE: an INI file instead of the user's settings
    QString storeFile; ///< --store FILE: the local database; empty = LocalStore::defaultPath()
    QString language; ///< --lang zh_TW|en; empty = the settings, then the environment
    int quitAfterMs = -1; ///< --quit-after-ms N: print the status and quit (checks, no display)
};

/// Parses the arguments. --help and --version print and exit here; a wrong option prints the
/// error and exits with status 2.
ClientOptions parseOptions(const QCoreApplication& app);

/// True when the arguments only ask for the help or the version: those need no display, so
/// main() answers them without starting the GUI (over SSH, in a package's install test).
bool asksOnlyForInformation(int argc, char* argv[]);

} // namespace client
