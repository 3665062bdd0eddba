#pragma once

#include <QString>
#include <vector>

namespace server::app {

/// One `key = value` line of a configuration file.
struct ConfigFileEntry {
    QString key;
    QString value;
    int line = 0; ///< 1-based
};

/// Reads a `key = value` file: blank lines and lines whose first non-blank character is `#` are
/// skipped; on every other line the key is what stands before the first `=` and the value is the
/// rest, both trimmed (so a value may itself hold `=` or `#`, as passwords do). Says nothing of
/// which keys exist: the caller checks them. Throws ConfigError "FILE:LINE: …" for a line that is
/// not `key = value` and "FILE: …" for a file that cannot be read. A message never repeats the
/// line's text: the line may hold a database password.
std::vector<ConfigFileEntry> readConfigFile(const QString& path);

} // namespace server::app
