#pragma once

// Drawing a screen as the clerk sees it and saving it as PNG, in either language: shared by the
// main screens (tests/ui/screens) and the login screens (tests/ui/login, which need the card).

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
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

/// The UI language while it lives: "en" installs the English catalogue, "zh_TW" none.
struct Language {
    explicit Language(const QString& language)
    {
        if (language == QLatin1String("en")) {
            REQUIRE(translator.load(QStringLiteral(":/i18n/shiqiuren_en.qm")));
            QCoreApplication::installTranslator(&translator);
        }
    }
    ~Language() { QCoreApplication::removeTranslator(&translator); }
    Language(const Language&) = delete;
    Language& operator=(const Language&) = delete;
    QTranslator translator;
};

} // namespace screenshots
