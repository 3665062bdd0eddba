#include "server/vacancies/vacancy_store.hpp"

#include "core/domain/domain_json_error.hpp"
#include "core/domain/vacancy_json.hpp"
#include "server/agencies/agency_scope.hpp"
#include "server/storage/sql.hpp"

#include <QJsonDocument>
#include <QSqlQuery>
#include <stdexcept>

namespace server::vacancies {

using storage::run;

namespace {

const QString columns = QStringLiteral(
    "vacancy_id, agency_code, body, etag, change_seq, state, rejection_reason, created_at, "
    "updated_at");

/// The body column: the clerk's data, with only the id and agency of the server's members.
QString bodyText(const StoredVacancy& row)
{
    core::domain::Vacancy v = row.vacancy;
    v.vacancyId = row.vacancyId;
    v.agencyCode = row.agencyCode;
    v.status.reset();
    v.createdOn = v.updatedOn = v.publishedOn = QDate();
    return QString::fromUtf8(QJsonDocument(core::domain::toJson(v)).toJson(QJsonDocument::Compact));
}

StoredVacancy fromRow(const QSqlQuery& query)
{
    StoredVacancy row;
    row.vacancyId = query.value(0).toString();
    row.agencyCode = query.value(1).toString();
    try {
        row.vacancy = core::domain::vacancyFromJson(
            QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object());
    } catch (const core::domain::DomainJsonError& error) {
        throw std::runtime_error(
            "stored vacancy " + row.vacancyId.toStdString() + " does not parse: " + error.what());
    }
    row.etag = query.value(3).toString();
    row.changeSeq = query.value(4).toLongLong();
    const std::optional<StoredState> state = stateFromName(query.value(5).toString());
    if (!state)
        throw std::runtime_error(
            "stored vacancy " + row.vacancyId.toStdString() + " has an unknown state");
    row.state = *state;
    row.rejectionReason = query.value(6).toString();
    row.createdAt = query.value(7).toLongLong();
    row.updatedAt = query.value(8).toLongLong();
    return row;
}

QList<StoredVacancy> allRows(QSqlQuery query)
{
    QList<StoredVacancy> rows;
    while (query.next())
        rows.append(fromRow(query));
    return rows;
}

QVariant nullableText(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

/// "vacancy-YYYMM" for the counter of a month; the same prefix starts the ids.
QString monthPrefix(const QDate& date)
{
    return QStringLiteral("%1%2")
        .arg(date.year() - 1911, 3, 10, QLatin1Char('0'))
        .arg(date.month(), 2, 10, QLatin1Char('0'));
}

QString escapeLike(const QString& text)
{
    QString escaped;
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

} // namespace

std::optional<StoredVacancy> findVacancy(
    const QSqlDatabase& db, const QStringList& agencyCodes, const QString& vacancyId)
{
    QVariantMap binds { { "id", vacancyId } };
    QSqlQuery query = run(db,
        QStringLiteral("SELECT ") + columns
            + QStringLiteral(" FROM vacancies WHERE vacancy_id = :id AND ")
            + agencies::inScope(QStringLiteral("agency_code"), agencyCodes, binds),
        binds);
    if (!query.next())
        return std::nullopt;
    return fromRow(query);
}

std::optional<StoredVacancy> findVacancy(
    const QSqlDatabase& db, const QString& agencyCode, const QString& vacancyId)
{
    return findVacancy(db, QStringList { agencyCode }, vacancyId);
}

bool vacancyIdTaken(const QSqlDatabase& db, const QString& vacancyId)
{
    return storage::scalar(db, QStringLiteral("SELECT 1 FROM vacancies WHERE vacancy_id = :id"),
        { { "id", vacancyId } })
        .isValid();
}

ListPage listVacancies(const QSqlDatabase& db, const QStringList& agencyCodes,
    const ListFilter& filter, const QDate& today)
{
    // Constant fragments only; every value the caller chose is a bound parameter.
    QVariantMap binds { { "today", today.toString(Qt::ISODate) } };
    QString where = QStringLiteral(" FROM vacancies WHERE ")
        + agencies::inScope(QStringLiteral("agency_code"), agencyCodes, binds)
        + QStringLiteral(" AND ");
    where += filter.scope == ListScope::Current
        ? QStringLiteral("(state = 'rejected' OR (state = 'active' AND valid_to >= :today))")
        : QStringLiteral("(state = 'withdrawn' OR (state = 'active' AND valid_to < :today))");
    if (!filter.vacancyId.isEmpty()) {
        where += QStringLiteral(" AND vacancy_id = :id");
        binds.insert("id", filter.vacancyId);
    }
    if (!filter.text.isEmpty()) {
        where += QStringLiteral(" AND LOWER(search_text) LIKE :q ESCAPE '\\'");
        binds.insert("q", u'%' + escapeLike(filter.text.toLower()) + u'%');
    }
    ListPage page;
    page.total = storage::scalar(db, QStringLiteral("SELECT COUNT(*)") + where, binds).toLongLong();
    QVariantMap pageBinds = binds;
    pageBinds.insert("limit", filter.pageSize);
    pageBinds.insert("offset", qint64(filter.page - 1) * filter.pageSize);
    page.items = allRows(run(db,
        QStringLiteral("SELECT ") + columns + where
            + QStringLiteral(" ORDER BY vacancy_id DESC LIMIT :limit OFFSET :offset"),
        pageBinds));
    return page;
}

QString nextVacancyId(const QSqlDatabase& db, const QDate& createdOn)
{
    const QString prefix = monthPrefix(createdOn);
    for (;;) {
        const qint64 number = storage::nextCounter(db, QStringLiteral("vacancy-") + prefix);
        if (number > 99999)
            throw std::runtime_error("the month's 職缺編號 sequence is exhausted");
        const QString id = prefix + QStringLiteral("%1").arg(number, 5, 10, QLatin1Char('0'));
        if (!vacancyIdTaken(db, id))
            return id;
    }
}

void reserveVacancyId(const QSqlDatabase& db, const QString& vacancyId)
{
    const QString counter = QStringLiteral("vacancy-") + vacancyId.left(5);
    const qint64 number = vacancyId.mid(5).toLongLong();
    run(db,
        QStringLiteral("INSERT INTO counters (name, value) VALUES (:n, 0) "
                       "ON CONFLICT (name) DO NOTHING"),
        { { "n", counter } });
    run(db, QStringLiteral("UPDATE counters SET value = :v WHERE name = :n AND value < :w"),
        { { "n", counter }, { "v", number }, { "w", number } });
}

qint64 takeChangeSeq(const QSqlDatabase& db)
{
    // Serialising the writers, rather than letting the feed hide numbers above the oldest one in
    // flight, keeps the reader a plain indexed range scan and needs no list of open writes; the
    // price is that vacancy writes of all instances queue for this one row from here to commit
    // (a few statements: callers take the number last).
    return storage::nextCounter(db, QStringLiteral("change"));
}

void insertVacancy(const QSqlDatabase& db, StoredVacancy& row)
{
    row.changeSeq = takeChangeSeq(db);
    row.etag = etagFor(row.changeSeq);
    row.updatedAt = row.createdAt;
    run(db,
        QStringLiteral(
            "INSERT INTO vacancies (vacancy_id, agency_code, body, etag, change_seq, state, "
            "rejection_reason, valid_from, valid_to, search_text, created_at, updated_at) "
            "VALUES (:id, :a, :body, :etag, :seq, :state, :reason, :from, :to, :search, "
            ":created, :updated)"),
        { { "id", row.vacancyId }, { "a", row.agencyCode }, { "body", bodyText(row) },
            { "etag", row.etag }, { "seq", row.changeSeq }, { "state", stateName(row.state) },
            { "reason", nullableText(row.rejectionReason) },
            { "from", row.vacancy.validFrom.toString(Qt::ISODate) },
            { "to", row.vacancy.validTo.toString(Qt::ISODate) },
            { "search", searchTextFor(row.vacancy, row.vacancyId) }, { "created", row.createdAt },
            { "updated", row.updatedAt } });
}

bool updateVacancy(const QSqlDatabase& db, StoredVacancy& row, const QString& expectedEtag)
{
    const qint64 seq = takeChangeSeq(db);
    const qint64 now = storage::nowMillis();
    const QSqlQuery query = run(db,
        QStringLiteral("UPDATE vacancies SET body = :body, etag = :etag, change_seq = :seq, "
                       "state = :state, rejection_reason = :reason, valid_from = :from, "
                       "valid_to = :to, search_text = :search, updated_at = :updated "
                       "WHERE vacancy_id = :id AND agency_code = :a AND etag = :expected"),
        { { "body", bodyText(row) }, { "etag", etagFor(seq) }, { "seq", seq },
            { "state", stateName(row.state) }, { "reason", nullableText(row.rejectionReason) },
            { "from", row.vacancy.validFrom.toString(Qt::ISODate) },
            { "to", row.vacancy.validTo.toString(Qt::ISODate) },
            { "search", searchTextFor(row.vacancy, row.vacancyId) }, { "updated", now },
            { "id", row.vacancyId }, { "a", row.agencyCode }, { "expected", expectedEtag } });
    if (query.numRowsAffected() != 1)
        return false;
    row.changeSeq = seq;
    row.etag = etagFor(seq);
    row.updatedAt = now;
    return true;
}

QList<StoredVacancy> vacanciesChangedAfter(
    const QSqlDatabase& db, const QStringList& agencyCodes, qint64 afterSeq, int limit)
{
    QVariantMap binds { { "after", afterSeq }, { "limit", limit } };
    // The change numbers are global, so one cursor serves the agency and its units together.
    return allRows(run(db,
        QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM vacancies WHERE ")
            + agencies::inScope(QStringLiteral("agency_code"), agencyCodes, binds)
            + QStringLiteral(" AND change_seq > :after ORDER BY change_seq LIMIT :limit"),
        binds));
}

} // namespace server::vacancies
