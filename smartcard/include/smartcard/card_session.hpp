#pragma once

#include "smartcard/channel.hpp"

#include <functional>
#include <string>

namespace smartcard {

class Pcsc;

/// Runs `operation` inside one card transaction.
using CardSession = std::function<void(const std::function<void(ApduChannel&)>& operation)>;

/// The two ways the tokens that talk to a card reach it over PC/SC: `read` for what needs no
/// PIN, and `signing` for VERIFY + signing, after which the card is reset on disconnect so its
/// verified state does not outlive our one transaction.
struct CardSessions {
    CardSession read;
    CardSession signing;
};

/// `pcsc` must outlive the sessions.
CardSessions pcscCardSessions(
    Pcsc& pcsc, const std::string& reader, ApduChannel::TraceSink trace = {});

} // namespace smartcard
