// bench-store --push: N queued creates (10,000 by default) pushed through the sync engine to
// the real server on loopback, per record; once per pipeline depth asked for (the one-by-one
// path is depth 1) and once per batch size, each against a fresh server, and the figures side by
// side at the end.
#include "bench_push.hpp"

#include "bench_common.hpp"
#include "core/auth/auth_token.hpp"
#include "core/store/local_store.hpp"
#include "core/sync/sync_engine.hpp"
#include "http_client.hpp"
#include "vacancy_fixture.hpp"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>
#include <cstdio>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace bench {

namespace {

/// The server process while it runs: die() stops it (by its PID) before exiting.
QProcess* runningServer = nullptr;

void stopServer()
{
    if (!runningServer || runningServer->state() == QProcess::NotRunning)
        return;
    runningServer->terminate(); // SIGTERM to its PID
    if (!runningServer->waitForFinished(10000)) {
        runningServer->kill();
        runningServer->waitForFinished(5000);
    }
}

/// The origin the server is started with and the login is signed for (as the server suites).
const QString origin = QStringLiteral("https://recruit.example.gov.tw");

/// Starts the server on loopback over a fresh SQLite file in `dir`; returns its base URL.
QString startServer(QProcess& process, const PushOptions& options, const QTemporaryDir& dir)
{
    const QStringList arguments { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
        QStringLiteral("--db"), dir.filePath(QStringLiteral("server.sqlite")),
        QStringLiteral("--origin"), origin, QStringLiteral("--trust"),
        options.pki + QStringLiteral("/trust"), QStringLiteral("--crl"),
        options.pki + QStringLiteral("/moica-ca.crl.pem"), QStringLiteral("--crl"),
        options.pki + QStringLiteral("/gca-ca.crl.der"), QStringLiteral("--seed"), options.seed };
    // Its request log (a line per request) goes to a file: an unread pipe would fill and stall it.
    process.setStandardErrorFile(dir.filePath(QStringLiteral("server.log")));
    process.start(options.server, arguments);
    if (!process.waitForStarted(10000))
        die(options.server + QStringLiteral(": ") + process.errorString());
    runningServer = &process;
    QByteArray out;
    const auto started = Clock::now();
    while (!out.contains('\n') && Clock::now() - started < std::chrono::seconds(30)) {
        if (!process.waitForReadyRead(200) && process.state() != QProcess::Running)
            break;
        out += process.readAllStandardOutput();
    }
    const QByteArray marker = "listening on ";
    if (!out.contains(marker))
        die(QStringLiteral("the server did not start (log: %1)")
                .arg(dir.filePath(QStringLiteral("server.log"))));
    return QString::fromLatin1(out.mid(out.indexOf(marker) + marker.size()).trimmed());
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        die(path + QStringLiteral(": ") + file.errorString());
    return file.readAll();
}

/// RS256 (PKCS#1 v1.5, SHA-256) over core::auth::authDigest with the card's key, as the card
/// does (tests/server/support/card_login.cpp).
QByteArray signLogin(const QString& keyFile, const QString& nonce)
{
    const QByteArray pem = readFile(keyFile);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())), BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    if (!key)
        die(keyFile + QStringLiteral(": not a private key"));
    const QByteArray digest = core::auth::authDigest(origin, nonce);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new(key.get(), nullptr), EVP_PKEY_CTX_free);
    const auto* in = reinterpret_cast<const unsigned char*>(digest.constData());
    size_t length = 0;
    if (EVP_PKEY_sign_init(ctx.get()) != 1
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1
        || EVP_PKEY_CTX_set_signature_md(ctx.get(), EVP_sha256()) != 1
        || EVP_PKEY_sign(ctx.get(), nullptr, &length, in, size_t(digest.size())) != 1)
        die(QStringLiteral("signing failed"));
    QByteArray signature(qsizetype(length), '\0');
    if (EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, in,
            size_t(digest.size()))
        != 1)
        die(QStringLiteral("signing failed"));
    signature.resize(qsizetype(length));
    return signature;
}

servertest::Reply expect(const servertest::Reply& reply, const char* what)
{
    if (reply.status != 200)
        die(QStringLiteral("%1: HTTP %2 %3")
                .arg(QLatin1String(what))
                .arg(reply.status)
                .arg(QString::fromUtf8(reply.body)));
    return reply;
}

/// Logs the test clerk in by card (the citizen certificate of the test PKI), activating and
/// setting up the account on first login. Returns the session token.
QString clerkSession(const servertest::HttpClient& client, const QString& pki)
{
    const QString nonce
        = expect(client.sendJson("POST", QStringLiteral("/api/v1/auth/challenge"), {}), "challenge")
              .json()
              .value("nonce")
              .toString();
    const QJsonObject token
        = core::auth::buildAuthToken(readFile(pki + QStringLiteral("/citizen-sign.der")),
            signLogin(pki + QStringLiteral("/citizen-sign.key"), nonce),
            QStringLiteral("https://shiqiuren.example/shiqiuren/test"));
    QJsonObject body = expect(client.sendJson("POST", QStringLiteral("/api/v1/auth/certificate"),
                                  core::auth::certificateLoginRequest(nonce, token)),
        "card login")
                           .json();
    if (body.value("activationRequired").toBool())
        body = expect(client.sendJson("POST", QStringLiteral("/api/v1/auth/activate"),
                          { { "activationTicket", body.value("activationTicket") },
                              { "accountOrIdNumber", "A123456789" } }),
            "activation")
                   .json();
    const QString session = body.value("session").toObject().value("token").toString();
    if (session.isEmpty())
        die(QStringLiteral("no session token"));
    if (body.value("accountSetupRequired").toBool())
        expect(client.sendJson("PUT", QStringLiteral("/api/v1/account"),
                   { { "account", "wang01" }, { "email", "wang@test.gov.tw" },
                       { "password", "Passw0rd!" } },
                   session),
            "account setup");
    return session;
}

/// The server's list total for the clerk's agency, current and history.
qint64 serverTotal(const servertest::HttpClient& client, const QString& token)
{
    qint64 total = 0;
    for (const char* scope : { "current", "history" })
        total += expect(
            client.get(
                QStringLiteral("/api/v1/vacancies?scope=%1&pageSize=1").arg(QLatin1String(scope)),
                token),
            "list")
                     .json()
                     .value("total")
                     .toInteger();
    return total;
}

/// The server's "today": the calendar day in Taipei.
QDate taipeiToday()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(8 * 3600)).date();
}

/// A vacancy the server accepts: the domain suites' valid vacancy for the test seed's clerk
/// (agency A29000000G, whose name the server fills in), starting tomorrow (scheduled), with a
/// distinct title.
core::domain::Vacancy pushedVacancy(int i)
{
    core::domain::Vacancy v = domaintest::validVacancy();
    v.agencyCode = QStringLiteral("A29000000G");
    v.agencyName.clear();
    v.title = QStringLiteral("科員（效能測試 %1）").arg(i + 1);
    v.validFrom = taipeiToday().addDays(1);
    v.validTo = v.validFrom.addDays(10);
    return v;
}

/// One path's figures.
struct PushRun {
    int depth = 1;
    int batch = 0; ///< creates per batch request; 0: no batches (the depth's path)
    double queueSeconds = 0;
    double pushSeconds = 0;
    int runs = 0;
    int sent = 0;
};

/// Push `options.records` queued creates to a fresh local server (the real shiqiuren-server on
/// loopback, a fresh SQLite database, the test seed) through the sync engine with creates sent
/// `depth` at a time (or, with `batch` > 1, `batch` to a batch request), and report the time per
/// record. Depth 1 is the one-by-one path, queued as the form did before (createDraft, then
/// saveAndQueue: two transactions a record); a deeper pipeline and a batch queue as the form
/// does now (createQueued: one transaction).
PushRun pushOnce(const PushOptions& options, int depth, int batch)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        die(QStringLiteral("no temporary directory"));
    QProcess server;
    const QString baseUrl = startServer(server, options, dir);
    const servertest::HttpClient client(baseUrl);
    const QString token = clerkSession(client, options.pki);
    const qint64 before = serverTotal(client, token);
    std::printf("\n== %s %d ==\nserver %s (SQLite, seed %s); %lld vacancies of the "
                "clerk's agency before\n",
        batch > 1 ? "batch size" : "pipeline depth", batch > 1 ? batch : depth, qPrintable(baseUrl),
        qPrintable(QFileInfo(options.seed).fileName()), static_cast<long long>(before));
    std::printf("load average before: %s\n", qPrintable(loadAverage()));

    core::sync::SyncOptions syncOptions;
    syncOptions.backoffBase = std::chrono::milliseconds(0);
    syncOptions.pipelineDepth = depth;
    syncOptions.createBatchSize = batch;
    core::sync::SyncEngine engine(
        dir.filePath(QStringLiteral("local.sqlite")), baseUrl, token, syncOptions);
    core::store::Records& records = engine.store().records();

    PushRun run;
    run.depth = depth;
    run.batch = batch;
    const auto queueStarted = Clock::now();
    for (int i = 0; i < options.records; ++i) {
        const core::domain::Vacancy v = pushedVacancy(i);
        if (depth == 1)
            records.saveAndQueue(records.createDraft(v), v);
        else
            records.createQueued(v);
    }
    run.queueSeconds = std::chrono::duration<double>(Clock::now() - queueStarted).count();
    const int queued = engine.store().outbox().size();
    if (queued != options.records)
        die(QStringLiteral("%1 outbox rows, expected %2").arg(queued).arg(options.records));
    std::printf("queued %d creates in %.2f s: %.3f ms/record (%s)\n", queued, run.queueSeconds,
        run.queueSeconds * 1e3 / queued,
        depth == 1 ? "createDraft + saveAndQueue, two transactions"
                   : "createQueued, one transaction");
    std::fflush(stdout);

    // Push: syncOnce() until the outbox is empty (each run also pulls the change feed and
    // revalidates the code lists, as the application's runs do).
    const auto pushStarted = Clock::now();
    int pulled = 0, rejected = 0, deferred = 0;
    for (;;) {
        const core::sync::SyncReport report = engine.syncOnce();
        ++run.runs;
        run.sent += report.sent;
        pulled += report.pulled;
        rejected += report.rejected;
        deferred += report.deferred;
        if (report.needsLogin)
            die(QStringLiteral("the session was refused"));
        if (report.queued == 0)
            break;
        if (run.runs >= 50)
            die(QStringLiteral("%1 still queued after %2 runs (last error: %3)")
                    .arg(report.queued)
                    .arg(run.runs)
                    .arg(report.error));
    }
    run.pushSeconds = std::chrono::duration<double>(Clock::now() - pushStarted).count();
    std::printf("pushed in %d syncOnce() run(s): %.2f s: %.3f ms/record, %.0f records/s (sent "
                "%d, rejected %d, deferred %d; %d change-feed entries pulled)\n",
        run.runs, run.pushSeconds, run.pushSeconds * 1e3 / options.records,
        options.records / run.pushSeconds, run.sent, rejected, deferred, pulled);
    std::printf("load average after: %s\n", qPrintable(loadAverage()));

    const qint64 after = serverTotal(client, token);
    stopServer();
    runningServer = nullptr;
    std::printf("server list total: %lld (%lld new)\n", static_cast<long long>(after),
        static_cast<long long>(after - before));
    if (after - before != options.records || run.sent != options.records)
        die(QStringLiteral("the server holds %1 new vacancies, expected %2")
                .arg(after - before)
                .arg(options.records));
    return run;
}

} // namespace

void benchPush(const PushOptions& options)
{
    beforeExit = stopServer;
    QList<PushRun> runs;
    for (const int depth : options.depths)
        runs.append(pushOnce(options, depth, 0));
    for (const int batch : options.batches)
        runs.append(pushOnce(options, 16, batch));
    std::printf("\n| path | depth or batch | N | queue ms/record | push s | push ms/record | "
                "records/s |\n"
                "|------|------:|--:|----------------:|-------:|---------------:|----------:|\n");
    for (const PushRun& run : runs)
        std::printf("| %s | %d | %d | %.3f | %.2f | %.3f | %.0f |\n",
            run.batch > 1        ? "batch"
                : run.depth == 1 ? "one by one"
                                 : "pipelined",
            run.batch > 1 ? run.batch : run.depth, options.records,
            run.queueSeconds * 1e3 / options.records, run.pushSeconds,
            run.pushSeconds * 1e3 / options.records, options.records / run.pushSeconds);
    beforeExit = nullptr;
}

} // namespace bench
