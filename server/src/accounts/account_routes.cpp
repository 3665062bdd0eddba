#include "server/accounts/account_routes.hpp"

#include "core/auth/password_policy.hpp"
#include "server/accounts/login_throttle.hpp"
#include "server/accounts/password_gate.hpp"
#include "server/accounts/password_hash.hpp"
#include "server/accounts/persons.hpp"
#include "server/accounts/session_store.hpp"
#include "server/audit/audit_log.hpp"
#include "server/http/api_error.hpp"
#include "server/http/json_body.hpp"
#include "server/storage/sql.hpp"

#include <QDateTime>
#include <QJsonArray>

namespace server::accounts {

using core::auth::accountNameFailures;
using core::auth::isPlausibleEmail;
using core::auth::passwordPolicyFailures;
using http::ApiError;
using http::HttpRequest;
using http::HttpResponse;
using http::JsonFields;

namespace {

constexpr qsizetype maxPasswordLength = 128;

QString isoTime(qint64 millis)
{
    return QDateTime::fromMSecsSinceEpoch(millis, Qt::UTC).toString(Qt::ISODate);
}

QString throttleKey(const std::optional<Person>& person, const QString& identifier)
{
    if (person)
        return QStringLiteral("person:%1").arg(person->id);
    return QStringLiteral("unknown:") + QString::fromLatin1(secretHash(identifier.toLower()));
}

/// Before any scrypt work: the per-client and global limits (PasswordGate).
void gatePasswordWork(const ServiceContext& context, const HttpRequest& request)
{
    if (context.passwordGate)
        context.passwordGate->admit(request);
}

QString personLogName(const Person& person)
{
    return person.account.isEmpty() ? QStringLiteral("person#%1").arg(person.id) : person.account;
}

/// An audit row about `person` (a login names the person it was for: there is no caller yet).
audit::AuditEntry personAudit(const HttpRequest& request, const std::optional<Person>& person,
    const QString& action, const QJsonObject& detail = {})
{
    audit::AuditEntry entry;
    // What was typed for an unknown person is not kept: it may be somebody's ID number.
    entry.actor = person ? personLogName(*person) : QStringLiteral("-");
    entry.agencyCode = person ? person->agencyCode : QString();
    entry.action = action;
    entry.detail = detail;
    entry.remote = audit::remoteAddress(request);
    return entry;
}

HttpResponse checkedPasswordLogin(const ServiceContext& context, const HttpRequest& request,
    const std::optional<Person>& person, const QString& password, const QString& throttleKey)
{
    const LoginThrottle throttle(context, throttleKey);
    throttle.checkAllowed();
    // An unknown name costs the same hash as a known one, so timing does not tell them apart.
    static const QString decoy = hashPassword(QStringLiteral("decoy-password-1!"));
    const bool matches = passwordMatches(
        password, person && !person->passwordHash.isEmpty() ? person->passwordHash : decoy);
    if (!person || person->passwordHash.isEmpty() || !matches) {
        throttle.recordFailure();
        throw ApiError(401, QStringLiteral("credentials-invalid"));
    }
    if (!person->active)
        throw ApiError(403, QStringLiteral("person-inactive"));
    throttle.recordSuccess();
    // A hash made with older, cheaper parameters is replaced while the password is at hand; the
    // row changes only if nobody changed the password meanwhile.
    if (needsRehash(person->passwordHash))
        storage::run(context.db,
            QStringLiteral("UPDATE persons SET password_hash = :new WHERE id = :id "
                           "AND password_hash = :old"),
            { { "new", hashPassword(password) }, { "id", person->id },
                { "old", person->passwordHash } });
    const NewSession session = createSession(context, person->id, person->agencyCode, false);
    HttpResponse response = HttpResponse::json(200,
        QJsonDocument(sessionBody(context, session.token, session.expiresAtMillis,
            accountJson(context, *person), false)));
    response.logAccount = person->account;
    audit::writeAudit(context, personAudit(request, person, QStringLiteral("login.password")));
    return response;
}

HttpResponse passwordLogin(const ServiceContext& context, HttpRequest& request)
{
    const QJsonObject body = http::readJsonObject(request, context.config.limits);
    JsonFields fields(body, { "account", "password" });
    const QString identifier = fields.requiredString("account", context.config.limits.maxShortText);
    QString password = fields.requiredString("password", maxPasswordLength);
    fields.finish();
    gatePasswordWork(context, request);

    const std::optional<Person> person = findPersonByLogin(context, identifier);
    const QString key = throttleKey(person, identifier);
    try {
        HttpResponse response = checkedPasswordLogin(context, request, person, password, key);
        password.fill(u'\0');
        return response;
    } catch (const ApiError& error) {
        password.fill(u'\0');
        try {
            audit::writeAudit(context,
                personAudit(request, person, QStringLiteral("login.password.refused"),
                    QJsonObject { { "error", error.code() } }));
        } catch (const std::exception& auditError) {
            qWarning("audit row of a refused password login not written: %s", auditError.what());
        }
        throw;
    }
}

Person callerPerson(const ServiceContext& context, const http::Principal& caller)
{
    // An agency certificate's session is the agency itself: it has no personal account.
    const std::optional<Person> person
        = caller.personId ? findPersonById(context, caller.personId) : std::nullopt;
    if (!person)
        throw ApiError(404, QStringLiteral("not-found"));
    return *person;
}

void checkNewPassword(const QString& password, const QString& field)
{
    const QStringList failures = passwordPolicyFailures(password);
    if (!failures.isEmpty())
        throw ApiError(422, QStringLiteral("password-policy"), {},
            QJsonObject { { field, QJsonArray::fromStringList(failures) } });
}

const QString accountDataInvalid = QStringLiteral("帳號資料有誤，請依欄位說明修正。");

void checkEmail(const QString& email)
{
    if (!isPlausibleEmail(email))
        throw ApiError(422, QStringLiteral("validation-failed"), accountDataInvalid,
            QJsonObject { { "email", QJsonArray { "email-format" } } });
}

HttpResponse setUpAccount(const ServiceContext& context, HttpRequest& request)
{
    const QJsonObject body = http::readJsonObject(request, context.config.limits);
    JsonFields fields(body, { "account", "email", "phone", "password" });
    const QString account = fields.requiredString("account", 30);
    const QString email = fields.requiredString("email", 254);
    const QString phone = fields.optionalString("phone", 30).value_or(QString());
    QString password = fields.requiredString("password", maxPasswordLength);
    fields.finish();

    Person person = callerPerson(context, request.caller);
    if (!person.account.isEmpty())
        throw ApiError(409, QStringLiteral("account-already-set-up"));
    const QStringList accountFailures = accountNameFailures(account);
    if (!accountFailures.isEmpty())
        throw ApiError(422, QStringLiteral("validation-failed"), accountDataInvalid,
            QJsonObject { { "account", QJsonArray::fromStringList(accountFailures) } });
    checkEmail(email);
    checkNewPassword(password, QStringLiteral("password"));
    if (findPersonByLogin(context, account))
        throw ApiError(409, QStringLiteral("account-taken"));
    gatePasswordWork(context, request);
    const QString hash = hashPassword(password);
    password.fill(u'\0');
    storage::run(context.db,
        QStringLiteral("UPDATE persons SET account = :a, account_key = :k, email = :e, "
                       "phone = :p, password_hash = :h WHERE id = :id AND account IS NULL"),
        { { "a", account }, { "k", account.toLower() }, { "e", email }, { "p", phone },
            { "h", hash }, { "id", person.id } });
    person = callerPerson(context, request.caller);
    audit::writeAudit(
        context, audit::callerEntry(request, QStringLiteral("account.setup"), person.account));
    HttpResponse response = HttpResponse::json(200, QJsonDocument(accountJson(context, person)));
    response.logAccount = person.account;
    return response;
}

HttpResponse changeAccount(const ServiceContext& context, HttpRequest& request)
{
    const QJsonObject body = http::readJsonObject(request, context.config.limits);
    JsonFields fields(body, { "email", "phone", "newPassword", "currentPassword" });
    const std::optional<QString> email = fields.optionalString("email", 254);
    const std::optional<QString> phone = fields.optionalString("phone", 30);
    std::optional<QString> newPassword = fields.optionalString("newPassword", maxPasswordLength);
    std::optional<QString> current = fields.optionalString("currentPassword", maxPasswordLength);
    fields.finish();

    Person person = callerPerson(context, request.caller);
    if (current || newPassword)
        gatePasswordWork(context, request);
    // A card proves the person; a password session proves only the password, so it must be
    // typed again. A current password sent anyway is checked either way.
    if (!request.caller.certificate || current) {
        if (!current)
            throw ApiError(403, QStringLiteral("current-password-required"));
        const LoginThrottle throttle(context, throttleKey(person, {}));
        throttle.checkAllowed();
        if (!passwordMatches(*current, person.passwordHash)) {
            throttle.recordFailure();
            throw ApiError(403, QStringLiteral("current-password-invalid"));
        }
        throttle.recordSuccess();
    }
    if (current)
        current->fill(u'\0');
    if (email)
        checkEmail(*email);
    if (newPassword)
        checkNewPassword(*newPassword, QStringLiteral("newPassword"));
    storage::Transaction transaction(context.db);
    if (email)
        storage::run(context.db, QStringLiteral("UPDATE persons SET email = :e WHERE id = :id"),
            { { "e", *email }, { "id", person.id } });
    if (phone)
        storage::run(context.db, QStringLiteral("UPDATE persons SET phone = :p WHERE id = :id"),
            { { "p", *phone }, { "id", person.id } });
    if (newPassword) {
        storage::run(context.db,
            QStringLiteral("UPDATE persons SET password_hash = :h WHERE id = :id"),
            { { "h", hashPassword(*newPassword) }, { "id", person.id } });
        newPassword->fill(u'\0');
        // Other sessions opened with the old password end with it.
        storage::run(context.db,
            QStringLiteral("DELETE FROM sessions WHERE person_id = :id AND certificate = 0 "
                           "AND token_hash <> :h"),
            { { "id", person.id }, { "h", QString::fromLatin1(request.caller.sessionHash) } });
    }
    // What changed, never the values: an e-mail address or phone is personal data.
    audit::writeAudit(context,
        audit::callerEntry(request, QStringLiteral("account.change"), person.account,
            QJsonObject { { "email", bool(email) }, { "phone", bool(phone) },
                { "password", bool(newPassword) } }));
    transaction.commit();
    person = callerPerson(context, request.caller);
    return HttpResponse::json(200, QJsonDocument(accountJson(context, person)));
}

} // namespace

QJsonObject sessionBody(const ServiceContext& context, const QString& token, qint64 expiresAtMillis,
    const QJsonObject& account, bool certificate)
{
    return QJsonObject {
        { "session",
            QJsonObject {
                { "token", token },
                { "expiresAt", isoTime(expiresAtMillis) },
                { "idleTimeoutSeconds", context.config.sessionIdleSeconds },
            } },
        { "account", account },
        { "assurance", certificate ? "certificate" : "password" },
        { "accountSetupRequired", account.value("accountSetupRequired").toBool() },
    };
}

void addAccountRoutes(http::Router& router, const ServiceContext& context)
{
    using http::Access;
    router.add("POST", QStringLiteral("/api/v1/auth/password"), Access::Public,
        [&context](HttpRequest& request) { return passwordLogin(context, request); });
    router.add("POST", QStringLiteral("/api/v1/auth/logout"), Access::Session,
        [&context](HttpRequest& request) {
            endSession(context, request.caller);
            return HttpResponse::noContent();
        });
    router.add("GET", QStringLiteral("/api/v1/account"), Access::Session,
        [&context](HttpRequest& request) {
            if (request.caller.personId == 0)
                return HttpResponse::json(200,
                    QJsonDocument(
                        QJsonObject { { "agency", agencyJson(context, request.caller.agencyCode) },
                            { "accountSetupRequired", false } }));
            return HttpResponse::json(
                200, QJsonDocument(accountJson(context, callerPerson(context, request.caller))));
        });
    router.add("PUT", QStringLiteral("/api/v1/account"), Access::Session,
        [&context](HttpRequest& request) { return setUpAccount(context, request); });
    router.add("PATCH", QStringLiteral("/api/v1/account"), Access::Account,
        [&context](HttpRequest& request) { return changeAccount(context, request); });
}

} // namespace server::accounts
