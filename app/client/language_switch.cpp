#include "language_switch.hpp"

#include <QCoreApplication>
#include <QTranslator>

namespace client {

LanguageSwitch::LanguageSwitch() = default;

LanguageSwitch::~LanguageSwitch()
{
    if (translator_)
        QCoreApplication::removeTranslator(translator_.get());
}

void LanguageSwitch::apply(const QString& language)
{
    if (translator_) {
        QCoreApplication::removeTranslator(translator_.get());
        translator_.reset();
    }
    language_ = language == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("zh_TW");
    if (language_ == QLatin1String("zh_TW")) {
        // Removing the catalogue alone sends no LanguageChange; the widgets still need one.
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
        return;
    }
    auto translator = std::make_unique<QTranslator>();
    if (translator->load(QStringLiteral(":/i18n/shiqiuren_%1.qm").arg(language_))) {
        QCoreApplication::installTranslator(translator.get());
        translator_ = std::move(translator);
    }
}

} // namespace client
