#include "server/storage/schema.hpp"

#include "server/storage/sql.hpp"

#include <QStringList>

namespace server::storage {
namespace {

// Portable SQL only: the same statements run on SQLite and PostgreSQL. Times are BIGINT
// milliseconds (UTC), flags INTEGER 0/1, ids come from `counters` (no AUTOINCREMENT/SERIAL).
const QList<QStringList>& steps()
{
    static const QList<QStringList> all {
        // 1: personnel, login, sessions, vacancies, idempotency, 調閱履歷, audit.
        {
            "CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
            "CREATE TABLE agencies (code TEXT PRIMARY KEY, name TEXT NOT NULL, "
            "address TEXT NOT NULL, phone TEXT NOT NULL, email_domain TEXT NOT NULL)",
            "CREATE TABLE persons (id BIGINT PRIMARY KEY, id_number TEXT NOT NULL UNIQUE, "
            "name TEXT NOT NULL, agency_code TEXT NOT NULL, active INTEGER NOT NULL, "
            "account TEXT, account_key TEXT UNIQUE, email TEXT, phone TEXT, "
            "password_hash TEXT)",
            "CREATE TABLE certificate_bindings (fingerprint TEXT PRIMARY KEY, "
            "person_id BIGINT NOT NULL, serial TEXT NOT NULL, issuer TEXT NOT NULL, "
            "bound_at BIGINT NOT NULL)",
            "CREATE TABLE challenges (nonce TEXT PRIMARY KEY, expires_at BIGINT NOT NULL, "
            "used INTEGER NOT NULL)",
            "CREATE TABLE activation_tickets (ticket_hash TEXT PRIMARY KEY, "
            "fingerprint TEXT NOT NULL, serial TEXT NOT NULL, issuer TEXT NOT NULL, "
            "holder_name TEXT NOT NULL, id_last_four TEXT NOT NULL, "
            "expires_at BIGINT NOT NULL, attempts INTEGER NOT NULL)",
            "CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, person_id BIGINT NOT NULL, "
            "agency_code TEXT NOT NULL, certificate INTEGER NOT NULL, "
            "created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL)",
            "CREATE TABLE login_throttle (login_key TEXT PRIMARY KEY, "
            "failures INTEGER NOT NULL, next_allowed_at BIGINT NOT NULL, "
            "locked_until BIGINT NOT NULL)",
            "CREATE TABLE vacancies (vacancy_id TEXT PRIMARY KEY, agency_code TEXT NOT NULL, "
            "body TEXT NOT NULL, etag TEXT NOT NULL, change_seq BIGINT NOT NULL, "
            "state TEXT NOT NULL, rejection_reason TEXT, valid_from TEXT NOT NULL, "
            "valid_to TEXT NOT NULL, search_text TEXT NOT NULL, created_at BIGINT NOT NULL, "
            "updated_at BIGINT NOT NULL)",
            "CREATE INDEX vacancies_feed ON vacancies (agency_code, change_seq)",
            "CREATE TABLE idempotency_keys (scope TEXT NOT NULL, idem_key TEXT NOT NULL, "
            "request_hash TEXT NOT NULL, state TEXT NOT NULL, response_status INTEGER, "
            "response_body TEXT, created_at BIGINT NOT NULL, PRIMARY KEY (scope, idem_key))",
            "CREATE TABLE applicants (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
            "resume TEXT NOT NULL)",
            "CREATE TABLE applications (vacancy_id TEXT NOT NULL, "
            "applicant_id TEXT NOT NULL, applied_on TEXT NOT NULL, "
            "PRIMARY KEY (vacancy_id, applicant_id))",
            "CREATE TABLE audit_log (id BIGINT PRIMARY KEY, at BIGINT NOT NULL, "
            "actor TEXT NOT NULL, agency_code TEXT NOT NULL, action TEXT NOT NULL, "
            "target TEXT NOT NULL, detail TEXT NOT NULL)",
        },
        // 2: when a login key last failed, so the rows of unknown names can be forgotten.
        {
            "ALTER TABLE login_throttle ADD COLUMN last_failure_at BIGINT NOT NULL DEFAULT 0",
        },
        // 3: the audit trail names the client's address and the card behind an agency session.
        {
            "ALTER TABLE audit_log ADD COLUMN remote TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE audit_log ADD COLUMN holder TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE sessions ADD COLUMN holder TEXT NOT NULL DEFAULT ''",
        },
        // 4: the agency an agency belongs to (a 署 under its 部): its clerks act for the units.
        {
            "ALTER TABLE agencies ADD COLUMN parent TEXT",
            "CREATE INDEX agencies_parent ON agencies (parent)",
        },
    };
    return all;
}

const QString component = QStringLiteral("server");

/// Any fixed number: the advisory lock's name, shared by every shiqiuren-server.
const QString startupLockKey = QStringLiteral("5348495155");

} // namespace

int currentSchemaVersion()
{
    return static_cast<int>(steps().size());
}

void migrate(const QSqlDatabase& db)
{
    run(db,
        QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (component TEXT PRIMARY KEY, "
                       "version INTEGER NOT NULL)"));
    const QVariant stored
        = scalar(db, QStringLiteral("SELECT version FROM schema_version WHERE component = :c"),
            { { "c", component } });
    const int have = stored.isValid() ? stored.toInt() : 0;
    if (have > currentSchemaVersion())
        throw StorageError("the database was written by a newer shiqiuren-server");
    for (int version = have + 1; version <= currentSchemaVersion(); ++version) {
        Transaction transaction(db);
        for (const QString& statement : steps().at(version - 1))
            run(db, statement);
        run(db,
            QStringLiteral("INSERT INTO schema_version (component, version) VALUES (:c, :v) "
                           "ON CONFLICT (component) DO UPDATE SET version = :v2"),
            { { "c", component }, { "v", version }, { "v2", version } });
        transaction.commit();
    }
}

StartupLock::StartupLock(QSqlDatabase db)
    : db_(std::move(db))
{
    if (db_.driverName() != QLatin1String("QPSQL"))
        return;
    run(db_, QStringLiteral("SELECT pg_advisory_lock(") + startupLockKey + u')');
    held_ = true;
}

StartupLock::~StartupLock()
{
    if (!held_)
        return;
    try {
        run(db_, QStringLiteral("SELECT pg_advisory_unlock(") + startupLockKey + u')');
    } catch (const StorageError&) {
        // The connection went away, and its session lock with it.
    }
}

} // namespace server::storage
