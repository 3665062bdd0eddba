// bench-store: the list view's queries over a local store of N vacancies (100,000 by default),
// each timed through our API (core::store::queryVacancies on QtSql) and, in the same run, as the
// very same SQL on the sqlite3 C API, so the ratio is our overhead. The figures and the machine
// are in docs/performance.md.
//
//   build/bin/bench-store [--rows N] [--reps R] [--cpu-time] [--file PATH] [--plans]
//   build/bin/bench-store --push [N] [--pki DIR] [--server BIN] [--seed FILE]
//
// `--push` measures sync instead: N queued creates (10,000 by default) pushed through the sync
// engine to the real server on loopback, per record.
#include "core/auth/auth_token.hpp"
#include "core/domain/vacancy_json.hpp"
#include "core/store/local_store.hpp"
#include "core/store/vacancy_list.hpp"
#include "core/sync/sync_engine.hpp"
#include "domain/enum_names.hpp"
#include "http_client.hpp"
#include "store/list_index_schema.hpp"
#include "store/vacancy_list_sql.hpp"
#include "vacancy_fixture.hpp"
#include "vacancy_generator.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <sqlite3.h>
#include <string>
#include <variant>
#include <vector>

using core::store::ListQuery;
using Sort = ListQuery::SortColumn;
namespace detail = core::store::detail;

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto connectionName = "bench-store";
constexpr std::uint64_t seed = 20261128;

void stopServer();

[[noreturn]] void die(const QString& message)
{
    std::fprintf(stderr, "bench-store: %s\n", qPrintable(message));
    stopServer();
    std::exit(1);
}

QSqlQuery exec(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        die(sql + QStringLiteral(": ") + query.lastError().text());
    return query;
}

// --- The store file ------------------------------------------------------------------------

// Migration step 1's table, as the store helper's schema makes it.
// TODO(bench LocalStore): once LocalStore lands, open the file with it instead (its migrations
// make this table and run applyListIndexes), and keep only the generator's inserts here.
constexpr auto vacanciesDdl = R"sql(CREATE TABLE vacancies(local_id TEXT PRIMARY KEY,
  server_id TEXT UNIQUE, etag TEXT, base_json TEXT,
  data_json TEXT NOT NULL, state TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0, server_deleted INTEGER NOT NULL DEFAULT 0,
  rejection_json TEXT, rejection_code TEXT, updated_at INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '', agency_name TEXT NOT NULL DEFAULT '',
  person_kind TEXT NOT NULL DEFAULT '', server_status TEXT,
  valid_from TEXT, valid_to TEXT, openings INTEGER NOT NULL DEFAULT 0,
  search_body TEXT NOT NULL DEFAULT ''))sql";

QVariant textOrNull(const QString& value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

QVariant text(const QString& value) // QtSql binds a null QString as NULL
{
    return value.isEmpty() ? QVariant(QStringLiteral("")) : QVariant(value);
}

/// Makes the schema and fills it with `rows` generated vacancies in one transaction, through
/// QtSql as the store writes. Returns seconds taken.
double fill(const QSqlDatabase& db, int rows)
{
    exec(db, QString::fromUtf8(vacanciesDdl));
    QSqlDatabase writable = db;
    if (!writable.transaction())
        die(QStringLiteral("begin"));
    detail::applyListIndexes(db);

    const auto started = Clock::now();
    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral(
            "INSERT INTO vacancies(local_id, server_id, etag, base_json, data_json, state, deleted,"
            " server_deleted, updated_at, title, agency_name, person_kind, server_status,"
            " valid_from, valid_to, openings, search_body)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        die(insert.lastError().text());
    bench::VacancyGenerator generator(seed);
    for (int i = 0; i < rows; ++i) {
        const bench::GeneratedVacancy g = generator.next();
        const core::domain::Vacancy& v = g.data;
        const QByteArray json
            = QJsonDocument(core::domain::toJson(v)).toJson(QJsonDocument::Compact);
        const bool known = !v.vacancyId.isEmpty();
        const QString status = v.status ? core::domain::detail::statusName(*v.status) : QString();
        insert.addBindValue(g.localId);
        insert.addBindValue(textOrNull(v.vacancyId));
        insert.addBindValue(known ? QVariant(QStringLiteral("\"%1\"").arg(i)) : QVariant());
        insert.addBindValue(known ? QVariant(QString::fromUtf8(json)) : QVariant());
        insert.addBindValue(QString::fromUtf8(json));
        insert.addBindValue(g.state);
        insert.addBindValue(g.deleted ? 1 : 0);
        insert.addBindValue(g.serverDeleted ? 1 : 0);
        insert.addBindValue(g.updatedAt);
        insert.addBindValue(text(v.title));
        insert.addBindValue(text(v.agencyName));
        insert.addBindValue(text(v.personKind));
        insert.addBindValue(textOrNull(status));
        insert.addBindValue(v.validFrom.toString(Qt::ISODate));
        insert.addBindValue(v.validTo.toString(Qt::ISODate));
        insert.addBindValue(v.openings);
        insert.addBindValue(
            text(QStringList { v.qualifications, v.duties, v.workAddress }.join(u'\n')));
        if (!insert.exec())
            die(insert.lastError().text());
    }
    if (!writable.commit())
        die(QStringLiteral("commit: ") + writable.lastError().text());
    return std::chrono::duration<double>(Clock::now() - started).count();
}

// --- The raw side: the same SQL on the sqlite3 C API --------------------------------------

using Value = std::variant<qint64, std::string>;

struct RawStatement {
    std::string sql;
    std::vector<Value> values;
};

RawStatement rawFrom(const detail::SqlStatement& statement)
{
    RawStatement raw { statement.sql.toStdString(), {} };
    for (const QVariant& value : statement.values) {
        if (value.typeId() == QMetaType::QString)
            raw.values.emplace_back(value.toString().toStdString());
        else
            raw.values.emplace_back(value.toLongLong());
    }
    return raw;
}

void check(sqlite3* db, int rc, const char* doing)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        die(QStringLiteral("sqlite3 %1: %2")
                .arg(QLatin1String(doing), QString::fromUtf8(sqlite3_errmsg(db))));
}

/// Runs one statement, reading every column of every row (as the API does); calls `row` per row.
void runRaw(
    sqlite3* db, const RawStatement& statement, const std::function<void(sqlite3_stmt*)>& row = {})
{
    sqlite3_stmt* stmt = nullptr;
    check(db, sqlite3_prepare_v2(db, statement.sql.c_str(), -1, &stmt, nullptr), "prepare");
    int index = 1;
    for (const Value& value : statement.values) {
        if (const auto* number = std::get_if<qint64>(&value))
            check(db, sqlite3_bind_int64(stmt, index, *number), "bind");
        else {
            const std::string& s = std::get<std::string>(value);
            check(db,
                sqlite3_bind_text(stmt, index, s.data(), static_cast<int>(s.size()), SQLITE_STATIC),
                "bind");
        }
        ++index;
    }
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const int columns = sqlite3_column_count(stmt);
        for (int c = 0; c < columns; ++c) {
            if (sqlite3_column_type(stmt, c) == SQLITE_INTEGER)
                static_cast<void>(sqlite3_column_int64(stmt, c));
            else
                static_cast<void>(sqlite3_column_text(stmt, c));
        }
        if (row)
            row(stmt);
    }
    check(db, rc, "step");
    sqlite3_finalize(stmt);
}

struct RawQuery {
    RawStatement begin, count, page, end;
    int pageSize = 50;
    int pageNumber = 1;
};

/// What queryVacancies does, minus QtSql: savepoint, COUNT, clamp, page, release.
struct RawResult {
    qint64 total = 0;
    std::vector<std::string> ids;
};
RawResult runRawQuery(sqlite3* db, RawQuery& q, bool keepIds)
{
    RawResult result;
    runRaw(db, q.begin);
    runRaw(db, q.count, [&](sqlite3_stmt* s) { result.total = sqlite3_column_int64(s, 0); });
    if (result.total == 0) {
        runRaw(db, q.end);
        return result;
    }
    const qint64 lastPage = (result.total + q.pageSize - 1) / q.pageSize;
    const qint64 page = std::clamp<qint64>(q.pageNumber, 1, lastPage);
    RawStatement paged = q.page;
    paged.values.emplace_back(qint64 { q.pageSize });
    paged.values.emplace_back((page - 1) * q.pageSize);
    runRaw(db, paged, [&](sqlite3_stmt* s) {
        if (keepIds)
            result.ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    });
    runRaw(db, q.end);
    return result;
}

// --- Timing ----------------------------------------------------------------------------------

struct Stats {
    double median = 0;
    double p95 = 0;
};

Stats stats(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const std::size_t n = ms.size();
    Stats s;
    s.median = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
    // Nearest rank.
    s.p95 = ms[static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(n))) - 1];
    return s;
}

/// Wall time, or with `cpuTime` this thread's CPU time (user + system, so reads from the OS
/// page cache count): on a machine shared with other work, the CPU time is what the query
/// itself cost.
bool cpuTime = false;

double threadCpuMilliseconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double millisecondsOf(const std::function<void()>& work)
{
    if (cpuTime) {
        const double started = threadCpuMilliseconds();
        work();
        return threadCpuMilliseconds() - started;
    }
    const auto started = Clock::now();
    work();
    return std::chrono::duration<double, std::milli>(Clock::now() - started).count();
}

struct Case {
    const char* name;
    ListQuery query;
};

ListQuery sorted(Sort column, bool ascending)
{
    ListQuery q;
    q.sort = column;
    q.ascending = ascending;
    return q;
}

ListQuery with(std::function<void(ListQuery&)> set)
{
    ListQuery q;
    set(q);
    return q;
}

std::vector<Case> cases()
{
    return {
        { "first page (newest first)", {} },
        { "page 200 (newest first)", with([](ListQuery& q) { q.page = 200; }) },
        { "page 1000 (newest first)", with([](ListQuery& q) { q.page = 1000; }) },
        { "sort title asc", sorted(Sort::Title, true) },
        { "sort agency desc", sorted(Sort::Agency, false) },
        { "sort status asc", sorted(Sort::Status, true) },
        { "sort valid_to desc", sorted(Sort::ValidTo, false) },
        { "sort openings desc", sorted(Sort::Openings, false) },
        { "sort server_id asc", sorted(Sort::ServerId, true) },
        { "filter status published",
            with([](ListQuery& q) { q.statuses = { QStringLiteral("published") }; }) },
        { "filter status conflict",
            with([](ListQuery& q) { q.statuses = { QStringLiteral("conflict") }; }) },
        { "filter draft+pending, sort title", with([](ListQuery& q) {
             q.statuses = { QStringLiteral("draft"), QStringLiteral("pending") };
             q.sort = Sort::Title;
             q.ascending = true;
         }) },
        { "scope history", with([](ListQuery& q) { q.scope = ListQuery::Scope::History; }) },
        { "scope current", with([](ListQuery& q) { q.scope = ListQuery::Scope::Current; }) },
        { "職缺編號 exact", with([](ListQuery& q) { q.serverId = QStringLiteral("1120050000"); }) },
        { "search FTS 衛生局 (many)",
            with([](ListQuery& q) { q.search = QStringLiteral("衛生局"); }) },
        { "search FTS 長期照護 (body)",
            with([](ListQuery& q) { q.search = QStringLiteral("長期照護"); }) },
        { "search FTS 社會工作師",
            with([](ListQuery& q) { q.search = QStringLiteral("社會工作師"); }) },
        { "search FTS 臺北市 (dense)",
            with([](ListQuery& q) { q.search = QStringLiteral("臺北市"); }) },
        { "search FTS 臺北市 護理師 (2 words)",
            with([](ListQuery& q) { q.search = QStringLiteral("臺北市 護理師"); }) },
        { "search FTS 衛生局 + published, title", with([](ListQuery& q) {
             q.search = QStringLiteral("衛生局");
             q.statuses = { QStringLiteral("published") };
             q.sort = Sort::Title;
             q.ascending = true;
         }) },
        { "search FTS 臺北市 + LIKE 科員",
            with([](ListQuery& q) { q.search = QStringLiteral("臺北市 科員"); }) },
        { "search LIKE 科員 (2 chars)",
            with([](ListQuery& q) { q.search = QStringLiteral("科員"); }) },
        { "search LIKE 水利 (2 chars)",
            with([](ListQuery& q) { q.search = QStringLiteral("水利"); }) },
        { "search LIKE 監獄 (2 chars, rare)",
            with([](ListQuery& q) { q.search = QStringLiteral("監獄"); }) },
        { "search LIKE 資安 (2 chars, no hit)",
            with([](ListQuery& q) { q.search = QStringLiteral("資安"); }) },
    };
}

void printPlan(sqlite3* db, const RawStatement& statement)
{
    RawStatement explain = statement;
    explain.sql = "EXPLAIN QUERY PLAN " + explain.sql;
    if (std::count(statement.sql.begin(), statement.sql.end(), '?')
        > static_cast<std::ptrdiff_t>(statement.values.size())) {
        explain.values.emplace_back(qint64 { 50 });
        explain.values.emplace_back(qint64 { 0 });
    }
    runRaw(db, explain, [](sqlite3_stmt* s) {
        std::printf("      %s\n", reinterpret_cast<const char*>(sqlite3_column_text(s, 3)));
    });
}

/// The machine's 1, 5 and 15-minute load averages: figures taken on a busy machine say so.
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

// --- Sync: queued creates pushed to the real server -------------------------------------------

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

struct PushOptions {
    int records = 10'000;
    QString pki; ///< the test PKI (tests/pki/make-test-pki.sh)
    QString server; ///< the shiqiuren-server binary
    QString seed; ///< tests/server/seed/test.json
};

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

/// The sync figure: push `records` queued creates to the local server (the real
/// shiqiuren-server on loopback, a fresh SQLite database, the test seed) through the sync
/// engine, and report the time per record.
void benchPushQueuedCreates(const PushOptions& options)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        die(QStringLiteral("no temporary directory"));
    QProcess server;
    const QString baseUrl = startServer(server, options, dir);
    const servertest::HttpClient client(baseUrl);
    const QString token = clerkSession(client, options.pki);
    const qint64 before = serverTotal(client, token);
    std::printf("server %s (SQLite, seed %s); %lld vacancies of the clerk's agency before\n",
        qPrintable(baseUrl), qPrintable(QFileInfo(options.seed).fileName()),
        static_cast<long long>(before));
    std::printf("load average before: %s\n", qPrintable(loadAverage()));

    core::sync::SyncOptions syncOptions;
    syncOptions.backoffBase = std::chrono::milliseconds(0);
    core::sync::SyncEngine engine(
        dir.filePath(QStringLiteral("local.sqlite")), baseUrl, token, syncOptions);
    core::store::LocalStore& store = engine.store();

    // Queue: one createDraft + saveAndQueue per record, as the form's 「送出」 on a new record.
    const auto queueStarted = Clock::now();
    for (int i = 0; i < options.records; ++i) {
        const core::domain::Vacancy v = pushedVacancy(i);
        store.records().saveAndQueue(store.records().createDraft(v), v);
    }
    const double queueSeconds = std::chrono::duration<double>(Clock::now() - queueStarted).count();
    const int queued = static_cast<int>(store.outbox().size());
    if (queued != options.records)
        die(QStringLiteral("%1 outbox rows, expected %2").arg(queued).arg(options.records));
    std::printf("queued %d creates in %.2f s: %.3f ms/record, %.0f records/s (createDraft + "
                "saveAndQueue, a transaction each)\n",
        queued, queueSeconds, queueSeconds * 1e3 / queued, queued / queueSeconds);
    std::fflush(stdout);

    // Push: syncOnce() until the outbox is empty (each run also pulls the change feed and
    // revalidates the code lists, as the application's runs do).
    const auto pushStarted = Clock::now();
    int runs = 0, sent = 0, pulled = 0, rejected = 0, deferred = 0;
    for (;;) {
        const core::sync::SyncReport report = engine.syncOnce();
        ++runs;
        sent += report.sent;
        pulled += report.pulled;
        rejected += report.rejected;
        deferred += report.deferred;
        if (report.needsLogin)
            die(QStringLiteral("the session was refused"));
        if (report.queued == 0)
            break;
        if (runs >= 50)
            die(QStringLiteral("%1 still queued after %2 runs (last error: %3)")
                    .arg(report.queued)
                    .arg(runs)
                    .arg(report.error));
    }
    const double pushSeconds = std::chrono::duration<double>(Clock::now() - pushStarted).count();
    std::printf("pushed in %d syncOnce() run(s): %.2f s: %.3f ms/record, %.0f records/s (sent "
                "%d, rejected %d, deferred %d; %d change-feed entries pulled)\n",
        runs, pushSeconds, pushSeconds * 1e3 / options.records, options.records / pushSeconds, sent,
        rejected, deferred, pulled);
    std::printf("load average after: %s\n", qPrintable(loadAverage()));

    const qint64 after = serverTotal(client, token);
    stopServer();
    runningServer = nullptr;
    std::printf("server list total: %lld (%lld new)\n", static_cast<long long>(after),
        static_cast<long long>(after - before));
    if (after - before != options.records || sent != options.records)
        die(QStringLiteral("the server holds %1 new vacancies, expected %2")
                .arg(after - before)
                .arg(options.records));
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Times the list view's queries over a local store, beside the same SQL on raw SQLite."));
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
        pkiOption, serverOption, seedOption });
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
        PushOptions push;
        push.records = parser.value(pushOption).toInt();
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
            die(QStringLiteral("--push takes a positive number"));
        benchPushQueuedCreates(push);
        return 0;
    }
    const int rows = parser.value(rowsOption).toInt();
    const int reps = parser.value(repsOption).toInt();
    cpuTime = parser.isSet(cpuOption);
    if (rows < 1 || reps < 1)
        die(QStringLiteral("--rows and --reps take a positive number"));

    QTemporaryDir tmp;
    QString file = parser.value(fileOption);
    if (file.isEmpty())
        file = tmp.filePath(QStringLiteral("local.sqlite"));
    else if (QFile::exists(file))
        die(file + QStringLiteral(" exists; give a new path"));

    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QLatin1String(connectionName));
        db.setDatabaseName(file);
        if (!db.open())
            die(db.lastError().text());
        // As LocalStore opens its file.
        exec(db, QStringLiteral("PRAGMA journal_mode=WAL"));
        exec(db, QStringLiteral("PRAGMA synchronous=FULL"));
        exec(db, QStringLiteral("PRAGMA foreign_keys=ON"));

        QSqlQuery version = exec(db, QStringLiteral("SELECT sqlite_version()"));
        version.next();
        const QString qtSqlite = version.value(0).toString();
        std::printf("SQLite under QtSql %s, sqlite3 C API %s; FTS5 trigram index: ",
            qPrintable(qtSqlite), sqlite3_libversion());

        const double seconds = fill(db, rows);
        std::printf("%s\n", detail::hasSearchIndex(db) ? "yes" : "no (LIKE only)");
        exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        std::printf("filled %d vacancies in %.1f s (%.0f rows/s: one transaction through QtSql, "
                    "FTS triggers firing); file %.0f MiB\n",
            rows, seconds, rows / seconds,
            static_cast<double>(QFileInfo(file).size()) / (1024.0 * 1024.0));
        std::printf("load average before timing: %s\n", qPrintable(loadAverage()));

        sqlite3* raw = nullptr;
        if (sqlite3_open_v2(file.toUtf8().constData(), &raw, SQLITE_OPEN_READWRITE, nullptr)
            != SQLITE_OK)
            die(QStringLiteral("sqlite3_open_v2 failed"));

        std::printf("\n%d timed repetitions per query and side (after 3 warm-ups), API and raw "
                    "alternating; milliseconds of %s\n\n",
            reps, cpuTime ? "thread CPU time" : "wall-clock time");
        std::printf("| %-36s | %6s | %9s | %9s | %9s | %9s | %9s | %6s |\n", "query", "rows",
            "total", "API med", "API p95", "raw med", "raw p95", "ratio");
        std::printf("|%s|%s|%s|%s|%s|%s|%s|%s|\n", std::string(38, '-').c_str(),
            std::string(8, '-').c_str(), std::string(11, '-').c_str(), std::string(11, '-').c_str(),
            std::string(11, '-').c_str(), std::string(11, '-').c_str(),
            std::string(11, '-').c_str(), std::string(8, '-').c_str());

        for (const Case& c : cases()) {
            const bool searchIndex
                = !c.query.search.trimmed().isEmpty() && detail::hasSearchIndex(db);
            // The page's SQL depends on the COUNT (pageSql): take it from a first API run.
            const core::store::ListPage apiPage = core::store::queryVacancies(db, c.query);
            RawQuery rawQuery { { detail::listBegin, {} },
                rawFrom(detail::countSql(c.query, searchIndex)),
                rawFrom(detail::pageSql(c.query, searchIndex, apiPage.total)),
                { detail::listEnd, {} }, std::clamp(c.query.pageSize, 1, 1000), c.query.page };

            // Both sides must agree before they are timed.
            const RawResult rawPage = runRawQuery(raw, rawQuery, true);
            bool same = apiPage.total == rawPage.total
                && static_cast<std::size_t>(apiPage.rows.size()) == rawPage.ids.size();
            for (qsizetype i = 0; same && i < apiPage.rows.size(); ++i)
                same = apiPage.rows[i].localId.toStdString()
                    == rawPage.ids[static_cast<std::size_t>(i)];
            if (!same)
                die(QStringLiteral("API and raw SQL disagree on: ") + QString::fromUtf8(c.name));

            std::vector<double> api, direct;
            for (int i = 0; i < 3 + reps; ++i) {
                const double a = millisecondsOf([&] { core::store::queryVacancies(db, c.query); });
                const double r = millisecondsOf([&] { runRawQuery(raw, rawQuery, false); });
                if (i >= 3) {
                    api.push_back(a);
                    direct.push_back(r);
                }
            }
            const Stats sa = stats(api);
            const Stats sr = stats(direct);
            // The name column holds Chinese (two columns wide): pad by display width.
            const QString name = QString::fromUtf8(c.name);
            int width = 0;
            for (const QChar ch : name)
                width += ch.unicode() >= 0x2E80 ? 2 : 1;
            std::printf("| %s%s | %6lld | %9d | %9.3f | %9.3f | %9.3f | %9.3f | %5.2fx |\n", c.name,
                std::string(static_cast<std::size_t>(std::max(0, 36 - width)), ' ').c_str(),
                static_cast<long long>(apiPage.rows.size()), apiPage.total, sa.median, sa.p95,
                sr.median, sr.p95, sa.median / sr.median);
            if (parser.isSet(plansOption)) {
                std::printf("    count:\n");
                printPlan(raw, rawQuery.count);
                std::printf("    page:\n");
                printPlan(raw, rawQuery.page);
            }
            std::fflush(stdout);
        }
        sqlite3_close(raw);
        std::printf("load average after timing: %s\n", qPrintable(loadAverage()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QLatin1String(connectionName));
    return 0;
}
