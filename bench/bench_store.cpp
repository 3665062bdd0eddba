// bench-store: the list view's queries over a local store of N vacancies (100,000 by default),
// each timed through our API and as the same SQL on the sqlite3 C API (bench_list.cpp); or, with
// --push, N queued creates pushed through the sync engine to the real server on loopback
// (bench_push.cpp). The figures and the machine are in docs/performance.md.
//
//   build/bin/bench-store [--rows N] [--reps R] [--cpu-time] [--file PATH] [--plans]
//   build/bin/bench-store --push [N] [--pipeline 1,16] [--batch 100] [--pki DIR] [--server BIN]
//   [--seed FILE]
#include "bench_common.hpp"
#include "bench_list.hpp"
#include "bench_push.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Times the list view's queries over a local store, beside the same SQL on raw SQLite; "
        "or, with --push, queued creates pushed to the local server."));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"),
        QStringLiteral("vacancies in the store"), QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption repsOption(QStringLiteral("reps"),
        QStringLiteral("timed repetitions per query and side"), QStringLiteral("R"),
        QStringLiteral("25"));
    const QCommandLineOption fileOption(QStringLiteral("file"),
        QStringLiteral("store file to make (default: a temporary one, removed after)"),
        QStringLiteral("PATH"));
    const QCommandLineOption plansOption(
        QStringLiteral("plans"), QStringLiteral("print SQLite's query plan of each query"));
    const QCommandLineOption cpuOption(QStringLiteral("cpu-time"),
        QStringLiteral("time with the thread's CPU time instead of the wall clock"));
    const QCommandLineOption pushOption(QStringLiteral("push"),
        QStringLiteral("instead: push N queued creates to the local server (default 10000)"),
        QStringLiteral("N"));
    const QCommandLineOption pipelineOption(QStringLiteral("pipeline"),
        QStringLiteral("pipeline depths for --push, one run each (1: one by one; default 1,16; "
                       "empty: none)"),
        QStringLiteral("D,..."), QStringLiteral("1,16"));
    const QCommandLineOption batchOption(QStringLiteral("batch"),
        QStringLiteral("then batch sizes for --push, one run each (0 or empty: none; default 100)"),
        QStringLiteral("B,..."), QStringLiteral("100"));
    const QCommandLineOption pkiOption(QStringLiteral("pki"),
        QStringLiteral("the test PKI for --push (default: <build>/test-pki)"),
        QStringLiteral("DIR"));
    const QCommandLineOption serverOption(QStringLiteral("server"),
        QStringLiteral("the server binary for --push (default: <build>/bin/shiqiuren-server)"),
        QStringLiteral("BIN"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
        QStringLiteral("the server's seed for --push (default: tests/server/seed/test.json)"),
        QStringLiteral("FILE"));
    parser.addOptions({ rowsOption, repsOption, cpuOption, fileOption, plansOption, pushOption,
        pipelineOption, batchOption, pkiOption, serverOption, seedOption });
    // `--push` alone (no N) takes the default.
    QStringList arguments = app.arguments();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if ((arguments[i] == QLatin1String("--push") || arguments[i] == QLatin1String("-push"))
            && (i + 1 == arguments.size() || arguments[i + 1].startsWith(u'-')))
            arguments.insert(i + 1, QStringLiteral("10000"));
    }
    parser.process(arguments);
    if (parser.isSet(pushOption)) {
        const QString bin = QCoreApplication::applicationDirPath();
        bench::PushOptions push;
        push.records = parser.value(pushOption).toInt();
        push.depths.clear();
        for (const QString& depth : parser.value(pipelineOption).split(u',', Qt::SkipEmptyParts)) {
            const int d = depth.trimmed().toInt();
            if (d < 1)
                bench::die(QStringLiteral("--pipeline takes positive numbers, e.g. 1,16"));
            push.depths << d;
        }
        push.batches.clear();
        for (const QString& batch : parser.value(batchOption).split(u',', Qt::SkipEmptyParts)) {
            const int b = batch.trimmed().toInt();
            if (b < 0 || b > 100)
                bench::die(QStringLiteral("--batch takes numbers from 2 to 100 (0: none)"));
            if (b > 1)
                push.batches << b;
        }
        push.pki = parser.isSet(pkiOption)
            ? parser.value(pkiOption)
            : QDir(bin).absoluteFilePath(QStringLiteral("../test-pki"));
        push.server = parser.isSet(serverOption)
            ? parser.value(serverOption)
            : QDir(bin).absoluteFilePath(QStringLiteral("shiqiuren-server"));
        push.seed = parser.isSet(seedOption)
            ? parser.value(seedOption)
            : QStringLiteral(BENCH_SOURCE_DIR "/tests/server/seed/test.json");
        if (push.records < 1)
            bench::die(QStringLiteral("--push takes a positive number"));
        bench::benchPush(push);
        return 0;
    }
    bench::ListOptions list;
    list.rows = parser.value(rowsOption).toInt();
    list.reps = parser.value(repsOption).toInt();
    list.cpuTime = parser.isSet(cpuOption);
    list.file = parser.value(fileOption);
    list.plans = parser.isSet(plansOption);
    if (list.rows < 1 || list.reps < 1)
        bench::die(QStringLiteral("--rows and --reps take a positive number"));
    bench::benchList(list);
    return 0;
}
