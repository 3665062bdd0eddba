#include "server/vacancies/change_feed.hpp"

#include "server/vacancies/vacancy_record.hpp"
#include "server/vacancies/vacancy_store.hpp"

#include <QJsonArray>
#include <QRegularExpression>

namespace server::vacancies {

namespace {

constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

QString encodeChangeCursor(qint64 changeSeq)
{
    return QString::fromLatin1(("v1:" + QByteArray::number(changeSeq)).toBase64(base64url));
}

std::optional<qint64> decodeChangeCursor(const QString& cursor)
{
    static const QRegularExpression alphabet(QStringLiteral("^[A-Za-z0-9_-]{1,40}$"));
    if (!alphabet.match(cursor).hasMatch())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), base64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    static const QRegularExpression shape(QStringLiteral("^v1:(0|[1-9][0-9]{0,17})$"));
    const QRegularExpressionMatch match = shape.match(QString::fromLatin1(*decoded));
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toLongLong();
}

QJsonObject changeFeedPage(const ServiceContext& context, const QStringList& agencyCodes,
    qint64 afterSeq, int limit, const QDate& today)
{
    // One more than asked for tells whether another page follows.
    const QList<StoredVacancy> rows
        = vacanciesChangedAfter(context.db, agencyCodes, afterSeq, limit + 1);
    const bool hasMore = rows.size() > limit;
    QJsonArray changes;
    qint64 last = afterSeq;
    for (qsizetype i = 0; i < rows.size() && i < limit; ++i) {
        const StoredVacancy& row = rows.at(i);
        const bool gone = row.state == StoredState::Deleted || row.state == StoredState::Withdrawn;
        changes.append(QJsonObject {
            { "id", row.vacancyId },
            { "etag", row.etag },
            { "deleted", gone },
            { "vacancy",
                row.state == StoredState::Deleted ? QJsonValue(QJsonValue::Null)
                                                  : QJsonValue(recordJson(row, today)) },
        });
        last = row.changeSeq;
    }
    return QJsonObject {
        { "changes", changes },
        { "cursor", encodeChangeCursor(last) },
        { "hasMore", hasMore },
    };
}

} // namespace server::vacancies
