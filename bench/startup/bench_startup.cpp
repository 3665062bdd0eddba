// The start-up figure: from starting the process to the first painted main window, for
// shiqiuren and, side by side in the same run, for a minimal Qt Widgets program that opens one
// window. Runs alternate (A B A B …) so a change in the machine's load hits both alike.
//
//   build/bin/bench-startup [--runs N] [--app PATH] [--minimal PATH] [--compare PATH]
//
// --compare: a second build of the client (say, before a change), timed in the same rotation.
//
// Drawn on whatever QT_QPA_PLATFORM says (a desktop, `xvfb-run`, or offscreen).
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <optional>
#include <vector>

namespace {

struct Program {
    QString name;
    QString path;
    QStringList arguments;
    std::vector<double> milliseconds;
    std::vector<double> cpuMilliseconds; ///< as the program reports it; older builds do not
};

struct Timing {
    double wallMs = 0;
    std::optional<double> cpuMs;
};

[[noreturn]] void die(const QString& message)
{
    std::fprintf(stderr, "bench-startup: %s\n", qPrintable(message));
    std::exit(1);
}

/// Starts `program` once and times it until it says "first-paint" (with, from builds that
/// report it, "cpu-ms=X": its own CPU time up to then, all threads).
Timing timeOnce(const Program& program)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SHIQIUREN_EXIT_AFTER_FIRST_PAINT"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    process.start(program.path, program.arguments);
    QByteArray seen;
    qint64 at = -1;
    while (at < 0) {
        if (!process.waitForReadyRead(30000))
            die(QStringLiteral("%1 did not paint within 30 s (%2)")
                    .arg(program.name, process.errorString()));
        seen += process.readAllStandardOutput();
        const qint64 start = seen.indexOf("first-paint");
        if (start >= 0 && seen.indexOf('\n', start) >= 0)
            at = start;
    }
    Timing timing { static_cast<double>(timer.nsecsElapsed()) / 1e6, std::nullopt };
    const QByteArray line = seen.mid(at, seen.indexOf('\n', at) - at);
    const qsizetype cpu = line.indexOf("cpu-ms=");
    if (cpu >= 0)
        timing.cpuMs = line.mid(cpu + 7).toDouble();
    if (!process.waitForFinished(10000))
        process.kill();
    return timing;
}

void record(Program& program, const Timing& timing)
{
    program.milliseconds.push_back(timing.wallMs);
    if (timing.cpuMs)
        program.cpuMilliseconds.push_back(*timing.cpuMs);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void report(const Program& p, double yardstick)
{
    const auto [low, high] = std::minmax_element(p.milliseconds.begin(), p.milliseconds.end());
    const double mean = std::accumulate(p.milliseconds.begin(), p.milliseconds.end(), 0.0)
        / static_cast<double>(p.milliseconds.size());
    const double middle = median(p.milliseconds);
    std::printf("| %-22s | %4zu | %9.1f | %9.1f | %9.1f | %9.1f | %5.2f× |\n", qPrintable(p.name),
        p.milliseconds.size(), middle, mean, *low, *high, middle / yardstick);
}

void reportCpu(const Program& p, double yardstick)
{
    if (p.cpuMilliseconds.empty()) {
        std::printf("| %-22s | (does not report its CPU time)  |\n", qPrintable(p.name));
        return;
    }
    const auto [low, high]
        = std::minmax_element(p.cpuMilliseconds.begin(), p.cpuMilliseconds.end());
    const double middle = median(p.cpuMilliseconds);
    std::printf("| %-22s | %4zu | %9.1f | %9.1f | %9.1f | %5.2f× |\n", qPrintable(p.name),
        p.cpuMilliseconds.size(), middle, *low, *high, yardstick > 0 ? middle / yardstick : 0.0);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Start-up to the first painted window."));
    parser.addHelpOption();
    const QString binDir = QCoreApplication::applicationDirPath();
    parser.addOption({ QStringLiteral("runs"), QStringLiteral("runs of each (default 15)"),
        QStringLiteral("N"), QStringLiteral("15") });
    parser.addOption({ QStringLiteral("app"), QStringLiteral("the client"), QStringLiteral("PATH"),
        binDir + QStringLiteral("/shiqiuren") });
    parser.addOption({ QStringLiteral("minimal"), QStringLiteral("the yardstick"),
        QStringLiteral("PATH"), binDir + QStringLiteral("/bench-minimal-window") });
    parser.addOption({ QStringLiteral("compare"),
        QStringLiteral("another build of the client, timed in the same run"),
        QStringLiteral("PATH") });
    parser.process(app);
    const int runs = parser.value(QStringLiteral("runs")).toInt();
    if (runs < 1)
        die(QStringLiteral("--runs must be at least 1"));

    // The client starts as a clerk's does: its own fresh store and settings, and a service that
    // is not there (start-up must not wait for the network).
    QTemporaryDir dir;
    QTcpServer probe;
    if (!dir.isValid() || !probe.listen(QHostAddress::LocalHost))
        die(QStringLiteral("no temporary directory or loopback port"));
    const QString absent = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
    probe.close();
    Program client { QStringLiteral("shiqiuren"), parser.value(QStringLiteral("app")),
        { QStringLiteral("--store"), dir.filePath(QStringLiteral("local.sqlite")),
            QStringLiteral("--settings"), dir.filePath(QStringLiteral("settings.conf")),
            QStringLiteral("--server"), absent },
        {} };
    Program minimal { QStringLiteral("minimal Qt window"), parser.value(QStringLiteral("minimal")),
        {}, {} };
    // The other build gets a store of its own: an older build may not open a newer store.
    QTemporaryDir otherDir;
    Program other { QStringLiteral("shiqiuren (--compare)"),
        parser.value(QStringLiteral("compare")),
        { QStringLiteral("--store"), otherDir.filePath(QStringLiteral("local.sqlite")),
            QStringLiteral("--settings"), otherDir.filePath(QStringLiteral("settings.conf")),
            QStringLiteral("--server"), absent },
        {} };
    std::vector<Program*> programs { &client, &minimal };
    if (!other.path.isEmpty())
        programs.insert(programs.begin() + 1, &other);
    for (const Program* p : programs) {
        if (!QFileInfo(p->path).isExecutable())
            die(p->path + QStringLiteral(" is not there: build it first"));
    }

    // One run of each first, unmeasured: the page cache, the font cache, the store's creation.
    for (const Program* p : programs)
        timeOnce(*p);
    for (int i = 0; i < runs; ++i) {
        for (Program* p : programs)
            record(*p, timeOnce(*p));
    }

    std::printf("platform: %s; %d runs each, alternating; ms from process start to first paint\n\n",
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")
            ? "default"
            : qPrintable(qEnvironmentVariable("QT_QPA_PLATFORM")),
        runs);
    std::printf("| %-22s | %4s | %9s | %9s | %9s | %9s | %6s |\n", "program", "runs", "median",
        "mean", "min", "max", "ratio");
    std::printf("|%s|------|-----------|-----------|-----------|-----------|--------|\n",
        std::string(24, '-').c_str());
    const double yardstick = median(minimal.milliseconds);
    for (const Program* p : programs)
        report(*p, yardstick);

    std::printf("\nCPU time of the program itself (all its threads) up to the first paint, ms\n\n");
    std::printf("| %-22s | %4s | %9s | %9s | %9s | %6s |\n", "program", "runs", "median", "min",
        "max", "ratio");
    std::printf(
        "|%s|------|-----------|-----------|-----------|--------|\n", std::string(24, '-').c_str());
    const double cpuYardstick
        = minimal.cpuMilliseconds.empty() ? 0.0 : median(minimal.cpuMilliseconds);
    for (const Program* p : programs)
        reportCpu(*p, cpuYardstick);
    return 0;
}
