#include "ui/i18n/language_switcher.hpp"

#include "core/settings/client_settings.hpp"

#include <QCoreApplication>
#include <QTranslator>
#include <memory>

namespace ui {

namespace {

const QString sourceLanguage = QStringLiteral("zh_TW");
const QString cataloguePrefix = QStringLiteral(":/i18n/shiqiuren_");

/// Our catalogue's translators among the application's children (the one installTranslations
/// made at start-up is one too: it is parented to the application).
QList<QTranslator*> installedCatalogues()
{
    QList<QTranslator*> ours;
    if (!QCoreApplication::instance())
        return ours;
    for (QTranslator* translator : QCoreApplication::instance()->findChildren<QTranslator*>(
             QString(), Qt::FindDirectChildrenOnly))
        if (translator->filePath().startsWith(cataloguePrefix))
            ours.append(translator);
    return ours;
}

} // namespace

QStringList availableLanguages()
{
    return { sourceLanguage, QStringLiteral("en") };
}

QString languageName(const QString& language)
{
    // Endonyms: a clerk must find their own language whatever the UI shows now.
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    return QStringLiteral("繁體中文"); // i18n-ok: endonym, the same in every UI language
}

QString currentLanguage()
{
    const QList<QTranslator*> installed = installedCatalogues();
    if (installed.isEmpty())
        return sourceLanguage;
    const QString path = installed.last()->filePath();
    return path.mid(cataloguePrefix.size()).section(u'.', 0, 0);
}

bool applyLanguage(const QString& language)
{
    QCoreApplication* app = QCoreApplication::instance();
    if (!app || !availableLanguages().contains(language))
        return false;
    const QList<QTranslator*> installed = installedCatalogues();
    if (currentLanguage() == language && installed.size() <= 1)
        return true;
    std::unique_ptr<QTranslator> fresh;
    if (language != sourceLanguage) {
        fresh = std::make_unique<QTranslator>();
        if (!fresh->load(cataloguePrefix + language + QStringLiteral(".qm")))
            return false;
    }
    for (QTranslator* old : installed) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    if (fresh) {
        fresh->setParent(app);
        QCoreApplication::installTranslator(fresh.release());
    }
    return true;
}

bool switchLanguage(core::settings::ClientSettings* settings, const QString& language)
{
    if (!applyLanguage(language))
        return false;
    if (settings)
        settings->setLanguage(language);
    return true;
}

} // namespace ui
