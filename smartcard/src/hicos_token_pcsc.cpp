#include "smartcard/hicos_token.hpp"

namespace smartcard {

std::unique_ptr<HicosToken> HicosToken::open(Pcsc& pcsc, const std::string& reader,
    HicosGeneration generation, const CardCertificate& signing, ApduChannel::TraceSink trace)
{
    CardSessions sessions = pcscCardSessions(pcsc, reader, std::move(trace));
    return open(std::move(sessions.read), std::move(sessions.signing), generation, signing);
}

} // namespace smartcard
