// shiqiuren-card: card diagnostics for clerks' IT support — readers, card info, certificates.

#include "cli_tr.hpp"
#include "commands.hpp"
#include "core/cards/card_inspector.hpp"
#include "core/cards/card_signer.hpp"
#include "core/i18n/translations.hpp"
#include "exit_codes.hpp"
#include "output.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {

QString usageText()
{
    return CardCli::tr("用法：shiqiuren-card <指令> [選項]\n"
                       "\n"
                       "指令：\n"
                       "  readers   列出讀卡機與其中的卡片\n"
                       "  watch     持續顯示讀卡機與卡片的插拔\n"
                       "  info      讀取卡片資料（卡號、憑證）\n"
                       "  certs     列出卡片上的憑證（--pem 輸出 PEM）\n"
                       "  pin-status  顯示憑證密碼（PIN 碼）還有幾次機會\n"
                       "  sign      以卡片簽署登入挑戰（--origin、--nonce），輸出登入權杖；\n"
                       "            PIN 碼從終端機（不顯示）或標準輸入讀取，絕不從命令列\n"
                       "\n"
                       "結束代碼：0 成功，1 其他錯誤，2 用法錯誤，3 沒有讀卡機，4 沒有卡片，\n"
                       "5 不支援的卡片，6 智慧卡服務（pcscd）沒有執行，7 PIN 碼錯誤，\n"
                       "8 卡片已鎖，9 最後一次機會需要確認（--confirm-last-try）。\n");
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("shiqiuren-card"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHIQIUREN_VERSION));
    core::i18n::installTranslations(app, core::i18n::languageFromEnvironment());

    QCommandLineParser parser;
    parser.setApplicationDescription(usageText());
    parser.addPositionalArgument(
        QStringLiteral("command"), CardCli::tr("readers、watch、info 或 certs"));
    const QCommandLineOption json(QStringLiteral("json"), CardCli::tr("以 JSON 輸出"));
    const QCommandLineOption pem(QStringLiteral("pem"), CardCli::tr("certs：以 PEM 輸出憑證"));
    const QCommandLineOption reader(
        QStringLiteral("reader"), CardCli::tr("使用指定的讀卡機"), CardCli::tr("名稱"));
    const QCommandLineOption revealId(QStringLiteral("reveal-id"),
        CardCli::tr("info：健保卡顯示完整身分證號（預設只顯示末四碼）"));
    const QCommandLineOption trace(
        QStringLiteral("trace"), CardCli::tr("在標準錯誤輸出 APDU 記錄（不含 PIN 與個人資料）"));
    const QCommandLineOption events(
        QStringLiteral("events"), CardCli::tr("watch：顯示幾個事件後結束"), CardCli::tr("數量"));
    const QCommandLineOption noCache(
        QStringLiteral("no-cache"), CardCli::tr("不使用也不保存憑證快取"));
    const QCommandLineOption origin(QStringLiteral("origin"),
        CardCli::tr("sign：服務的公開網址（例如 https://recruit.example.gov.tw）"),
        QStringLiteral("URL"));
    const QCommandLineOption nonce(QStringLiteral("nonce"),
        CardCli::tr("sign：服務發出的挑戰值（nonce）"), QStringLiteral("NONCE"));
    const QCommandLineOption confirmLastTry(QStringLiteral("confirm-last-try"),
        CardCli::tr("sign：只剩最後一次機會時，確認仍要送出 PIN 碼"));
    const QCommandLineOption pkcs11Module(QStringLiteral("pkcs11-module"),
        CardCli::tr("HiCOS 卡片使用的 PKCS#11 模組路徑"), CardCli::tr("路徑"));
    parser.addOptions({ json, pem, reader, revealId, trace, events, noCache, origin, nonce,
        confirmLastTry, pkcs11Module });
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();

    if (!parser.parse(QCoreApplication::arguments())) {
        card_cli::printErr(
            QStringLiteral("shiqiuren-card: %1\n\n%2").arg(parser.errorText(), usageText()));
        return card_cli::Usage;
    }
    // Qt lists --help-all beside --help: the same help (this tool takes no Qt options).
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
        card_cli::printOut(parser.helpText());
        return card_cli::Ok;
    }
    if (parser.isSet(version)) {
        card_cli::printOut(
            QStringLiteral("shiqiuren-card %1\n").arg(QCoreApplication::applicationVersion()));
        return card_cli::Ok;
    }

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    card_cli::Options options;
    options.json = parser.isSet(json);
    options.pem = parser.isSet(pem);
    options.reader = parser.value(reader);
    options.revealId = parser.isSet(revealId);
    options.trace = parser.isSet(trace);
    options.origin = parser.value(origin);
    options.nonce = parser.value(nonce);
    options.confirmLastTry = parser.isSet(confirmLastTry);
    if (parser.isSet(events)) {
        bool ok = false;
        options.maxEvents = parser.value(events).toInt(&ok);
        if (!ok || options.maxEvents < 1) {
            card_cli::printErr(CardCli::tr("shiqiuren-card：--events 需要正整數\n"));
            return card_cli::Usage;
        }
    }
    if (positional.size() != 1
        || !QStringList { QStringLiteral("readers"), QStringLiteral("watch"),
            QStringLiteral("info"), QStringLiteral("certs"), QStringLiteral("pin-status"),
            QStringLiteral("sign") }
                .contains(command)) {
        card_cli::printErr(usageText());
        return card_cli::Usage;
    }
    if (command == QLatin1String("sign") && (options.origin.isEmpty() || options.nonce.isEmpty())) {
        card_cli::printErr(CardCli::tr("shiqiuren-card：sign 需要 --origin 與 --nonce\n"));
        return card_cli::Usage;
    }
    if (command == QLatin1String("pin-status") || command == QLatin1String("sign")) {
        try {
            core::cards::CardSigner signer(
                core::cards::CardSigner::defaultLedgerDatabase(), parser.value(pkcs11Module));
            return command == QLatin1String("sign") ? card_cli::runSign(signer, options)
                                                    : card_cli::runPinStatus(signer, options);
        } catch (const core::auth::LedgerError& error) {
            // The PIN ledger cannot be read: refuse rather than sign without knowing the count.
            card_cli::printErr(QStringLiteral("shiqiuren-card: %1\n").arg(error.userMessage()));
            return card_cli::Failure;
        }
    }

    if (command == QLatin1String("watch"))
        return card_cli::runWatch(options);
    core::cards::CardInspector inspector(
        parser.isSet(noCache) ? QString() : core::cards::CardInspector::defaultCacheDir());
    inspector.setPkcs11Module(parser.value(pkcs11Module));
    if (command == QLatin1String("readers"))
        return card_cli::runReaders(inspector, options);
    if (command == QLatin1String("info"))
        return card_cli::runInfo(inspector, options);
    return card_cli::runCerts(inspector, options);
}
