#include "app/signals.hpp"

#include <csignal>
#include <stdexcept>
#include <sys/signalfd.h>
#include <unistd.h>

namespace virtualcard {

SignalFd::SignalFd()
{
    std::signal(SIGPIPE, SIG_IGN);
    sigset_t set;
    sigemptyset(&set);
    for (int s : { SIGTERM, SIGINT, SIGUSR1, SIGUSR2 })
        sigaddset(&set, s);
    if (sigprocmask(SIG_BLOCK, &set, nullptr) != 0)
        throw std::runtime_error("sigprocmask failed");
    fd_ = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (fd_ < 0)
        throw std::runtime_error("signalfd failed");
}

SignalFd::~SignalFd()
{
    if (fd_ >= 0)
        ::close(fd_);
}

int SignalFd::next()
{
    signalfd_siginfo info {};
    if (::read(fd_, &info, sizeof info) != static_cast<ssize_t>(sizeof info))
        return 0;
    return static_cast<int>(info.ssi_signo);
}

} // namespace virtualcard
