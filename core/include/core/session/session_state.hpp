#pragma once

#include "core/api/login_types.hpp"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace core::session {

/// Who is logged in, as the rest of the program needs to know it.
struct SessionInfo {
    api::Assurance assurance = api::Assurance::Password;
    /// The contract's Account (a person) or AgencyAccount (an agency certificate).
    QJsonObject account;
    /// The bearer token: memory only, never logged or written anywhere.
    QString token;
    QDateTime expiresAt; ///< UTC
    bool accountSetupRequired = false;
    /// For a card login: the reader and card it came from (card removal ends the session).
    QString reader;
    QString cardNumber;
    QString cardKind; ///< moica-gen1, moica-gen2, gca, iso-eid, …
};

/// The one logged-in state of the client. Lives on the GUI thread.
class SessionState : public QObject {
    Q_OBJECT
public:
    explicit SessionState(QObject* parent = nullptr);
    ~SessionState() override;

    bool loggedIn() const { return loggedIn_; }
    const SessionInfo& info() const { return info_; }

    /// Vacancy writes (送出, 刪除) need a card login with the account set up.
    bool canWriteVacancies() const;
    /// An agency certificate's session is the agency itself (no personal account).
    bool isAgencySession() const;
    /// The account's agency (`Agency` of the contract): code, name, address, phone, emailDomain.
    QJsonObject agency() const;
    /// The person's name (empty for an agency session).
    QString personName() const;

    void begin(SessionInfo info);
    /// A new Account document (after setup or a change).
    void updateAccount(const QJsonObject& account);
    void end();

signals:
    void started();
    void accountChanged();
    void ended();

private:
    bool loggedIn_ = false;
    SessionInfo info_;
};

} // namespace core::session
