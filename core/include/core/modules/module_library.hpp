#pragma once

// The program's own modules (core_network, ui_print): libraries opened by their first use, not by
// the dynamic loader, so a program does not map what its first window does not need.

#include <QStringList>
#include <QtGlobal>

namespace core::modules {

/// Where module `baseName` is looked for: beside the program's own directory, as installed
/// (`<bindir>/<relative path>/lib<baseName>.so`), the build tree having the same shape.
QStringList candidates(const QString& baseName);

/// `symbol` from the first of `candidates` that loads and has it; null, with `why` listing what
/// was tried, otherwise. A module is loaded once and stays loaded for the process's life.
QFunctionPointer resolve(const QStringList& candidates, const char* symbol, QString& why);

} // namespace core::modules
