#include "cli_tr.hpp"
#include "commands.hpp"
#include "core/auth/auth_token.hpp"
#include "core/cards/card_report.hpp"
#include "core/cards/card_signer.hpp"
#include "exit_codes.hpp"
#include "output.hpp"
#include "pin_prompt.hpp"

#include <QJsonObject>

namespace card_cli {

using core::auth::PinStatus;
using core::cards::CardFailure;

namespace {

QString sourceName(PinStatus::Source source)
{
    switch (source) {
    case PinStatus::Source::Card:
        return QStringLiteral("card");
    case PinStatus::Source::Module:
        return QStringLiteral("module");
    case PinStatus::Source::Ledger:
        return QStringLiteral("ledger");
    case PinStatus::Source::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString sourceDisplayName(PinStatus::Source source)
{
    switch (source) {
    case PinStatus::Source::Card:
        return CardCli::tr("卡片回報");
    case PinStatus::Source::Module:
        return CardCli::tr("PKCS#11 模組回報");
    case PinStatus::Source::Ledger:
        return CardCli::tr("本程式的紀錄");
    case PinStatus::Source::Unknown:
        break;
    }
    return CardCli::tr("未知");
}

/// Prints a failure on stderr, and as JSON on stdout with --json; returns the exit code.
int fail(const CardFailure& failure, const Options& options)
{
    printErr(QStringLiteral("shiqiuren-card: %1\n").arg(failure.userMessage()));
    if (options.json) {
        QJsonObject error { { QStringLiteral("error"), failure.code() },
            { QStringLiteral("message"), failure.userMessage() } };
        if (failure.triesLeft())
            error.insert(QStringLiteral("triesLeft"), *failure.triesLeft());
        printJson(QJsonDocument(error));
    }
    return exitCodeFor(failure.problem());
}

} // namespace

int runPinStatus(core::cards::CardSigner& signer, const Options& options)
{
    try {
        const PinStatus status = signer.pinStatus(options.reader);
        if (options.json) {
            QJsonObject object { { QStringLiteral("blocked"), status.blocked },
                { QStringLiteral("triesLeft"),
                    status.triesLeft ? QJsonValue(*status.triesLeft) : QJsonValue() },
                { QStringLiteral("minLength"), status.minLength },
                { QStringLiteral("maxLength"), status.maxLength },
                { QStringLiteral("lettersAllowed"), status.lettersAllowed },
                { QStringLiteral("signingPath"),
                    QJsonObject { { QStringLiteral("path"), status.signingPath },
                        { QStringLiteral("reason"), status.signingPathReason } } },
                { QStringLiteral("source"), sourceName(status.source) } };
            printJson(QJsonDocument(object));
        } else if (status.blocked) {
            printOut(CardCli::tr("憑證密碼（PIN 碼）：已鎖卡（%1）\n")
                         .arg(sourceDisplayName(status.source)));
        } else if (status.triesLeft) {
            printOut(CardCli::tr(
                "憑證密碼（PIN 碼）：還有 %n 次機會（%1）\n", nullptr, *status.triesLeft)
                         .arg(sourceDisplayName(status.source)));
        } else {
            printOut(CardCli::tr("憑證密碼（PIN 碼）：剩餘次數不明（%1）\n")
                         .arg(sourceDisplayName(status.source)));
        }
        if (!options.json && status.maxLength > 0)
            printOut(
                CardCli::tr("長度：%1 至 %2 個字元\n").arg(status.minLength).arg(status.maxLength));
        if (!options.json && !status.signingPathReason.isEmpty())
            printOut(CardCli::tr("簽章方式：%1\n")
                         .arg(core::cards::signingPathText(status.signingPathReason)));
        if (!options.json)
            printOut(status.lettersAllowed ? CardCli::tr("可用字元：英文字母（區分大小寫）與數字\n")
                                           : CardCli::tr("可用字元：數字\n"));
        return status.blocked ? PinBlocked : Ok;
    } catch (const CardFailure& failure) {
        return fail(failure, options);
    }
}

int runSign(core::cards::CardSigner& signer, const Options& options)
{
    QByteArray digest;
    try {
        digest = core::auth::authDigest(options.origin, options.nonce);
    } catch (const core::auth::TokenError& error) {
        printErr(CardCli::tr("shiqiuren-card：--origin 或 --nonce 不正確：%1\n")
                     .arg(QString::fromUtf8(error.what())));
        return Usage;
    }
    try {
        core::auth::PinBuffer pin;
        if (!readPin(pin, CardCli::tr("請輸入憑證密碼（PIN 碼）："))) {
            printErr(CardCli::tr("shiqiuren-card：沒有讀到憑證密碼（PIN 碼）\n"));
            return Usage;
        }
        const auto signed_ = signer.sign(options.reader, pin, digest, options.confirmLastTry);
        pin.clear();
        const QJsonObject token = core::auth::buildAuthToken(
            signed_.certificate, signed_.signature, core::auth::appVersionUrl());
        printJson(QJsonDocument(
            options.json ? core::auth::certificateLoginRequest(options.nonce, token) : token));
        return Ok;
    } catch (const CardFailure& failure) {
        return fail(failure, options);
    }
}

} // namespace card_cli
