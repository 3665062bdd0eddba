#include "server/login/login_routes.hpp"

#include "server/accounts/account_routes.hpp"
#include "server/accounts/persons.hpp"
#include "server/accounts/session_store.hpp"
#include "server/audit/audit_log.hpp"
#include "server/http/api_error.hpp"
#include "server/http/json_body.hpp"
#include "server/login/certificate_validator.hpp"
#include "server/login/login_signature.hpp"
#include "server/storage/sql.hpp"

#include <QDateTime>
#include <QUrl>

namespace server::login {

using http::ApiError;
using http::HttpRequest;
using http::HttpResponse;
using storage::run;

namespace {

constexpr int maxActivationAttempts = 5;
constexpr qsizetype maxCertificateBase64 = 12 * 1024;
constexpr qsizetype maxSignatureBase64 = 2 * 1024;

QString isoTime(qint64 millis)
{
    return QDateTime::fromMSecsSinceEpoch(millis, Qt::UTC).toString(Qt::ISODate);
}

HttpResponse issueChallenge(const ServiceContext& context, HttpRequest& request)
{
    // The body may be empty or `{}`: nothing is asked of the client yet.
    if (!request.body.trimmed().isEmpty())
        http::JsonFields(http::readJsonObject(request, context.config.limits), {}).finish();
    const qint64 now = storage::nowMillis();
    run(context.db, QStringLiteral("DELETE FROM challenges WHERE expires_at < :old"),
        { { "old", now - 3600 * 1000 } });
    QByteArray bytes
        = QByteArray::fromBase64(accounts::randomToken().toLatin1(), QByteArray::Base64UrlEncoding);
    const QString nonce = QString::fromLatin1(bytes.toBase64());
    const qint64 expires = now + qint64(context.config.nonceLifetimeSeconds) * 1000;
    run(context.db,
        QStringLiteral("INSERT INTO challenges (nonce, expires_at, used) VALUES (:n, :e, 0)"),
        { { "n", nonce }, { "e", expires } });
    return HttpResponse::json(
        200, QJsonDocument(QJsonObject { { "nonce", nonce }, { "expiresAt", isoTime(expires) } }));
}

/// Atomic: of two requests racing with one nonce, exactly one spends it. Across server processes
/// too, since the row lives in the shared database.
bool spendNonce(const ServiceContext& context, const QString& nonce)
{
    QSqlQuery query = run(context.db,
        QStringLiteral("UPDATE challenges SET used = 1 WHERE nonce = :n AND used = 0 "
                       "AND expires_at > :now"),
        { { "n", nonce }, { "now", storage::nowMillis() } });
    return query.numRowsAffected() == 1;
}

QByteArray strictBase64(const QString& text, qsizetype maxLength, bool* ok)
{
    *ok = false;
    if (text.isEmpty() || text.size() > maxLength)
        return {};
    const auto decoded
        = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    // Round trip: refuses non-Latin-1 text and non-canonical padding alike.
    if (!decoded || decoded.decoded.isEmpty()
        || QString::fromLatin1(decoded.decoded.toBase64()) != text)
        return {};
    *ok = true;
    return decoded.decoded;
}

struct LoginToken {
    QByteArray certificate;
    QByteArray signature;
    QString algorithm;
};

LoginToken readToken(const QJsonObject& token)
{
    static const QStringList keys { "unverifiedCertificate", "algorithm", "signature", "format",
        "appVersion" };
    const ApiError malformed(400, QStringLiteral("token-malformed"));
    for (auto it = token.begin(); it != token.end(); ++it)
        if (!keys.contains(it.key()) || !it.value().isString())
            throw malformed;
    for (const QString& key : keys)
        if (!token.contains(key))
            throw malformed;
    if (token.value("format").toString() != QLatin1String("web-eid:1.0")
        || token.value("algorithm").toString() != QLatin1String("RS256"))
        throw malformed;
    const QUrl appVersion(token.value("appVersion").toString(), QUrl::StrictMode);
    if (!appVersion.isValid() || appVersion.scheme() != QLatin1String("https")
        || appVersion.host().isEmpty())
        throw malformed;
    LoginToken result;
    bool certOk = false, signatureOk = false;
    result.certificate = strictBase64(
        token.value("unverifiedCertificate").toString(), maxCertificateBase64, &certOk);
    result.signature
        = strictBase64(token.value("signature").toString(), maxSignatureBase64, &signatureOk);
    if (!certOk || !signatureOk)
        throw malformed;
    result.algorithm = token.value("algorithm").toString();
    return result;
}

LoginCertificateRules rulesOf(const app::ServerConfig& config)
{
    LoginCertificateRules rules;
    if (!config.certificatePolicies.isEmpty())
        rules.allowedPolicies = config.certificatePolicies;
    rules.citizenIssuerUnit = config.citizenIssuer;
    rules.agencyIssuerUnit = config.agencyIssuer;
    return rules;
}

/// "name (serial HEX)": how the audit trail names a card.
QString cardName(const core::pki::CertificateInfo& certificate)
{
    return QStringLiteral("%1 (serial %2)").arg(certificate.holderName, certificate.serialHex);
}

void failOn(const LoginCertificateCheck& check)
{
    if (check.ok())
        return;
    int status = 401;
    if (check.problem == LoginCertificateProblem::TokenMalformed)
        status = 400;
    else if (check.problem == LoginCertificateProblem::RevocationUnavailable)
        status = 503;
    qInfo("certificate login refused: %s (%s)", qPrintable(check.errorCode()),
        qPrintable(check.detail));
    throw ApiError(status, check.errorCode());
}

HttpResponse sessionResponse(const ServiceContext& context, qint64 personId,
    const QString& agencyCode, const QJsonObject& account, const QString& logName,
    const QString& holder = {})
{
    const accounts::NewSession session
        = accounts::createSession(context, personId, agencyCode, true, holder);
    HttpResponse response = HttpResponse::json(200,
        QJsonDocument(
            accounts::sessionBody(context, session.token, session.expiresAtMillis, account, true)));
    response.logAccount = logName;
    return response;
}

HttpResponse agencyLogin(const ServiceContext& context, const LoginCertificateCheck& check)
{
    const QJsonObject agency = accounts::agencyJson(context, check.certificate.agencyCode);
    if (agency.isEmpty())
        throw ApiError(403, QStringLiteral("agency-not-found"));
    return sessionResponse(context, 0, check.certificate.agencyCode,
        QJsonObject { { "agency", agency }, { "accountSetupRequired", false } },
        QStringLiteral("agency:") + check.certificate.agencyCode, cardName(check.certificate));
}

HttpResponse citizenLogin(const ServiceContext& context, const LoginCertificateCheck& check)
{
    const QString fingerprint = check.certificate.sha256Hex();
    const QVariant bound = storage::scalar(context.db,
        QStringLiteral("SELECT person_id FROM certificate_bindings WHERE fingerprint = :f"),
        { { "f", fingerprint } });
    if (bound.isValid()) {
        const auto person = accounts::findPersonById(context, bound.toLongLong());
        if (!person || !person->active)
            throw ApiError(403, QStringLiteral("person-inactive"));
        return sessionResponse(context, person->id, person->agencyCode,
            accounts::accountJson(context, *person),
            person->account.isEmpty() ? QStringLiteral("person#%1").arg(person->id)
                                      : person->account);
    }
    // First use of this card: the clerk must say who they are (首次啟用).
    const QString ticket = accounts::randomToken();
    const qint64 expires
        = storage::nowMillis() + qint64(context.config.activationLifetimeSeconds) * 1000;
    run(context.db,
        QStringLiteral("INSERT INTO activation_tickets (ticket_hash, fingerprint, serial, "
                       "issuer, holder_name, id_last_four, expires_at, attempts) "
                       "VALUES (:t, :f, :s, :i, :n, :l, :e, 0)"),
        { { "t", QString::fromLatin1(accounts::secretHash(ticket)) }, { "f", fingerprint },
            { "s", check.certificate.serialHex }, { "i", check.certificate.issuer },
            { "n", check.certificate.holderName }, { "l", check.certificate.idLastFour },
            { "e", expires } });
    return HttpResponse::json(200,
        QJsonDocument(QJsonObject { { "activationRequired", true }, { "activationTicket", ticket },
            { "expiresAt", isoTime(expires) } }));
}

/// The audit row of a card login, from what is known of the card so far. The row goes to an
/// agency's trail only when the card is known to belong there: bound to one of its people, or an
/// agency card whose chain was checked. A forged card claims nothing.
audit::AuditEntry cardAudit(const ServiceContext& context, const HttpRequest& request,
    const LoginCertificateCheck& check, const QString& action, QJsonObject detail)
{
    audit::AuditEntry entry;
    entry.action = action;
    entry.remote = audit::remoteAddress(request);
    if (!check.certificate.serialHex.isEmpty()) {
        detail.insert("card", cardName(check.certificate));
        const QVariant bound = storage::scalar(context.db,
            QStringLiteral("SELECT person_id FROM certificate_bindings WHERE fingerprint = :f"),
            { { "f", check.certificate.sha256Hex() } });
        if (const auto person = bound.isValid()
                ? accounts::findPersonById(context, bound.toLongLong())
                : std::nullopt) {
            entry.actor = person->account.isEmpty() ? QStringLiteral("person#%1").arg(person->id)
                                                    : person->account;
            entry.agencyCode = person->agencyCode;
        } else if (!check.issuerDer.isEmpty() && check.kind == LoginCertificateKind::Agency) {
            entry.actor = QStringLiteral("agency:") + check.certificate.agencyCode;
            entry.agencyCode = check.certificate.agencyCode;
            entry.holder = cardName(check.certificate);
        }
    }
    entry.detail = detail;
    return entry;
}

HttpResponse checkedCertificateLogin(const ServiceContext& context, HttpRequest& request,
    const QString& nonce, const QJsonObject& tokenObject, LoginCertificateCheck& check)
{
    // Used up the first time it is presented, whatever follows (Web eID's getAndRemove): a
    // refused token cannot be tried again, nor its nonce with another token.
    if (!spendNonce(context, nonce))
        throw ApiError(401, QStringLiteral("nonce-invalid"));
    const LoginToken token = readToken(tokenObject);
    check = parseLoginCertificate(token.certificate);
    failOn(check);
    // The signature before anything that goes over the network: a token whose signature does
    // not verify never reaches the OCSP responder.
    if (!loginSignatureVerifies(
            token.certificate, token.algorithm, token.signature, context.config.origin, nonce))
        throw ApiError(401, QStringLiteral("signature-invalid"));
    const std::shared_ptr<const TrustStore> trust = context.trust.load();
    check = validateLoginCertificate(token.certificate, *trust, *context.revocation,
        QDateTime::currentDateTimeUtc(), rulesOf(context.config));
    failOn(check);

    HttpResponse response = check.kind == LoginCertificateKind::Agency
        ? agencyLogin(context, check)
        : citizenLogin(context, check);
    const bool activation = QJsonDocument::fromJson(response.body)
                                .object()
                                .contains(QStringLiteral("activationRequired"));
    audit::writeAudit(context,
        cardAudit(context, request, check, QStringLiteral("login.card"),
            QJsonObject {
                { "kind", check.kind == LoginCertificateKind::Agency ? "agency" : "citizen" },
                { "activationRequired", activation } }));
    return response;
}

HttpResponse certificateLogin(const ServiceContext& context, HttpRequest& request)
{
    const QJsonObject body = http::readJsonObject(request, context.config.limits);
    http::JsonFields fields(body, { "nonce", "authToken" });
    const QString nonce = fields.requiredString("nonce", 200);
    const QJsonObject tokenObject = fields.requiredObject("authToken");
    fields.finish();

    LoginCertificateCheck check;
    try {
        return checkedCertificateLogin(context, request, nonce, tokenObject, check);
    } catch (const ApiError& error) {
        // The refusal stands whether or not its row can be written.
        try {
            audit::writeAudit(context,
                cardAudit(context, request, check, QStringLiteral("login.card.refused"),
                    QJsonObject { { "error", error.code() } }));
        } catch (const std::exception& auditError) {
            qWarning("audit row of a refused card login not written: %s", auditError.what());
        }
        throw;
    }
}

HttpResponse activate(const ServiceContext& context, HttpRequest& request)
{
    const QJsonObject body = http::readJsonObject(request, context.config.limits);
    http::JsonFields fields(body, { "activationTicket", "accountOrIdNumber" });
    const QString ticket = fields.requiredString("activationTicket", 200);
    const QString identifier = fields.requiredString("accountOrIdNumber", 64);
    fields.finish();

    const QString ticketHash = QString::fromLatin1(accounts::secretHash(ticket));
    QSqlQuery row = run(context.db,
        QStringLiteral("SELECT fingerprint, serial, issuer, holder_name, id_last_four, "
                       "expires_at, attempts FROM activation_tickets WHERE ticket_hash = :t"),
        { { "t", ticketHash } });
    if (!row.next() || row.value(5).toLongLong() <= storage::nowMillis()
        || row.value(6).toInt() >= maxActivationAttempts)
        throw ApiError(401, QStringLiteral("activation-ticket-invalid"));
    const QString fingerprint = row.value(0).toString();
    const QString serial = row.value(1).toString();
    const QString issuer = row.value(2).toString();
    const QString holderName = row.value(3).toString();
    const QString lastFour = row.value(4).toString();
    row.finish(); // see storage::scalar: no read snapshot may outlive the read
    // Each try counts, so a ticket cannot be used to walk the personnel database.
    run(context.db,
        QStringLiteral("UPDATE activation_tickets SET attempts = attempts + 1 "
                       "WHERE ticket_hash = :t"),
        { { "t", ticketHash } });

    const auto person = accounts::findPersonByLogin(context, identifier);
    if (!person)
        throw ApiError(404, QStringLiteral("person-not-found"));
    if (!person->active)
        throw ApiError(403, QStringLiteral("person-inactive"));
    if (person->name != holderName || lastFour.size() != 4 || !person->idNumber.endsWith(lastFour))
        throw ApiError(403, QStringLiteral("certificate-owner-mismatch"));

    storage::Transaction transaction(context.db);
    run(context.db,
        QStringLiteral("INSERT INTO certificate_bindings (fingerprint, person_id, serial, "
                       "issuer, bound_at) VALUES (:f, :p, :s, :i, :at) "
                       "ON CONFLICT (fingerprint) DO NOTHING"),
        { { "f", fingerprint }, { "p", person->id }, { "s", serial }, { "i", issuer },
            { "at", storage::nowMillis() } });
    // A second ticket for a card bound meanwhile (two logins before either activated) may
    // only finish as the person the card is bound to.
    const QVariant boundTo = storage::scalar(context.db,
        QStringLiteral("SELECT person_id FROM certificate_bindings WHERE fingerprint = :f"),
        { { "f", fingerprint } });
    if (boundTo.toLongLong() != person->id)
        throw ApiError(403, QStringLiteral("certificate-owner-mismatch"));
    run(context.db, QStringLiteral("DELETE FROM activation_tickets WHERE ticket_hash = :t"),
        { { "t", ticketHash } });
    HttpResponse response = sessionResponse(context, person->id, person->agencyCode,
        accounts::accountJson(context, *person), QStringLiteral("person#%1").arg(person->id));
    audit::AuditEntry entry;
    entry.actor
        = person->account.isEmpty() ? QStringLiteral("person#%1").arg(person->id) : person->account;
    entry.agencyCode = person->agencyCode;
    entry.action = QStringLiteral("account.activate");
    entry.detail
        = QJsonObject { { "card", QStringLiteral("%1 (serial %2)").arg(holderName, serial) } };
    entry.remote = audit::remoteAddress(request);
    audit::writeAudit(context, entry);
    transaction.commit();
    return response;
}

} // namespace

void addLoginRoutes(http::Router& router, const ServiceContext& context)
{
    using http::Access;
    router.add("POST", QStringLiteral("/api/v1/auth/challenge"), Access::Public,
        [&context](HttpRequest& request) { return issueChallenge(context, request); });
    router.add("POST", QStringLiteral("/api/v1/auth/certificate"), Access::Public,
        [&context](HttpRequest& request) { return certificateLogin(context, request); });
    router.add("POST", QStringLiteral("/api/v1/auth/activate"), Access::Public,
        [&context](HttpRequest& request) { return activate(context, request); });
}

} // namespace server::login
