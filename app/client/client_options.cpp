#include "client_options.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>
#include <cstdio>

/// Translation context of the command line's texts (outside any namespace, so lupdate and the
/// runtime agree on its name; a tr() wrapper taking a variable would hide them from lupdate).
class ClientCli {
    Q_DECLARE_TR_FUNCTIONS(ClientCli)
};

namespace client {

namespace {

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
        ClientCli::tr("事求人機關徵才系統：職缺的草擬、預覽與上傳（可離線作業）。"));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
        ClientCli::tr("中央服務的網址（例如 https://recruit.example.gov.tw），只用於這次執行"),
        ClientCli::tr("網址"));
    const QCommandLineOption settings(QStringLiteral("settings"),
        ClientCli::tr("改用這個設定檔（INI 格式）"), ClientCli::tr("檔案"));
    const QCommandLineOption store(QStringLiteral("store"),
        ClientCli::tr("本機資料庫檔案（預設放在使用者資料目錄）"), ClientCli::tr("檔案"));
    const QCommandLineOption language(QStringLiteral("lang"),
        ClientCli::tr("介面語言：zh_TW（中文）或 en（English）"), ClientCli::tr("語言"));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after-ms"),
        ClientCli::tr("開啟後經過這麼多毫秒，印出連線狀態並結束（檢測用）"), ClientCli::tr("毫秒"));
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
        fail(ClientCli::tr("不認得的參數：%1")
                 .arg(parser.positionalArguments().join(QLatin1Char(' '))));

    ClientOptions options;
    options.server = parser.value(server);
    if (!options.server.isEmpty()) {
        const QUrl url(options.server, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            fail(ClientCli::tr("--server 需要 http:// 或 https:// 開頭的網址：%1")
                     .arg(options.server));
    }
    options.settingsFile = parser.value(settings);
    options.storeFile = parser.value(store);
    options.language = parser.value(language);
    if (!options.language.isEmpty() && options.language != QLatin1String("zh_TW")
        && options.language != QLatin1String("en"))
        fail(ClientCli::tr("--lang 只能是 zh_TW 或 en"));
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        options.quitAfterMs = parser.value(quitAfter).toInt(&ok);
        if (!ok || options.quitAfterMs < 0)
            fail(ClientCli::tr("--quit-after-ms 需要非負整數"));
    }
    return options;
}

bool asksOnlyForInformation(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "--help-all" || argument == "-v"
            || argument == "--version")
            return true;
    }
    return false;
}

} // namespace client
