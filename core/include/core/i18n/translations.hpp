#pragma once

#include <QString>

class QCoreApplication;

namespace core::i18n {

/// The UI language: "zh_TW" (the source language) unless the environment asks for English.
/// Follows the POSIX order LC_ALL, LC_MESSAGES, LANG; "en…" selects English.
QString languageFromEnvironment();

/// Installs the translator for `language` from the embedded catalogues (":/i18n/…").
/// Traditional Chinese needs none: it is the language of the source strings.
void installTranslations(QCoreApplication& app, const QString& language);

} // namespace core::i18n
