#include "smartcard/card_session.hpp"
#include "smartcard/iso_token.hpp"

namespace smartcard {

std::unique_ptr<IsoToken> IsoToken::open(
    Pcsc& pcsc, const std::string& reader, IsoTokenOptions options)
{
    CardSessions sessions = pcscCardSessions(pcsc, reader, options.trace);
    return open(std::move(sessions.read), std::move(sessions.signing), std::move(options));
}

} // namespace smartcard
