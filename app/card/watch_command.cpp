#include "cli_tr.hpp"
#include "commands.hpp"
#include "core/cards/card_watcher.hpp"
#include "exit_codes.hpp"
#include "output.hpp"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace card_cli {

namespace {

int signalPipe[2] = { -1, -1 };

extern "C" void onQuitSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through the pipe.
    const char byte = 1;
    [[maybe_unused]] const auto ignored = ::write(signalPipe[1], &byte, 1);
}

void printEvent(
    const Options& options, const QString& event, const QString& reader, const QByteArray& atr = {})
{
    if (options.json) {
        QJsonObject object { { QStringLiteral("event"), event } };
        if (!reader.isEmpty())
            object.insert(QStringLiteral("reader"), reader);
        if (!atr.isEmpty())
            object.insert(QStringLiteral("atr"), QString::fromLatin1(atr.toHex(' ').toUpper()));
        printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact))
            + QLatin1Char('\n'));
        return;
    }
    const QString time = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    QString text;
    if (event == QLatin1String("reader-added"))
        text = CardCli::tr("讀卡機接上：%1").arg(reader);
    else if (event == QLatin1String("reader-removed"))
        text = CardCli::tr("讀卡機移除：%1").arg(reader);
    else if (event == QLatin1String("card-inserted"))
        text = CardCli::tr("插入卡片：%1（ATR %2）")
                   .arg(reader, QString::fromLatin1(atr.toHex(' ').toUpper()));
    else if (event == QLatin1String("card-removed"))
        text = CardCli::tr("取出卡片：%1").arg(reader);
    else if (event == QLatin1String("service-lost"))
        text = CardCli::tr("智慧卡服務中斷，等待服務恢復…");
    else
        text = CardCli::tr("智慧卡服務已恢復");
    printOut(QStringLiteral("%1 %2\n").arg(time, text));
}

} // namespace

int runWatch(const Options& options)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) != 0)
        return Failure;
    std::signal(SIGINT, onQuitSignal);
    std::signal(SIGTERM, onQuitSignal);
    QSocketNotifier quitNotifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&quitNotifier, &QSocketNotifier::activated, [] { QCoreApplication::quit(); });

    int printed = 0;
    const auto report
        = [&](const QString& event, const QString& reader, const QByteArray& atr = {}) {
              printEvent(options, event, reader, atr);
              if (options.maxEvents > 0 && ++printed >= options.maxEvents)
                  QCoreApplication::quit();
          };

    core::cards::CardWatcher watcher;
    QObject::connect(&watcher, &core::cards::CardWatcher::readerAdded,
        [&](const QString& reader) { report(QStringLiteral("reader-added"), reader); });
    QObject::connect(&watcher, &core::cards::CardWatcher::readerRemoved,
        [&](const QString& reader) { report(QStringLiteral("reader-removed"), reader); });
    QObject::connect(&watcher, &core::cards::CardWatcher::cardInserted,
        [&](const QString& reader, const QByteArray& atr) {
            report(QStringLiteral("card-inserted"), reader, atr);
        });
    QObject::connect(&watcher, &core::cards::CardWatcher::cardRemoved,
        [&](const QString& reader) { report(QStringLiteral("card-removed"), reader); });
    QObject::connect(&watcher, &core::cards::CardWatcher::serviceLost,
        [&] { report(QStringLiteral("service-lost"), {}); });
    QObject::connect(&watcher, &core::cards::CardWatcher::serviceRestored,
        [&] { report(QStringLiteral("service-restored"), {}); });
    watcher.start();
    QCoreApplication::exec();
    watcher.stop();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return Ok;
}

} // namespace card_cli
