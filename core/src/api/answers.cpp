#include "answers.hpp"

#include "core/domain/domain_json_error.hpp"
#include "core/domain/vacancy_json.hpp"
#include "json_shapes.hpp"

#include <QJsonArray>

namespace core::api::detail {

namespace {

QString indexed(const char* list, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(QLatin1String(list)).arg(index);
}

QJsonObject objectAt(const QJsonArray& array, qsizetype index, const char* list)
{
    const QJsonValue value = array.at(index);
    if (!value.isObject())
        throw ShapeError(QStringLiteral("`%1` is not an object").arg(indexed(list, index)));
    return value.toObject();
}

/// Runs `read`, prefixing a ShapeError with where it happened.
template <typename Read> auto within(const QString& where, Read read)
{
    try {
        return read();
    } catch (const ShapeError& error) {
        throw ShapeError(where + QStringLiteral(": ") + QString::fromStdString(error.what()));
    }
}

} // namespace

Challenge challengeFrom(const QJsonObject& body)
{
    return Challenge { requiredText(body, QStringLiteral("nonce")),
        requiredTime(body, QStringLiteral("expiresAt")) };
}

LoginOutcome loginOutcomeFrom(const QJsonObject& body, bool activationAllowed)
{
    LoginOutcome outcome;
    if (activationAllowed && body.contains(QLatin1String("activationRequired"))) {
        if (!requiredBool(body, QStringLiteral("activationRequired")))
            throw ShapeError(QStringLiteral("`activationRequired` is false"));
        outcome.activationRequired = true;
        outcome.activationTicket = requiredText(body, QStringLiteral("activationTicket"));
        outcome.activationExpiresAt = requiredTime(body, QStringLiteral("expiresAt"));
        return outcome;
    }
    const QJsonObject session = requiredObject(body, QStringLiteral("session"));
    within(QStringLiteral("session"), [&] {
        outcome.session.token = requiredText(session, QStringLiteral("token"));
        outcome.session.expiresAt = requiredTime(session, QStringLiteral("expiresAt"));
        outcome.session.idleTimeoutSeconds
            = requiredInt(session, QStringLiteral("idleTimeoutSeconds"));
        return 0;
    });
    if (!isSendableTag(outcome.session.token))
        throw ShapeError(QStringLiteral("`session.token` holds characters a header cannot carry"));
    outcome.account = within(
        QStringLiteral("account"), [&] { return accountFrom(requiredObject(body, "account")); });
    const QString assurance = requiredString(body, QStringLiteral("assurance"));
    if (assurance == QLatin1String("certificate"))
        outcome.assurance = Assurance::Certificate;
    else if (assurance == QLatin1String("password"))
        outcome.assurance = Assurance::Password;
    else
        throw ShapeError(QStringLiteral("`assurance` is neither certificate nor password"));
    outcome.accountSetupRequired = requiredBool(body, QStringLiteral("accountSetupRequired"));
    return outcome;
}

QJsonObject accountFrom(const QJsonObject& body)
{
    requiredBool(body, QStringLiteral("accountSetupRequired"));
    requiredObject(body, QStringLiteral("agency"));
    return body;
}

VacancyRecord vacancyRecordFrom(QJsonObject body)
{
    VacancyRecord record;
    record.etag = requiredText(body, QStringLiteral("etag"));
    if (!isSendableTag(record.etag))
        throw ShapeError(QStringLiteral("`etag` holds characters a header cannot carry"));
    body.remove(QStringLiteral("etag"));
    if (body.contains(QLatin1String("rejectionReason"))) {
        record.rejectionReason = requiredString(body, QStringLiteral("rejectionReason"));
        body.remove(QStringLiteral("rejectionReason"));
    }
    try {
        record.vacancy = core::domain::vacancyFromJson(body);
    } catch (const core::domain::DomainJsonError& error) {
        throw ShapeError(QStringLiteral("not a vacancy record: %1").arg(error.what()));
    }
    if (record.vacancy.vacancyId.isEmpty())
        throw ShapeError(QStringLiteral("`vacancyId` is missing or empty"));
    if (!record.vacancy.status)
        throw ShapeError(QStringLiteral("`status` is missing"));
    return record;
}

VacancyPage vacancyPageFrom(const QJsonObject& body)
{
    VacancyPage page;
    const QJsonArray items = requiredArray(body, QStringLiteral("items"));
    for (qsizetype i = 0; i < items.size(); ++i)
        page.items.append(within(
            indexed("items", i), [&] { return vacancyRecordFrom(objectAt(items, i, "items")); }));
    page.page = requiredInt(body, QStringLiteral("page"));
    page.pageSize = requiredInt(body, QStringLiteral("pageSize"));
    page.total = requiredInt(body, QStringLiteral("total"));
    if (page.total < 0 || page.page < 1 || page.pageSize < 1)
        throw ShapeError(QStringLiteral("`page`, `pageSize` or `total` is out of range"));
    return page;
}

ChangePage changePageFrom(const QJsonObject& body)
{
    ChangePage page;
    const QJsonArray changes = requiredArray(body, QStringLiteral("changes"));
    for (qsizetype i = 0; i < changes.size(); ++i) {
        page.entries.append(within(indexed("changes", i), [&] {
            const QJsonObject change = objectAt(changes, i, "changes");
            ChangeEntry entry;
            entry.id = requiredText(change, QStringLiteral("id"));
            entry.etag = requiredText(change, QStringLiteral("etag"));
            entry.deleted = requiredBool(change, QStringLiteral("deleted"));
            if (!change.contains(QLatin1String("vacancy")))
                throw ShapeError(QStringLiteral("`vacancy` is missing"));
            const QJsonValue vacancy = change.value(QLatin1String("vacancy"));
            if (vacancy.isObject()) {
                entry.vacancy = within(QStringLiteral("vacancy"),
                    [&] { return vacancyRecordFrom(vacancy.toObject()); });
                if (entry.vacancy->vacancy.vacancyId != entry.id)
                    throw ShapeError(QStringLiteral("`vacancy.vacancyId` is not `id`"));
            } else if (!vacancy.isNull()) {
                throw ShapeError(QStringLiteral("`vacancy` is neither a record nor null"));
            } else if (!entry.deleted) {
                throw ShapeError(QStringLiteral("`vacancy` is null but `deleted` is false"));
            }
            return entry;
        }));
    }
    page.cursor = requiredString(body, QStringLiteral("cursor"));
    page.hasMore = requiredBool(body, QStringLiteral("hasMore"));
    return page;
}

Health healthFrom(const QJsonObject& body)
{
    Health health;
    health.status = requiredText(body, QStringLiteral("status"));
    health.database = requiredText(body, QStringLiteral("database"));
    health.ok = health.status == QLatin1String("ok");
    return health;
}

} // namespace core::api::detail
