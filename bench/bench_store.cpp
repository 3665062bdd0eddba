// bench-store: the list view's queries over a local store of N vacancies (100,000 by default),
// each timed through our API (core::store::queryVacancies on QtSql) and, in the same run, as the
// very same SQL on the sqlite3 C API, so the ratio is our overhead. Issue 5's "Benchmark"; the
// figures and the machine are in docs/performance.md.
//
//   build/bin/bench-store [--rows N] [--reps R] [--cpu-time] [--file PATH] [--plans]
#include "core/domain/vacancy_json.hpp"
#include "core/store/local_store.hpp"
#include "core/store/vacancy_list.hpp"
#include "domain/enum_names.hpp"
#include "store/list_index_schema.hpp"
#include "store/vacancy_list_sql.hpp"
#include "vacancy_generator.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
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

[[noreturn]] void die(const QString& message)
{
    std::fprintf(stderr, "bench-store: %s\n", qPrintable(message));
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

// --- The second benchmark of issue 5 ---------------------------------------------------------

/// TODO(bench push): issue 5 asks for a second figure: push 10,000 queued creates to the local
/// server (shiqiuren-server on loopback) through the sync engine and report the time per
/// record. The engine (core/sync) is not ready yet; when it is: start the server as
/// tests/sync does, make a LocalStore in a temporary folder, saveAndQueue() 10,000 generated
/// vacancies (bench::VacancyGenerator), time one full push, and print total and per record.
/// Wire it to a `--push` option.
void benchPushQueuedCreates(int /*records*/)
{
    std::printf("\npush of queued creates: not measured yet (TODO(bench push) in "
                "bench/bench_store.cpp: the sync engine has not landed)\n");
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
    parser.addOptions({ rowsOption, repsOption, cpuOption, fileOption, plansOption });
    parser.process(app);
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
        benchPushQueuedCreates(10'000);
        db.close();
    }
    QSqlDatabase::removeDatabase(QLatin1String(connectionName));
    return 0;
}
