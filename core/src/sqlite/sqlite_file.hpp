#pragma once

#include <QString>
#include <stdexcept>

namespace core::sqlite {

/// The file could not be created or resolved; the message names it.
class FileProblem : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The local database file as both the store and the PIN ledger want it: created (with its
/// folder) mode 0600 by the call that makes it, an existing one narrowed to its owner, and its
/// canonical path returned, so every connection names the same file. Throws FileProblem.
QString ownerOnlyDatabaseFile(const QString& file);

/// QtSql connections belong to the thread that made them, and QtSql refuses one whose thread is
/// gone (while a later thread may get the same id). A connection named here is removed when the
/// calling thread ends, unless forgotten first (its owner removed it already).
void removeWhenThreadEnds(const QString& connectionName);
void forgetThreadConnection(const QString& connectionName);

} // namespace core::sqlite
