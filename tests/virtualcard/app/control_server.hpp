#pragma once

// The test-control socket: a UNIX stream socket speaking lines. Every command line gets exactly
// one reply line (`ok ...` / `error ...`) from the handler. Several clients may be connected.

#include <functional>
#include <poll.h>
#include <string>
#include <string_view>
#include <vector>

namespace virtualcard {

class ControlServer {
public:
    using Handler = std::function<std::string(std::string_view line)>;

    /// Binds `path` (replacing a stale socket file); throws std::runtime_error on failure.
    explicit ControlServer(std::string path);
    ~ControlServer();
    ControlServer(const ControlServer&) = delete;
    ControlServer& operator=(const ControlServer&) = delete;

    /// Appends the listening socket and the clients to a poll set.
    void addPollFds(std::vector<pollfd>& fds) const;
    /// Serves whatever `fds` (the entries added by addPollFds) reported.
    void service(const pollfd* fds, std::size_t count, const Handler& handler);

private:
    struct Client {
        int fd;
        std::string input;
    };
    void accept();
    /// False when the client is to be dropped.
    bool serve(Client& client, const Handler& handler);

    std::string path_;
    int listenFd_ = -1;
    std::vector<Client> clients_;
};

} // namespace virtualcard
