// fault-proxy: the sync tests' fault proxy in front of a running server, for manual runs.
//
//   fault-proxy --upstream 127.0.0.1:8080 [--listen 18080] [--default SPEC] [--fault SPEC]...
//
// Prints the address it listens on, then one line per request as it finishes. While it runs,
// each line typed on stdin is a command: a rule SPEC to queue, `default SPEC`, `clear` (drop the
// queued rules) or `log` (print the whole log). SPEC: see FaultRule::parse, e.g.
//   respond=503,count=2,header=Retry-After: 3,body={"error":"service-unavailable"}
//   drop-after,method=POST,path=/api/vacancies
//   delay=5000,path=/api/sync

#include "fault_proxy.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <cstdio>
#include <exception>
#include <unistd.h>

namespace {

void print(const QString& line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fault-proxy"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("An HTTP/1.1 proxy on 127.0.0.1 that drops, delays, cuts or answers in "
                       "the server's place, per request."));
    parser.addHelpOption();
    const QCommandLineOption upstream(
        QStringLiteral("upstream"), QStringLiteral("The server, HOST:PORT."), QStringLiteral("to"));
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("The port to listen on (default: a free one)."), QStringLiteral("port"),
        QStringLiteral("0"));
    const QCommandLineOption fault(QStringLiteral("fault"),
        QStringLiteral("Queue a rule (repeatable), e.g. respond=500,count=2 or "
                       "drop-after,method=POST,path=/api/vacancies."),
        QStringLiteral("spec"));
    const QCommandLineOption fallback(QStringLiteral("default"),
        QStringLiteral("The rule for requests no queued rule takes (default: pass)."),
        QStringLiteral("spec"));
    parser.addOptions({ upstream, listen, fault, fallback });
    parser.process(app);

    const QString to = parser.value(upstream);
    const qsizetype colon = to.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint upstreamPort = colon > 0 ? to.mid(colon + 1).toUInt(&portOk) : 0;
    bool listenOk = false;
    const uint listenPort = parser.value(listen).toUInt(&listenOk);
    if (!portOk || upstreamPort == 0 || upstreamPort > 65535 || !listenOk || listenPort > 65535) {
        std::fprintf(stderr, "fault-proxy: --upstream HOST:PORT is required (--listen: a port)\n");
        return 2;
    }

    const auto parse = [](const QString& spec) {
        QString error;
        std::optional<synctest::FaultRule> rule = synctest::FaultRule::parse(spec, &error);
        if (!rule)
            std::fprintf(stderr, "fault-proxy: %s: %s\n", qPrintable(spec), qPrintable(error));
        return rule;
    };
    std::unique_ptr<synctest::FaultProxy> proxy;
    try {
        proxy = std::make_unique<synctest::FaultProxy>(
            to.left(colon), quint16(upstreamPort), quint16(listenPort));
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s\n", error.what());
        return 1;
    }
    for (const QString& spec : parser.values(fault)) {
        const auto rule = parse(spec);
        if (!rule)
            return 2;
        proxy->push(*rule);
    }
    if (parser.isSet(fallback)) {
        const auto rule = parse(parser.value(fallback));
        if (!rule)
            return 2;
        proxy->setDefault(*rule);
    }
    proxy->setObserver([](const synctest::ProxyLogEntry& entry) { print(entry.describe()); });
    print(QStringLiteral("fault-proxy: %1 -> %2").arg(proxy->baseUrl(), to));

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[4096];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer - 1);
        if (got <= 0) { // stdin closed: keep proxying, stop listening for commands
            input.setEnabled(false);
            return;
        }
        const QStringList lines = QString::fromUtf8(buffer, qsizetype(got))
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (QString line : lines) {
            line = line.trimmed();
            if (line.isEmpty())
                continue;
            if (line == QLatin1String("clear")) {
                proxy->clearRules();
                print(QStringLiteral("rules cleared"));
            } else if (line == QLatin1String("log")) {
                for (const synctest::ProxyLogEntry& entry : proxy->log())
                    print(entry.describe());
            } else if (line.startsWith(QLatin1String("default "))) {
                if (const auto rule = parse(line.mid(8))) {
                    proxy->setDefault(*rule);
                    print(QStringLiteral("default: %1").arg(line.mid(8)));
                }
            } else if (const auto rule = parse(line)) {
                proxy->push(*rule);
                print(
                    QStringLiteral("queued: %1 (%2 pending)").arg(line).arg(proxy->rulesPending()));
            }
        }
    });
    return QCoreApplication::exec();
}
