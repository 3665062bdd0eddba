#include "client_options.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>
#include <cstdio>

namespace client {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("client::Options", text);
}

[[noreturn]] void fail(const QString& message)
{
    std::fprintf(stderr, "shiqiuren: %s\n", qPrintable(message));
    std::exit(2);
}

} // namespace

ClientOptions parseOptions(const QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("事求人機關徵才系統：職缺的草擬、預覽與上傳（可離線作業）。"));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
        tr("中央服務的網址（例如 https://recruit.example.gov.tw），只用於這次執行"), tr("網址"));
    const QCommandLineOption settings(
        QStringLiteral("settings"), tr("改用這個設定檔（INI 格式）"), tr("檔案"));
    const QCommandLineOption store(
        QStringLiteral("store"), tr("本機資料庫檔案（預設放在使用者資料目錄）"), tr("檔案"));
    const QCommandLineOption language(
        QStringLiteral("lang"), tr("介面語言：zh_TW（中文）或 en（English）"), tr("語言"));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after-ms"),
        tr("開啟後經過這麼多毫秒，印出連線狀態並結束（檢測用）"), tr("毫秒"));
    for (const QCommandLineOption& option : { server, settings, store, language, quitAfter })
        parser.addOption(option);
    if (!parser.parse(app.arguments()))
        fail(parser.errorText());
    // Qt lists --help-all beside --help; this program has no Qt-specific options worth a second
    // list, so it prints the same help.
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(0);
    if (parser.isSet(version))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        fail(tr("不認得的參數：%1").arg(parser.positionalArguments().join(QLatin1Char(' '))));

    ClientOptions options;
    options.server = parser.value(server);
    if (!options.server.isEmpty()) {
        const QUrl url(options.server, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            fail(tr("--server 需要 http:// 或 https:// 開頭的網址：%1").arg(options.server));
    }
    options.settingsFile = parser.value(settings);
    options.storeFile = parser.value(store);
    options.language = parser.value(language);
    if (!options.language.isEmpty() && options.language != QLatin1String("zh_TW")
        && options.language != QLatin1String("en"))
        fail(tr("--lang 只能是 zh_TW 或 en"));
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        options.quitAfterMs = parser.value(quitAfter).toInt(&ok);
        if (!ok || options.quitAfterMs < 0)
            fail(tr("--quit-after-ms 需要非負整數"));
    }
    return options;
}

} // namespace client
