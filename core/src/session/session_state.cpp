#include "core/session/session_state.hpp"

namespace core::session {

namespace {

// QString shares its buffer; overwrite this copy before letting it go so the token does not
// linger in freed memory longer than needed.
void wipe(QString& secret)
{
    secret.fill(QChar(u'\0'));
    secret.clear();
}

} // namespace

SessionState::SessionState(QObject* parent)
    : QObject(parent)
{ }

SessionState::~SessionState()
{
    wipe(info_.token);
}

bool SessionState::canWriteVacancies() const
{
    return loggedIn_ && info_.assurance == api::Assurance::Certificate
        && !info_.accountSetupRequired;
}

bool SessionState::isAgencySession() const
{
    return loggedIn_ && !info_.account.contains(QLatin1String("name"));
}

QJsonObject SessionState::agency() const
{
    return info_.account.value(QLatin1String("agency")).toObject();
}

QString SessionState::personName() const
{
    return info_.account.value(QLatin1String("name")).toString();
}

void SessionState::begin(SessionInfo info)
{
    wipe(info_.token);
    info_ = std::move(info);
    loggedIn_ = true;
    emit started();
}

void SessionState::updateAccount(const QJsonObject& account)
{
    info_.account = account;
    info_.accountSetupRequired = account.value(QLatin1String("accountSetupRequired")).toBool();
    emit accountChanged();
}

void SessionState::end()
{
    if (!loggedIn_)
        return;
    wipe(info_.token);
    info_ = {};
    loggedIn_ = false;
    emit ended();
}

} // namespace core::session

#include "core/session/moc_session_state.cpp"
