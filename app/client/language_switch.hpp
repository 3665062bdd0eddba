#pragma once

#include <QString>
#include <memory>

class QTranslator;

namespace client {

/// The UI language of the running program: switching installs the new catalogue and removes the
/// old one, and Qt then sends every widget a LanguageChange (each retranslates itself).
class LanguageSwitch {
public:
    LanguageSwitch();
    ~LanguageSwitch();
    /// "zh_TW" (the source language: no catalogue) or "en".
    void apply(const QString& language);
    const QString& language() const { return language_; }

private:
    std::unique_ptr<QTranslator> translator_;
    QString language_ = QStringLiteral("zh_TW");
};

} // namespace client
