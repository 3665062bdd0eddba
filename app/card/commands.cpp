#include "commands.hpp"

#include "cli_tr.hpp"
#include "core/cards/card_inspector.hpp"
#include "core/pki/certificate.hpp"
#include "exit_codes.hpp"
#include "output.hpp"
#include "report_text.hpp"

#include <QJsonArray>
#include <QJsonObject>

namespace card_cli {

using core::cards::CardFailure;
using core::cards::CardInspector;
using core::cards::CardReport;

namespace {

int fail(const CardFailure& failure, const Options& options)
{
    printErr(QStringLiteral("shiqiuren-card: %1\n").arg(failure.userMessage()));
    if (options.trace)
        printErr(
            QStringLiteral("  (%1: %2)\n").arg(failure.code(), QString::fromUtf8(failure.what())));
    return exitCodeFor(failure.problem());
}

int unsupported(const CardReport& report)
{
    const CardFailure failure(core::cards::CardProblem::UnsupportedCard, "unknown card");
    printErr(QStringLiteral("shiqiuren-card: %1 (ATR %2)\n")
                 .arg(failure.userMessage(), QString::fromLatin1(report.atr.toHex(' ').toUpper())));
    return UnsupportedCard;
}

CardReport readCard(CardInspector& inspector, const Options& options)
{
    CardInspector::Trace trace;
    if (options.trace)
        trace = [](const QString& line) { printErr(QStringLiteral("APDU %1\n").arg(line)); };
    return inspector.inspect(options.reader, trace);
}

} // namespace

int runReaders(CardInspector& inspector, const Options& options)
{
    try {
        const auto states = inspector.readerStates();
        if (states.isEmpty())
            throw CardFailure(core::cards::CardProblem::NoReaders, "no readers");
        if (options.json) {
            QJsonArray readers;
            for (const auto& state : states)
                readers.append(QJsonObject {
                    { QStringLiteral("name"), state.name },
                    { QStringLiteral("cardPresent"), state.cardPresent },
                    { QStringLiteral("atr"), QString::fromLatin1(state.atr.toHex(' ').toUpper()) },
                });
            printJson(QJsonDocument(QJsonObject { { QStringLiteral("readers"), readers } }));
            return Ok;
        }
        for (const auto& state : states)
            printOut(QStringLiteral("%1\t%2\n")
                         .arg(state.name,
                             state.cardPresent
                                 ? CardCli::tr("有卡片（ATR %1）")
                                       .arg(QString::fromLatin1(state.atr.toHex(' ').toUpper()))
                                 : CardCli::tr("沒有卡片")));
        return Ok;
    } catch (const CardFailure& failure) {
        return fail(failure, options);
    }
}

int runInfo(CardInspector& inspector, const Options& options)
{
    try {
        const CardReport report = readCard(inspector, options);
        if (options.json)
            printJson(QJsonDocument(cardReportToJson(report,
                options.revealId ? core::cards::IdDisplay::Full : core::cards::IdDisplay::Masked)));
        else
            printOut(reportText(report, options.revealId));
        return report.isSupported() ? Ok : unsupported(report);
    } catch (const CardFailure& failure) {
        return fail(failure, options);
    }
}

int runCerts(CardInspector& inspector, const Options& options)
{
    try {
        const CardReport report = readCard(inspector, options);
        if (!report.isSupported())
            return unsupported(report);
        if (options.json) {
            QJsonArray certificates;
            for (const auto& cert : report.certificates) {
                QJsonObject object = core::cards::certificateToJson(cert);
                object.insert(
                    QStringLiteral("pem"), QString::fromLatin1(core::pki::toPem(cert.der)));
                certificates.append(object);
            }
            printJson(QJsonDocument(QJsonObject { { QStringLiteral("reader"), report.reader },
                { QStringLiteral("certificates"), certificates } }));
        } else if (options.pem) {
            for (const auto& cert : report.certificates)
                printOut(QString::fromLatin1(core::pki::toPem(cert.der)));
        } else {
            for (const auto& cert : report.certificates)
                printOut(certificateText(cert));
        }
        if (report.certificates.isEmpty() && !options.json)
            printErr(CardCli::tr("這張卡片沒有憑證。") + QLatin1Char('\n'));
        return Ok;
    } catch (const CardFailure& failure) {
        return fail(failure, options);
    }
}

} // namespace card_cli
