#pragma once

#include <QString>
#include <QStringList>

namespace core::settings {
class ClientSettings;
}

namespace ui {

/// The UI languages: "zh_TW" (the source language, no catalogue) and "en".
QStringList availableLanguages();
/// The language's own name (繁體中文, English): shown the same in every UI language.
QString languageName(const QString& language);
/// The language whose catalogue is installed now ("zh_TW" when none is).
QString currentLanguage();

/// Installs the catalogue of `language` (":/i18n/shiqiuren_<language>.qm"), replacing any one
/// installed before (also core::i18n::installTranslations' at start-up); "zh_TW" removes it.
/// Qt then sends LanguageChange to every widget, whose retranslate() does the rest. False (and
/// nothing changes) for an unknown language or a catalogue that does not load.
bool applyLanguage(const QString& language);

/// applyLanguage(), then remembers the choice in `settings` (when given).
bool switchLanguage(core::settings::ClientSettings* settings, const QString& language);

} // namespace ui
