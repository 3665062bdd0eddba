#include "core/store/vacancy_list.hpp"

#include "core/store/store_types.hpp"
#include "domain/enum_names.hpp"
#include "store/list_index_schema.hpp"
#include "store/vacancy_list_sql.hpp"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <algorithm>
#include <limits>

namespace core::store {

namespace {

constexpr int maxPageSize = 1000;
// The trigram tokenizer indexes every run of 3 characters: a shorter word has no trigram to
// look up and matches nothing through MATCH, so such words go through LIKE instead.
constexpr qsizetype minIndexedLength = 3;

QString orderExpression(ListQuery::SortColumn column)
{
    using Column = ListQuery::SortColumn;
    switch (column) {
    case Column::Title:
        return QStringLiteral("title");
    case Column::Agency:
        return QStringLiteral("agency_name");
    case Column::Status:
        return QLatin1String(detail::statusOrderExpression);
    case Column::ValidFrom:
        return QStringLiteral("valid_from");
    case Column::ValidTo:
        return QStringLiteral("valid_to");
    case Column::Openings:
        return QStringLiteral("openings");
    case Column::ServerId:
        return QStringLiteral("server_id");
    case Column::UpdatedAt:
        break;
    }
    return QStringLiteral("updated_at");
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

/// LIKE's wildcards (and its escape character) taken literally: ESCAPE '\'.
QString likePattern(const QString& word)
{
    QString escaped;
    escaped.reserve(word.size() + 2);
    for (const QChar c : word) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped += u'\\';
        escaped += c;
    }
    return u'%' + escaped + u'%';
}

/// An FTS5 string: the word as one quoted phrase ("" for a quote inside), so AND, OR, NOT, NEAR,
/// *, ^, column filters and parentheses in user text are just characters to find.
QString ftsPhrase(const QString& word)
{
    QString quoted = word;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

RecordState stateFromName(const QString& name)
{
    if (name == u"draft")
        return RecordState::Draft;
    if (name == u"pending")
        return RecordState::Pending;
    if (name == u"synced")
        return RecordState::Synced;
    if (name == u"conflict")
        return RecordState::Conflict;
    if (name == u"rejected")
        return RecordState::Rejected;
    throw StoreError("vacancy list: unknown record state '" + name.toStdString() + "'");
}

[[noreturn]] void fail(const QSqlQuery& query, const char* doing)
{
    throw StoreError(
        std::string("vacancy list: ") + doing + ": " + query.lastError().text().toStdString());
}

QSqlQuery execute(const QSqlDatabase& db, const QString& sql, const QVariantList& values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        fail(query, "prepare");
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        fail(query, "execute");
    return query;
}

/// The read transaction around COUNT and page, so both see the same snapshot while another
/// connection writes. A savepoint: inside a caller's transaction it simply nests.
class ReadTransaction {
public:
    explicit ReadTransaction(const QSqlDatabase& db)
        : db_(db)
    {
        execute(db_, QLatin1String(detail::listBegin), {});
    }
    ~ReadTransaction()
    {
        QSqlQuery release(db_);
        release.exec(QLatin1String(detail::listEnd)); // read only: nothing to lose
    }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    const QSqlDatabase& db_;
};

} // namespace

namespace detail {

namespace {

/// Where the list's WHERE clause comes from. The search is kept apart: it takes different
/// shapes in the COUNT and in the page (see pageSql).
struct Conditions {
    QStringList filters; // AND-ed, no search
    QVariantList filterValues;
    QStringList likeWords; // LIKE patterns, each to be found in one of the three columns
    QString ftsQuery; // one FTS5 query string, or empty
};

Conditions conditionsOf(const ListQuery& query, bool searchIndex)
{
    Conditions c;
    if (!query.includeDeleted)
        c.filters << QStringLiteral("deleted = 0");
    if (!query.statuses.isEmpty()) {
        const QString marks = placeholders(query.statuses.size());
        c.filters << QStringLiteral("(state IN (%1) OR server_status IN (%1))").arg(marks);
        for (int pass = 0; pass < 2; ++pass) {
            for (const QString& status : query.statuses)
                c.filterValues << status;
        }
    }
    switch (query.scope) {
    case ListQuery::Scope::All:
        break;
    case ListQuery::Scope::Current:
        c.filters << QStringLiteral(
            "(server_status IS NULL OR server_status NOT IN ('ended', 'withdrawn'))");
        break;
    case ListQuery::Scope::History:
        c.filters << QStringLiteral("server_status IN ('ended', 'withdrawn')");
        break;
    }
    const QString serverId = query.serverId.trimmed();
    if (!serverId.isEmpty()) {
        c.filters << QStringLiteral("server_id = ?");
        c.filterValues << serverId;
    }

    // simplified() also folds the ideographic space (U+3000) a Chinese keyboard types.
    QStringList phrases;
    for (const QString& word : query.search.simplified().split(u' ', Qt::SkipEmptyParts)) {
        // Characters, not UTF-16 units: a CJK Extension B character is one trigram unit.
        if (searchIndex && word.toUcs4().size() >= minIndexedLength)
            phrases << ftsPhrase(word);
        else
            c.likeWords << likePattern(word); // too short for a trigram, or no FTS5 here
    }
    // Phrases side by side: FTS5's implicit AND. One bound string, never SQL text.
    c.ftsQuery = phrases.join(u' ');
    return c;
}

/// All LIKE words, each over the same three columns the FTS index covers.
void addLikes(const Conditions& c, QStringList& where, QVariantList& values)
{
    for (const QString& pattern : c.likeWords) {
        where << QStringLiteral("(title LIKE ? ESCAPE '\\' OR agency_name LIKE ? ESCAPE '\\'"
                                " OR search_body LIKE ? ESCAPE '\\')");
        values << pattern << pattern << pattern;
    }
}

QString whereClause(const QStringList& where)
{
    return where.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}

const QString ftsRowids
    = QStringLiteral("rowid IN (SELECT rowid FROM vacancies_fts WHERE vacancies_fts MATCH ?)");

} // namespace

SqlStatement countSql(const ListQuery& query, bool searchIndex)
{
    const Conditions c = conditionsOf(query, searchIndex);
    QStringList where = c.filters;
    SqlStatement statement { {}, c.filterValues };
    // LIKE words here scan vacancies_by_text, which holds the filter columns too: the COUNT
    // never reads the table. FTS matches are looked up by rowid.
    addLikes(c, where, statement.values);
    if (!c.ftsQuery.isEmpty()) {
        where << ftsRowids;
        statement.values << c.ftsQuery;
    }
    statement.sql = QStringLiteral("SELECT count(*) FROM vacancies") + whereClause(where);
    return statement;
}

SqlStatement pageSql(const ListQuery& query, bool searchIndex, qint64 total)
{
    const Conditions c = conditionsOf(query, searchIndex);
    QStringList where = c.filters;
    SqlStatement statement { {}, c.filterValues };
    if (total <= denseSearch) {
        // Few matches: read exactly those rows by rowid and sort them. The FTS matches give the
        // rowids, LIKE words then only test those rows; without FTS words the LIKE words find
        // their rowids in a scan of vacancies_by_text, not of the table.
        if (!c.ftsQuery.isEmpty()) {
            where << ftsRowids;
            statement.values << c.ftsQuery;
            addLikes(c, where, statement.values);
        } else if (!c.likeWords.isEmpty()) {
            QStringList likes;
            addLikes(c, likes, statement.values);
            where << QStringLiteral("rowid IN (SELECT rowid FROM vacancies%1)")
                         .arg(whereClause(likes));
        }
    } else {
        // Many: walk the sort column's index in order and stop at the page's last row. The FTS
        // matches become a set each index entry is probed against (the unary + keeps SQLite
        // from looking them up by rowid instead); LIKE is tested on the rows that pass the rest.
        if (!c.ftsQuery.isEmpty()) {
            where << u'+' + ftsRowids;
            statement.values << c.ftsQuery;
        }
        addLikes(c, where, statement.values);
    }
    const QString direction = query.ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    statement.sql = QStringLiteral("SELECT local_id, server_id, title, agency_name, person_kind,"
                                   " state, server_status, valid_from, valid_to, openings,"
                                   " updated_at, deleted, server_deleted,"
                                   " server_rejection_reason FROM vacancies")
        + whereClause(where)
        + QStringLiteral(" ORDER BY %1 %2, local_id %2 LIMIT ? OFFSET ?")
              .arg(orderExpression(query.sort), direction);
    return statement;
}

} // namespace detail

ListPage queryVacancies(const QSqlDatabase& db, const ListQuery& query)
{
    ListPage result;
    result.pageSize = std::clamp(query.pageSize, 1, maxPageSize);

    const ReadTransaction transaction(db);
    const bool searchIndex = !query.search.trimmed().isEmpty() && detail::hasSearchIndex(db);

    const detail::SqlStatement countSql = detail::countSql(query, searchIndex);
    QSqlQuery count = execute(db, countSql.sql, countSql.values);
    if (!count.next())
        fail(count, "count");
    const qint64 total = count.value(0).toLongLong();
    result.total = static_cast<int>(std::min<qint64>(total, std::numeric_limits<int>::max()));
    count.finish();
    if (total == 0)
        return result; // page 1 of nothing

    const qint64 lastPage = (total + result.pageSize - 1) / result.pageSize;
    result.page = static_cast<int>(std::clamp<qint64>(query.page, 1, lastPage));
    detail::SqlStatement pageSql = detail::pageSql(query, searchIndex, total);
    pageSql.values << result.pageSize << static_cast<qint64>(result.page - 1) * result.pageSize;
    QSqlQuery page = execute(db, pageSql.sql, pageSql.values);
    while (page.next()) {
        ListRow row;
        row.localId = page.value(0).toString();
        row.serverId = page.value(1).toString();
        row.title = page.value(2).toString();
        row.agencyName = page.value(3).toString();
        row.personKind = page.value(4).toString();
        row.state = stateFromName(page.value(5).toString());
        if (!page.value(6).isNull()) {
            row.serverStatus = domain::detail::statusFromName(page.value(6).toString());
            if (!row.serverStatus)
                throw StoreError("vacancy list: unknown server status '"
                    + page.value(6).toString().toStdString() + "'");
        }
        row.validFrom = QDate::fromString(page.value(7).toString(), Qt::ISODate);
        row.validTo = QDate::fromString(page.value(8).toString(), Qt::ISODate);
        row.openings = page.value(9).toInt();
        row.updatedAt = QDateTime::fromMSecsSinceEpoch(page.value(10).toLongLong(), Qt::UTC);
        row.deleted = page.value(11).toInt() != 0;
        row.serverDeleted = page.value(12).toInt() != 0;
        row.serverRejectionReason = page.value(13).toString();
        result.rows << row;
    }
    if (page.lastError().isValid())
        fail(page, "read");
    return result;
}

} // namespace core::store
