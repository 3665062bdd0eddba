// bench-store's list benchmark: the list view's queries over a local store of N vacancies, each
// timed through our API (core::store::queryVacancies on QtSql) and, in the same run, as the very
// same SQL on the sqlite3 C API, so the ratio is our overhead.
#include "bench_list.hpp"

#include "bench_common.hpp"
#include "core/domain/vacancy_json.hpp"
#include "core/store/local_store.hpp"
#include "core/store/vacancy_list.hpp"
#include "domain/enum_names.hpp"
#include "store/list_index_schema.hpp"
#include "store/vacancy_list_sql.hpp"
#include "vacancy_generator.hpp"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <sqlite3.h>
#include <string>
#include <variant>
#include <vector>

namespace bench {

namespace {

using core::store::ListQuery;
using Sort = ListQuery::SortColumn;
namespace detail = core::store::detail;

constexpr auto connectionName = "bench-store";
constexpr std::uint64_t seed = 20261128;

QSqlQuery exec(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        die(sql + QStringLiteral(": ") + query.lastError().text());
    return query;
}

// --- The store file ------------------------------------------------------------------------

QVariant textOrNull(const QString& value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

QVariant text(const QString& value) // QtSql binds a null QString as NULL
{
    return value.isEmpty() ? QVariant(QStringLiteral("")) : QVariant(value);
}

/// Fills the store's table with `rows` generated vacancies in one transaction, through QtSql as
/// the store writes. Returns seconds taken.
double fill(const QSqlDatabase& db, int rows)
{
    QSqlDatabase writable = db;
    if (!writable.transaction())
        die(QStringLiteral("begin"));

    const auto started = Clock::now();
    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral(
            "INSERT INTO vacancies(local_id, server_id, etag, base_json, data_json, state, deleted,"
            " server_deleted, updated_at, title, agency_name, person_kind, server_status,"
            " valid_from, valid_to, openings, search_body)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        die(insert.lastError().text());
    VacancyGenerator generator(seed);
    for (int i = 0; i < rows; ++i) {
        const GeneratedVacancy g = generator.next();
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

} // namespace

void benchList(const ListOptions& options)
{
    cpuTime = options.cpuTime;
    QTemporaryDir tmp;
    QString file = options.file;
    if (file.isEmpty())
        file = tmp.filePath(QStringLiteral("local.sqlite"));
    else if (QFile::exists(file))
        die(file + QStringLiteral(" exists; give a new path"));
    // The store makes the file: its mode, its pragmas and every migration step (the tables and
    // the list's indexes), exactly as the application opens it.
    {
        core::store::LocalStore store(file);
    }

    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QLatin1String(connectionName));
        db.setDatabaseName(file);
        if (!db.open())
            die(db.lastError().text());
        // As LocalStore opens its file (it has made it, so the mode is WAL already).
        exec(db, QStringLiteral("PRAGMA synchronous=FULL"));
        exec(db, QStringLiteral("PRAGMA foreign_keys=ON"));

        QSqlQuery version = exec(db, QStringLiteral("SELECT sqlite_version()"));
        version.next();
        const QString qtSqlite = version.value(0).toString();
        std::printf("SQLite under QtSql %s, sqlite3 C API %s; FTS5 trigram index: ",
            qPrintable(qtSqlite), sqlite3_libversion());

        const double seconds = fill(db, options.rows);
        std::printf("%s\n", detail::hasSearchIndex(db) ? "yes" : "no (LIKE only)");
        exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        std::printf("filled %d vacancies in %.1f s (%.0f rows/s: one transaction through QtSql, "
                    "FTS triggers firing); file %.0f MiB\n",
            options.rows, seconds, options.rows / seconds,
            static_cast<double>(QFileInfo(file).size()) / (1024.0 * 1024.0));
        std::printf("load average before timing: %s\n", qPrintable(loadAverage()));

        sqlite3* raw = nullptr;
        if (sqlite3_open_v2(file.toUtf8().constData(), &raw, SQLITE_OPEN_READWRITE, nullptr)
            != SQLITE_OK)
            die(QStringLiteral("sqlite3_open_v2 failed"));

        std::printf("\n%d timed repetitions per query and side (after 3 warm-ups), API and raw "
                    "alternating; milliseconds of %s\n\n",
            options.reps, cpuTime ? "thread CPU time" : "wall-clock time");
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
            for (int i = 0; i < 3 + options.reps; ++i) {
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
            if (options.plans) {
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
}

} // namespace bench
