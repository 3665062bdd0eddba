#pragma once

// The TCP side of vpcd (pcscd's virtual reader driver): we are the client; every frame in both
// directions is a 2-byte big-endian length + payload. Connecting is "inserting the card",
// closing is "removing" it. Non-blocking, driven by the emulator's poll() loop.

#include "smartcard/bytes.hpp"

#include <netinet/in.h>
#include <optional>
#include <string>

namespace virtualcard {

using smartcard::Bytes;
using smartcard::ByteView;

class VpcdLink {
public:
    enum class State { Closed, Connecting, Connected };

    /// Resolves `host` (IPv4) once; throws std::runtime_error when it cannot.
    VpcdLink(const std::string& host, std::uint16_t port);
    ~VpcdLink();
    VpcdLink(const VpcdLink&) = delete;
    VpcdLink& operator=(const VpcdLink&) = delete;

    State state() const { return state_; }
    int fd() const { return fd_; }
    std::string peer() const;

    /// Starts a non-blocking connect. Returns false when it failed at once (retry later).
    bool startConnect();
    /// After POLLOUT while Connecting: true when connected, false (and Closed) on failure.
    bool finishConnect();
    /// Reads what is available into the frame buffer; false on EOF or error (the link is then
    /// closed). Sets TCP_QUICKACK first: Debian's vpcd writes length and payload separately,
    /// and without a quick ACK every frame stalls ~40 ms on Nagle + delayed ACK.
    bool receive();
    /// The next complete frame's payload, if one is buffered.
    std::optional<Bytes> nextFrame();
    /// Sends one frame (blocking until written); false when the peer is gone.
    bool send(ByteView payload);
    void close();

private:
    sockaddr_in address_ {};
    int fd_ = -1;
    State state_ = State::Closed;
    Bytes buffer_;
};

} // namespace virtualcard
