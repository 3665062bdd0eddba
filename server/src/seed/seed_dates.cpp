#include "server/seed/seed_dates.hpp"

#include "server/seed/seed_loader.hpp"

#include <QRegularExpression>

namespace server::seed {

std::optional<QDate> seedDate(const QString& text, const QDate& today)
{
    static const QRegularExpression relative(QStringLiteral(R"(^today(?:([+-])(\d{1,4}))?$)"));
    const QRegularExpressionMatch match = relative.match(text);
    if (match.hasMatch()) {
        const qint64 days = match.captured(2).toLongLong();
        return match.captured(1) == QLatin1String("-") ? today.addDays(-days) : today.addDays(days);
    }
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid() || text.size() != 10)
        return std::nullopt;
    return date;
}

namespace {

void resolve(QJsonObject& object, const QString& key, const QDate& today, const QString& where)
{
    if (!object.contains(key) || object.value(key).isNull())
        return;
    const std::optional<QDate> date = seedDate(object.value(key).toString(), today);
    if (!date)
        throw SeedError((where + QStringLiteral(".") + key
            + QStringLiteral(" must be yyyy-MM-dd, today, today+N or today-N"))
                            .toStdString());
    object.insert(key, date->toString(Qt::ISODate));
}

} // namespace

QJsonObject withSeedDates(const QJsonObject& vacancy, const QDate& today, const QString& where)
{
    QJsonObject resolved = vacancy;
    for (const char* key : { "validFrom", "validTo", "createdOn" })
        resolve(resolved, QString::fromLatin1(key), today, where);
    if (resolved.value(QStringLiteral("resumeAccess")).isObject()) {
        QJsonObject access = resolved.value(QStringLiteral("resumeAccess")).toObject();
        for (const char* key : { "trainingFrom", "trainingTo", "rewardsFrom", "rewardsTo" })
            resolve(
                access, QString::fromLatin1(key), today, where + QStringLiteral(".resumeAccess"));
        resolved.insert(QStringLiteral("resumeAccess"), access);
    }
    return resolved;
}

} // namespace server::seed
