#pragma once

#include "core/store/vacancy_list.hpp"

#include <QString>
#include <QVariantList>

namespace core::store::detail {

/// One statement with `?` placeholders and the values for them, in order.
struct SqlStatement {
    QString sql;
    QVariantList values;
};

/// The SQL queryVacancies() runs, exposed so the benchmark runs the very same statements on the
/// sqlite3 C API. With `searchIndex` false every search word goes through LIKE.
///
/// The COUNT of the rows `query` matches.
SqlStatement countSql(const ListQuery& query, bool searchIndex);
/// The page's select once the COUNT gave `total` (> 0; at 0 there is no page to read). Its last
/// two placeholders, LIMIT ? OFFSET ?, are the caller's to bind after `values`. A search takes
/// one of two shapes by how many rows it matched (see denseSearch).
SqlStatement pageSql(const ListQuery& query, bool searchIndex, qint64 total);

/// Up to this many matches a search's page reads exactly its matches (by rowid) and sorts them;
/// beyond, it walks the sort column's index in order and stops at the page's last row, which
/// then comes soon. Measured at 100,000 rows (bench-store): an FTS match costs ~2 µs to look up
/// and an index entry ~0.15 µs to probe, a LIKE word ~4 µs per table row tested against ~0.6 µs
/// per entry of its sparse-shape scan; both cross over near a few hundred matches.
inline constexpr qint64 denseSearch = 500;

/// The statements that open and close queryVacancies()' read transaction (a savepoint, so it
/// also nests inside a caller's transaction).
inline constexpr char listBegin[] = "SAVEPOINT vacancy_list";
inline constexpr char listEnd[] = "RELEASE vacancy_list";

} // namespace core::store::detail
