#include "server/accounts/session_store.hpp"

#include "server/http/api_error.hpp"
#include "server/storage/sql.hpp"

#include <QCryptographicHash>
#include <openssl/rand.h>
#include <stdexcept>

namespace server::accounts {

using http::ApiError;
using storage::run;

QByteArray secretHash(const QString& secret)
{
    return QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex();
}

QString randomToken()
{
    QByteArray bytes(32, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), 32) != 1)
        throw std::runtime_error("no random bytes for a token");
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

NewSession createSession(const ServiceContext& context, qint64 personId, const QString& agencyCode,
    bool certificate, const QString& holder)
{
    const qint64 now = storage::nowMillis();
    const qint64 absolute = qint64(context.config.sessionAbsoluteSeconds) * 1000;
    // Old rows go when new ones come: nothing else needs a timer.
    run(context.db, QStringLiteral("DELETE FROM sessions WHERE created_at < :old"),
        { { "old", now - absolute - 86400000LL } });
    NewSession session { randomToken(), now + absolute };
    run(context.db,
        QStringLiteral("INSERT INTO sessions (token_hash, person_id, agency_code, certificate, "
                       "created_at, last_seen_at, holder) "
                       "VALUES (:h, :p, :a, :c, :now, :now2, :holder)"),
        { { "h", QString::fromLatin1(secretHash(session.token)) }, { "p", personId },
            { "a", agencyCode }, { "c", certificate ? 1 : 0 }, { "now", now }, { "now2", now },
            { "holder", holder.isNull() ? QStringLiteral("") : holder } });
    return session;
}

http::Principal admit(
    const ServiceContext& context, const http::HttpRequest& request, http::Access access)
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer ") || authorization.size() > 200)
        throw ApiError(401, QStringLiteral("unauthenticated"))
            .withHeader("WWW-Authenticate", "Bearer");
    const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
    const QByteArray hash = secretHash(token);
    QSqlQuery row = run(context.db,
        QStringLiteral("SELECT s.person_id, s.agency_code, s.certificate, s.created_at, "
                       "s.last_seen_at, p.active, p.account, p.id, p.agency_code, s.holder "
                       "FROM sessions s LEFT JOIN persons p ON p.id = s.person_id "
                       "WHERE s.token_hash = :h"),
        { { "h", QString::fromLatin1(hash) } });
    if (!row.next())
        throw ApiError(401, QStringLiteral("unauthenticated"))
            .withHeader("WWW-Authenticate", "Bearer");
    const qint64 now = storage::nowMillis();
    const qint64 personId = row.value(0).toLongLong();
    const QString agencyCode = row.value(1).toString();
    const bool certificate = row.value(2).toInt() != 0;
    const qint64 createdAt = row.value(3).toLongLong();
    const qint64 lastSeen = row.value(4).toLongLong();
    const bool active = row.value(5).toInt() != 0;
    const QString account = row.value(6).toString();
    const bool personExists = !row.value(7).isNull();
    const QString personAgency = row.value(8).toString();
    const QString holder = row.value(9).toString();
    row.finish(); // see storage::scalar: no read snapshot may outlive the read
    if (now - lastSeen > qint64(context.config.sessionIdleSeconds) * 1000
        || now - createdAt > qint64(context.config.sessionAbsoluteSeconds) * 1000)
        throw ApiError(401, QStringLiteral("session-expired"))
            .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");

    http::Principal caller;
    caller.sessionHash = hash;
    caller.personId = personId;
    caller.agencyCode = agencyCode;
    caller.certificate = certificate;
    caller.holder = holder;
    if (caller.personId != 0) {
        // The personnel record decides, not what it said at login: a person moved to another
        // agency works for that one from the next request on; one removed has no session.
        if (!personExists) {
            endSession(context, caller);
            throw ApiError(401, QStringLiteral("session-expired"))
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        if (!active)
            throw ApiError(403, QStringLiteral("person-inactive"));
        caller.agencyCode = personAgency;
        caller.account = account;
        caller.accountSetupRequired = caller.account.isEmpty();
    }
    if (access != http::Access::Session && caller.accountSetupRequired)
        throw ApiError(403, QStringLiteral("account-setup-required"));
    if (access == http::Access::CertificateWrite && !caller.certificate)
        throw ApiError(403, QStringLiteral("certificate-login-required"));
    // Background sync polls for ever; only what the person does keeps the session alive.
    if (request.header(activityHeader).trimmed().toLower() != "background")
        run(context.db,
            QStringLiteral("UPDATE sessions SET last_seen_at = :now WHERE token_hash = :h"),
            { { "now", now }, { "h", QString::fromLatin1(hash) } });
    return caller;
}

void endSession(const ServiceContext& context, const http::Principal& caller)
{
    run(context.db, QStringLiteral("DELETE FROM sessions WHERE token_hash = :h"),
        { { "h", QString::fromLatin1(caller.sessionHash) } });
}

} // namespace server::accounts
