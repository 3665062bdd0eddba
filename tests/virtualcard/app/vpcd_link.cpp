#include "app/vpcd_link.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace virtualcard {

VpcdLink::VpcdLink(const std::string& host, std::uint16_t port)
{
    addrinfo hints {};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0 || !found)
        throw std::runtime_error("cannot resolve --host " + host + " as IPv4");
    std::memcpy(&address_, found->ai_addr, sizeof address_);
    freeaddrinfo(found);
    address_.sin_port = htons(port);
}

VpcdLink::~VpcdLink()
{
    close();
}

std::string VpcdLink::peer() const
{
    char text[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, &address_.sin_addr, text, sizeof text);
    return std::string(text) + ":" + std::to_string(ntohs(address_.sin_port));
}

bool VpcdLink::startConnect()
{
    close();
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd_ < 0)
        return false;
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address_), sizeof address_) == 0) {
        state_ = State::Connected;
        return true;
    }
    if (errno == EINPROGRESS) {
        state_ = State::Connecting;
        return true;
    }
    close(); // typically ECONNREFUSED: pcscd (vpcd) is not listening yet
    return false;
}

bool VpcdLink::finishConnect()
{
    int error = 0;
    socklen_t len = sizeof error;
    if (getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &len) != 0 || error != 0) {
        close();
        return false;
    }
    state_ = State::Connected;
    return true;
}

bool VpcdLink::receive()
{
    const int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
    std::uint8_t chunk[4096];
    for (;;) {
        const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n > 0) {
            buffer_.insert(buffer_.end(), chunk, chunk + n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        close(); // 0 = EOF: pcscd closed the reader
        return false;
    }
}

std::optional<Bytes> VpcdLink::nextFrame()
{
    if (buffer_.size() < 2)
        return std::nullopt;
    const std::size_t n = static_cast<std::size_t>(buffer_[0] << 8 | buffer_[1]);
    if (buffer_.size() < 2 + n)
        return std::nullopt;
    Bytes payload(buffer_.begin() + 2, buffer_.begin() + 2 + static_cast<long>(n));
    buffer_.erase(buffer_.begin(), buffer_.begin() + 2 + static_cast<long>(n));
    return payload;
}

bool VpcdLink::send(ByteView payload)
{
    if (state_ != State::Connected || payload.size() > 0xFFFF)
        return false;
    Bytes frame { static_cast<std::uint8_t>(payload.size() >> 8),
        static_cast<std::uint8_t>(payload.size()) };
    frame.insert(frame.end(), payload.begin(), payload.end());
    std::size_t sent = 0;
    while (sent < frame.size()) {
        const ssize_t n = ::send(fd_, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL);
        if (n > 0) {
            sent += static_cast<std::size_t>(n);
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd p { fd_, POLLOUT, 0 };
            ::poll(&p, 1, 1000);
        } else if (!(n < 0 && errno == EINTR)) {
            close();
            return false;
        }
    }
    return true;
}

void VpcdLink::close()
{
    if (fd_ >= 0)
        ::close(fd_);
    fd_ = -1;
    state_ = State::Closed;
    buffer_.clear();
}

} // namespace virtualcard
