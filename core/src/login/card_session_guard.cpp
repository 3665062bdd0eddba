#include "core/login/card_session_guard.hpp"

#include "core/api/service_client.hpp"
#include "core/cards/card_access.hpp"
#include "core/session/service_runner.hpp"
#include "core/session/session_state.hpp"
#include "core/settings/client_settings.hpp"

namespace core::login {

CardSessionGuard::CardSessionGuard(cards::CardAccess& cards, session::SessionState& session,
    session::ServiceRunner& service, settings::ClientSettings* settings, QObject* parent)
    : QObject(parent)
    , cards_(cards)
    , session_(session)
    , service_(service)
    , settings_(settings)
{
    connect(&cards_, &cards::CardAccess::cardInserted, this, [this](const QString& reader) {
        watcherReported_ = true;
        readersWithCard_.insert(reader);
    });
    connect(&cards_, &cards::CardAccess::readerAdded, this, [this] { watcherReported_ = true; });
    connect(&cards_, &cards::CardAccess::cardRemoved, this, &CardSessionGuard::onCardGone);
    connect(&cards_, &cards::CardAccess::readerRemoved, this, &CardSessionGuard::onCardGone);
    connect(&cards_, &cards::CardAccess::serviceLost, this, [this] {
        const auto readers = readersWithCard_;
        for (const QString& reader : readers)
            onCardGone(reader);
    });
    connect(&session_, &session::SessionState::started, this, &CardSessionGuard::checkSession);
    for (const auto& state : cards_.knownReaders()) {
        watcherReported_ = true;
        if (state.cardPresent)
            readersWithCard_.insert(state.name);
    }
    cards_.startWatching();
}

CardSessionGuard::~CardSessionGuard() = default;

void CardSessionGuard::checkSession()
{
    // The card may have left between the signature and the session's start.
    const QString reader = session_.info().reader;
    if (watcherReported_ && !reader.isEmpty() && !readersWithCard_.contains(reader))
        onCardGone(reader);
}

void CardSessionGuard::onCardGone(const QString& reader)
{
    readersWithCard_.remove(reader);
    if (!session_.loggedIn() || session_.info().assurance != api::Assurance::Certificate)
        return;
    if (session_.info().reader != reader)
        return;
    if (settings_ && !settings_->logoutOnCardRemoval())
        return;
    service_.run<api::Empty>(
        this, [](api::ServiceClient& client) { return client.logout(); },
        [](const api::Result<api::Empty>&) {});
    session_.end();
    emit loggedOutByCardRemoval();
}

} // namespace core::login

#include "core/login/moc_card_session_guard.cpp"
