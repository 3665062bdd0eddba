#include "core/i18n/translations.hpp"

#include <QCoreApplication>
#include <QTranslator>

namespace core::i18n {

QString languageFromEnvironment()
{
    for (const char* variable : { "LC_ALL", "LC_MESSAGES", "LANG" }) {
        const QString value = qEnvironmentVariable(variable);
        if (value.isEmpty())
            continue;
        // The first variable that is set decides, as in POSIX.
        return value.startsWith(QLatin1String("en")) ? QStringLiteral("en")
                                                     : QStringLiteral("zh_TW");
    }
    return QStringLiteral("zh_TW");
}

void installTranslations(QCoreApplication& app, const QString& language)
{
    if (language == QLatin1String("zh_TW"))
        return;
    auto* translator = new QTranslator(&app);
    if (translator->load(QStringLiteral(":/i18n/shiqiuren_%1.qm").arg(language)))
        app.installTranslator(translator);
    else
        delete translator;
}

} // namespace core::i18n
