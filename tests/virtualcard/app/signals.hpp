#pragma once

// SIGTERM/SIGINT (exit), SIGUSR1 (remove), SIGUSR2 (insert) delivered through a signalfd, so
// they are handled in the poll() loop and never inside a signal handler. SIGPIPE is ignored.

namespace virtualcard {

class SignalFd {
public:
    /// Blocks the signals for the process and opens the fd; throws std::runtime_error.
    SignalFd();
    ~SignalFd();
    SignalFd(const SignalFd&) = delete;
    SignalFd& operator=(const SignalFd&) = delete;

    int fd() const { return fd_; }
    /// The next pending signal number, or 0 when none.
    int next();

private:
    int fd_ = -1;
};

} // namespace virtualcard
