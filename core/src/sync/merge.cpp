#include "core/sync/merge.hpp"

#include "core/domain/vacancy_json.hpp"

#include <QJsonObject>
#include <QJsonValue>

namespace core::sync {

namespace {

/// Every key toJson() can write: a Vacancy with every optional member set.
QStringList allKeys()
{
    domain::Vacancy full;
    full.validFrom = full.validTo = QDate(2000, 1, 1);
    full.status = domain::VacancyStatus::Published;
    full.createdOn = full.updatedOn = full.publishedOn = QDate(2000, 1, 1);
    return domain::toJson(full).keys();
}

} // namespace

QStringList mergeKeys()
{
    static const QStringList keys = allKeys();
    return keys;
}

QStringList serverAssignedKeys()
{
    return { QStringLiteral("vacancyId"), QStringLiteral("status"), QStringLiteral("createdOn"),
        QStringLiteral("updatedOn"), QStringLiteral("publishedOn") };
}

MergeResult merge(
    const domain::Vacancy& base, const domain::Vacancy& mine, const domain::Vacancy& server)
{
    const QJsonObject b = domain::toJson(base);
    const QJsonObject m = domain::toJson(mine);
    const QJsonObject s = domain::toJson(server);
    const QStringList serverOnly = serverAssignedKeys();
    MergeResult result;
    QHash<QString, Side> mineForNow;
    for (const QString& key : mergeKeys()) {
        // An absent key (an unset date, no status) is a value of its own.
        const QJsonValue bv = b.value(key), mv = m.value(key), sv = s.value(key);
        if (!serverOnly.contains(key) && mv != bv && sv != bv && mv != sv) {
            result.conflicts << key;
            mineForNow.insert(key, Side::Mine);
        }
    }
    result.merged = resolve(base, mine, server, mineForNow);
    return result;
}

domain::Vacancy resolve(const domain::Vacancy& base, const domain::Vacancy& mine,
    const domain::Vacancy& server, const QHash<QString, Side>& choices)
{
    const QJsonObject b = domain::toJson(base);
    const QJsonObject m = domain::toJson(mine);
    const QJsonObject s = domain::toJson(server);
    const QStringList serverOnly = serverAssignedKeys();
    QJsonObject merged;
    for (const QString& key : mergeKeys()) {
        const QJsonValue bv = b.value(key), mv = m.value(key), sv = s.value(key);
        QJsonValue value;
        if (serverOnly.contains(key) || mv == bv || mv == sv)
            value = sv; // only the server changed it, or nobody did, or both alike
        else if (sv == bv)
            value = mv; // only mine changed it
        else
            value = choices.value(key, Side::Server) == Side::Mine ? mv : sv;
        if (!value.isUndefined())
            merged.insert(key, value);
    }
    return domain::vacancyFromJson(merged);
}

bool sameContent(const domain::Vacancy& a, const domain::Vacancy& b)
{
    QJsonObject x = domain::toJson(a);
    QJsonObject y = domain::toJson(b);
    for (const QString& key : serverAssignedKeys()) {
        x.remove(key);
        y.remove(key);
    }
    return x == y;
}

} // namespace core::sync
