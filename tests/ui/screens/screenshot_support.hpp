#pragma once

// Drawing a screen as the clerk sees it and saving it as PNG, in either language: shared by the
// main screens (tests/ui/screens) and the login screens (tests/ui/login, which need the card).

#include "ui/i18n/language_switcher.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>
#include <catch2/catch.hpp>

namespace screenshots {

/// Where the pictures go: $SHIQIUREN_SCREENSHOT_DIR, else a temporary folder of this run.
inline QString outputDir(const QTemporaryDir& fallback)
{
    const QString dir = qEnvironmentVariable("SHIQIUREN_SCREENSHOT_DIR");
    return dir.isEmpty() ? fallback.path() : dir;
}

/// Draws `widget` as the clerk would see it and saves `<dir>/<language>/<name>.png`.
inline void save(QWidget* widget, const QString& dir, const QString& language, const QString& name)
{
    REQUIRE(widget);
    widget->show();
    QTest::qWait(50); // let layouts and the first paint settle
    const QImage image = widget->grab().toImage();
    REQUIRE(image.width() > 100);
    REQUIRE(image.height() > 100);
    QDir().mkpath(dir + QLatin1Char('/') + language);
    const QString file = QStringLiteral("%1/%2/%3.png").arg(dir, language, name);
    REQUIRE(image.save(file));
    INFO(file.toStdString());
    CHECK(QImage(file).size() == image.size());
}

/// The UI language while it lives, switched as the settings dialog switches it (so the dialogs
/// that show the current language show this one); back to the source language after.
struct Language {
    explicit Language(const QString& language) { REQUIRE(ui::applyLanguage(language)); }
    ~Language() { ui::applyLanguage(QStringLiteral("zh_TW")); }
    Language(const Language&) = delete;
    Language& operator=(const Language&) = delete;
};

} // namespace screenshots
