#include "server/accounts/persons.hpp"

#include "server/storage/sql.hpp"

namespace server::accounts {
namespace {

const QString columns = QStringLiteral(
    "SELECT id, id_number, name, agency_code, active, account, email, phone, password_hash "
    "FROM persons ");

std::optional<Person> first(QSqlQuery query)
{
    if (!query.next())
        return std::nullopt;
    Person person;
    person.id = query.value(0).toLongLong();
    person.idNumber = query.value(1).toString();
    person.name = query.value(2).toString();
    person.agencyCode = query.value(3).toString();
    person.active = query.value(4).toInt() != 0;
    person.account = query.value(5).toString();
    person.email = query.value(6).toString();
    person.phone = query.value(7).toString();
    person.passwordHash = query.value(8).toString();
    return person;
}

} // namespace

std::optional<Person> findPersonById(const ServiceContext& context, qint64 id)
{
    return first(
        storage::run(context.db, columns + QStringLiteral("WHERE id = :id"), { { "id", id } }));
}

std::optional<Person> findPersonByLogin(const ServiceContext& context, const QString& identifier)
{
    const QString trimmed = identifier.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    return first(storage::run(context.db,
        columns + QStringLiteral("WHERE account_key = :a OR id_number = :n"),
        { { "a", trimmed.toLower() }, { "n", trimmed.toUpper() } }));
}

QJsonObject agencyJson(const ServiceContext& context, const QString& agencyCode)
{
    QSqlQuery row = storage::run(context.db,
        QStringLiteral("SELECT code, name, address, phone, email_domain FROM agencies "
                       "WHERE code = :c"),
        { { "c", agencyCode } });
    if (!row.next())
        return {};
    return QJsonObject {
        { "code", row.value(0).toString() },
        { "name", row.value(1).toString() },
        { "address", row.value(2).toString() },
        { "phone", row.value(3).toString() },
        { "emailDomain", row.value(4).toString() },
    };
}

QJsonObject accountJson(const ServiceContext& context, const Person& person)
{
    return QJsonObject {
        { "account", person.account },
        { "name", person.name },
        { "email", person.email },
        { "phone", person.phone },
        { "agency", agencyJson(context, person.agencyCode) },
        { "accountSetupRequired", person.account.isEmpty() },
    };
}

} // namespace server::accounts
