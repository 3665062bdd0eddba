#include "app/control_server.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace virtualcard {

namespace {

constexpr std::size_t maxLine = 1024;

void writeAll(int fd, const std::string& text)
{
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::send(fd, text.data() + done, text.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; // the client went away; it will be dropped on its next EOF
        done += static_cast<std::size_t>(n);
    }
}

} // namespace

ControlServer::ControlServer(std::string path)
    : path_(std::move(path))
{
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    if (path_.size() >= sizeof address.sun_path)
        throw std::runtime_error("--control path too long: " + path_);
    std::memcpy(address.sun_path, path_.c_str(), path_.size() + 1);

    struct stat st { };
    if (::lstat(path_.c_str(), &st) == 0) {
        if (!S_ISSOCK(st.st_mode))
            throw std::runtime_error("--control " + path_ + " exists and is not a socket");
        ::unlink(path_.c_str()); // stale socket of an earlier run
    }
    listenFd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (listenFd_ < 0
        || ::bind(listenFd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0
        || ::listen(listenFd_, 8) != 0) {
        const std::string why = std::strerror(errno);
        if (listenFd_ >= 0)
            ::close(listenFd_);
        throw std::runtime_error("cannot listen on " + path_ + ": " + why);
    }
}

ControlServer::~ControlServer()
{
    for (const Client& c : clients_)
        ::close(c.fd);
    ::close(listenFd_);
    ::unlink(path_.c_str());
}

void ControlServer::addPollFds(std::vector<pollfd>& fds) const
{
    fds.push_back({ listenFd_, POLLIN, 0 });
    for (const Client& c : clients_)
        fds.push_back({ c.fd, POLLIN, 0 });
}

void ControlServer::service(const pollfd* fds, std::size_t count, const Handler& handler)
{
    // fds mirrors addPollFds: [listen, clients_...]; clients_ changes only below.
    std::vector<int> drop;
    for (std::size_t i = 1; i < count && i - 1 < clients_.size(); ++i) {
        if (fds[i].revents == 0)
            continue;
        Client& client = clients_[i - 1];
        if (!serve(client, handler))
            drop.push_back(client.fd);
    }
    for (int fd : drop) {
        ::close(fd);
        std::erase_if(clients_, [fd](const Client& c) { return c.fd == fd; });
    }
    if (count > 0 && (fds[0].revents & POLLIN))
        accept();
}

void ControlServer::accept()
{
    for (;;) {
        const int fd = ::accept4(listenFd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return;
        clients_.push_back({ fd, {} });
    }
}

bool ControlServer::serve(Client& client, const Handler& handler)
{
    char chunk[512];
    bool open = true;
    while (open) {
        const ssize_t n = ::recv(client.fd, chunk, sizeof chunk, 0);
        if (n > 0)
            client.input.append(chunk, static_cast<std::size_t>(n));
        else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        else if (!(n < 0 && errno == EINTR))
            open = false; // EOF or error; still answer what arrived before it
    }
    for (std::size_t end; (end = client.input.find('\n')) != std::string::npos;) {
        std::string line = client.input.substr(0, end);
        client.input.erase(0, end + 1);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        writeAll(client.fd, handler(line) + "\n");
    }
    if (client.input.size() > maxLine) {
        writeAll(client.fd, "error line too long\n");
        return false;
    }
    return open;
}

} // namespace virtualcard
