#include "core/auth/pin_ledger.hpp"

#include "ledger_database.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <algorithm>

namespace core::auth {

namespace {

struct Entry {
    int failures = 0;
    bool blocked = false;
};

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

/// The failures that leave `triesLeft` of allowedTries. A card that allows more tries than
/// the ledger models reports more than allowedTries left; that is no failure at all.
int failuresLeaving(int triesLeft)
{
    return std::clamp(PinLedger::allowedTries - triesLeft, 0, PinLedger::allowedTries);
}

bool isHex(const QString& text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
    });
}

} // namespace

LedgerError::LedgerError(Reason reason, const std::string& technicalDetail)
    : std::runtime_error(technicalDetail)
    , reason_(reason)
{ }

QString LedgerError::userMessage() const
{
    switch (reason_) {
    case Reason::CannotOpen:
        return QCoreApplication::translate("LedgerError",
            "無法開啟本機資料檔，無法記錄憑證密碼（PIN "
            "碼）的錯誤次數。請確認磁碟空間與資料夾權限。");
    case Reason::Corrupt:
        return QCoreApplication::translate("LedgerError",
            "本機資料檔已損壞，無法記錄憑證密碼（PIN 碼）的錯誤次數。請洽資訊人員。");
    case Reason::NewerSchema:
        return QCoreApplication::translate(
            "LedgerError", "本機資料檔由較新版本的事求人建立。請更新本程式後再試一次。");
    case Reason::InvalidKey:
        return QCoreApplication::translate(
            "LedgerError", "無法辨識這張卡片（沒有卡號，也沒有憑證序號）。");
    case Reason::Failed:
        break;
    }
    return QCoreApplication::translate(
        "LedgerError", "無法讀寫本機的憑證密碼（PIN 碼）錯誤次數紀錄。");
}

QString ledgerKey(const CardKey& card)
{
    const QString number = card.cardNumber.trimmed().toUpper();
    if (!number.isEmpty())
        return QStringLiteral("card:") + number;
    // One serial, however it was printed: "0a:1B", "0A1B" and "A1B" are the same number.
    QString serial = card.certificateSerial.toUpper();
    serial.remove(QLatin1Char(':'));
    serial.remove(QLatin1Char(' '));
    if (serial.isEmpty() || !isHex(serial))
        throw LedgerError(LedgerError::Reason::InvalidKey,
            "PIN ledger: the card has no card number and no hex certificate serial");
    while (serial.size() > 1 && serial.front() == QLatin1Char('0'))
        serial.remove(0, 1);
    return QStringLiteral("cert:") + serial;
}

PinLedger::PinLedger(const QString& databaseFile)
    : database_(std::make_unique<detail::LedgerDatabase>(databaseFile))
{ }

PinLedger::~PinLedger() = default;

PinStatus PinLedger::effective(const CardKey& card, const PinStatus& fromToken)
{
    const QString key = ledgerKey(card);
    const bool fromCardOrModule = fromToken.source == PinStatus::Source::Card
        || fromToken.source == PinStatus::Source::Module;
    if (fromCardOrModule && (fromToken.triesLeft || fromToken.blocked)) {
        PinStatus status = fromToken;
        status.blocked = status.blocked || (status.triesLeft && *status.triesLeft <= 0);
        // Bring the ledger in line, so it is right the next time the card says nothing.
        store(key, status.blocked ? allowedTries : failuresLeaving(*status.triesLeft),
            status.blocked);
        return status;
    }

    Entry entry;
    QSqlQuery query = database_->run(
        QStringLiteral("SELECT failures, blocked FROM pin_ledger WHERE card_key = :key"),
        { { QStringLiteral(":key"), key } });
    if (query.next())
        entry = { query.value(0).toInt(), query.value(1).toBool() };

    PinStatus status = fromToken;
    status.source = PinStatus::Source::Ledger;
    status.blocked = entry.blocked || entry.failures >= allowedTries;
    status.triesLeft = status.blocked ? 0 : allowedTries - entry.failures;
    status.countLow = fromToken.countLow || entry.failures > 0;
    return status;
}

void PinLedger::recordFailure(const CardKey& card, std::optional<int> reportedTriesLeft)
{
    const QString key = ledgerKey(card);
    if (reportedTriesLeft) {
        const bool blocked = *reportedTriesLeft <= 0;
        store(key, blocked ? allowedTries : failuresLeaving(*reportedTriesLeft), blocked);
        return;
    }
    // One statement, so two threads or processes recording at once both count.
    database_->run(
        QStringLiteral(
            "INSERT INTO pin_ledger (card_key, failures, blocked, updated_at) "
            "VALUES (:key, 1, 1 >= :allowed, :now) ON CONFLICT (card_key) DO UPDATE SET "
            "failures = MIN(failures + 1, :allowed), "
            "blocked = (blocked OR failures + 1 >= :allowed), updated_at = excluded.updated_at"),
        { { QStringLiteral(":key"), key }, { QStringLiteral(":allowed"), allowedTries },
            { QStringLiteral(":now"), now() } });
}

void PinLedger::recordSuccess(const CardKey& card)
{
    store(ledgerKey(card), 0, false);
}

void PinLedger::recordBlocked(const CardKey& card)
{
    store(ledgerKey(card), allowedTries, true);
}

void PinLedger::store(const QString& key, int failures, bool blocked)
{
    // The WHERE skips an unchanged entry (the card said again what it said before): no write,
    // so no sync to disk, and updated_at keeps the time of the last real change.
    database_->run(
        QStringLiteral("INSERT INTO pin_ledger (card_key, failures, blocked, updated_at) "
                       "VALUES (:key, :failures, :blocked, :now) "
                       "ON CONFLICT (card_key) DO UPDATE SET failures = "
                       "excluded.failures, blocked = excluded.blocked, "
                       "updated_at = excluded.updated_at "
                       "WHERE failures != excluded.failures "
                       "OR blocked != excluded.blocked"),
        { { QStringLiteral(":key"), key }, { QStringLiteral(":failures"), failures },
            { QStringLiteral(":blocked"), blocked ? 1 : 0 }, { QStringLiteral(":now"), now() } });
}

} // namespace core::auth
