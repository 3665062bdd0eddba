#include "app/emulator.hpp"

#include "model/pin_state_file.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <poll.h>
#include <vector>

namespace virtualcard {

namespace {

constexpr auto reconnectInterval = std::chrono::milliseconds(50);

} // namespace

Emulator::Emulator(Card& card, VpcdLink& link, ApduLog& log, SignalFd& signals,
    ControlServer* control, int delayMs)
    : card_(card)
    , link_(link)
    , log_(log)
    , signals_(signals)
    , control_(control)
    , delayMs_(delayMs)
{ }

void Emulator::persistTriesTo(std::filesystem::path file)
{
    statePath_ = std::move(file);
    savedTries_ = card_.pin().left();
}

int Emulator::run()
{
    while (running_) {
        connectIfDue();
        std::vector<pollfd> fds { { signals_.fd(), POLLIN, 0 } };
        const int vpcdFd = link_.fd();
        if (vpcdFd >= 0) {
            short events = POLLIN;
            if (link_.state() == VpcdLink::State::Connecting)
                events = POLLOUT;
            else if (delayed_)
                events = 0; // vpcd waits for our answer; only notice a hang-up meanwhile
            fds.push_back({ vpcdFd, events, 0 });
        }
        const std::size_t controlAt = fds.size();
        if (control_)
            control_->addPollFds(fds);

        if (::poll(fds.data(), fds.size(), pollTimeoutMs()) < 0 && errno != EINTR)
            return 1;

        if (vpcdFd >= 0 && vpcdFd == link_.fd() && fds[1].revents)
            onVpcdEvent();
        if (delayed_ && Clock::now() >= delayedDue_) {
            const Bytes response = std::move(*delayed_);
            delayed_.reset();
            respond(response);
            drainFrames();
        }
        if (fds[0].revents & POLLIN)
            while (const int signo = signals_.next())
                onSignal(signo);
        if (control_ && running_)
            control_->service(fds.data() + controlAt, fds.size() - controlAt,
                [this](std::string_view line) { return control(line); });
    }
    log_.event("exit");
    return 0;
}

int Emulator::pollTimeoutMs() const
{
    auto until = [](Clock::time_point t) {
        const auto ms = std::chrono::ceil<std::chrono::milliseconds>(t - Clock::now()).count();
        return static_cast<int>(std::clamp<long long>(ms, 0, 60'000));
    };
    int timeout = -1;
    if (wantInserted_ && link_.state() == VpcdLink::State::Closed)
        timeout = until(nextConnect_);
    if (delayed_) {
        const int due = until(delayedDue_);
        timeout = timeout < 0 ? due : std::min(timeout, due);
    }
    return timeout;
}

void Emulator::connectIfDue()
{
    if (!wantInserted_ || link_.state() != VpcdLink::State::Closed || Clock::now() < nextConnect_)
        return;
    nextConnect_ = Clock::now() + reconnectInterval;
    if (!link_.startConnect()) {
        noteWaiting();
        return;
    }
    if (link_.state() == VpcdLink::State::Connected)
        onConnected();
}

void Emulator::noteWaiting()
{
    // Once per outage: a retry every 50 ms would flood the log.
    if (!waitingLogged_)
        log_.event("waiting for vpcd on " + link_.peer());
    waitingLogged_ = true;
}

void Emulator::onVpcdEvent()
{
    if (link_.state() == VpcdLink::State::Connecting) {
        if (link_.finishConnect())
            onConnected();
        else
            noteWaiting();
        return;
    }
    if (!link_.receive()) {
        onConnectionLost();
        return;
    }
    drainFrames();
}

void Emulator::drainFrames()
{
    while (link_.state() == VpcdLink::State::Connected && !delayed_) {
        const auto frame = link_.nextFrame();
        if (!frame)
            break;
        handleFrame(*frame);
    }
}

void Emulator::onConnected()
{
    waitingLogged_ = false;
    card_.endSession();
    log_.event("inserted: connected to vpcd " + link_.peer());
}

void Emulator::onConnectionLost()
{
    card_.endSession();
    delayed_.reset();
    nextConnect_ = Clock::now() + reconnectInterval;
    log_.event("vpcd closed the connection (pcscd gone?); reconnecting");
}

void Emulator::handleFrame(const Bytes& frame)
{
    if (frame.size() >= 2) {
        handleApdu(frame);
        return;
    }
    if (frame.empty())
        return;
    switch (frame[0]) {
    case 0x00:
        card_.endSession();
        log_.event("power off");
        break;
    case 0x01:
        log_.event("power on");
        break;
    case 0x02:
        card_.endSession();
        log_.event("reset");
        break;
    case 0x04:
        link_.send(card_.atr());
        break; // answered at all times, also when powered off
    default:
        log_.event("unknown vpcd control byte " + smartcard::toHex(frame));
    }
}

void Emulator::handleApdu(const Bytes& apdu)
{
    ++stats_.apdus;
    if (apdu[1] == 0x20)
        ++stats_.verifies;
    log_.command(apdu);
    if (pullCountdown_ > 0 && --pullCountdown_ == 0) {
        remove("pull-on-apdu: card pulled mid-command");
        return;
    }
    Reply reply;
    try {
        reply = card_.process(apdu);
    } catch (const std::exception& e) {
        reply = status(0x6F00); // a bug in the model must not kill the test run
        reply.events.push_back(std::string("card model error: ") + e.what());
    }
    for (const std::string& e : reply.events)
        log_.event(e);
    if (reply.yank) {
        remove("80 EE hook: card pulled mid-command");
        return;
    }
    if (reply.signature)
        ++stats_.signatures;
    if (reply.plainVerify)
        ++stats_.plainVerifies;
    if (!statePath_.empty() && card_.pin().left() != savedTries_) {
        savePinState(statePath_, card_.pin());
        savedTries_ = card_.pin().left();
    }
    if (delayMs_ > 0) {
        delayed_ = std::move(reply.response);
        delayedDue_ = Clock::now() + std::chrono::milliseconds(delayMs_);
        return;
    }
    respond(reply.response);
}

void Emulator::respond(const Bytes& response)
{
    log_.response(response);
    if (!link_.send(response))
        onConnectionLost();
}

void Emulator::onSignal(int signo)
{
    switch (signo) {
    case SIGTERM:
    case SIGINT:
        log_.event(signo == SIGTERM ? "SIGTERM" : "SIGINT");
        running_ = false;
        break;
    case SIGUSR1:
        remove("SIGUSR1");
        break;
    case SIGUSR2:
        insert("SIGUSR2");
        break;
    default:
        break;
    }
}

std::string Emulator::insert(const std::string& why)
{
    if (wantInserted_)
        return "ok already inserted";
    wantInserted_ = true;
    nextConnect_ = Clock::now();
    log_.event("insert (" + why + ")");
    return "ok inserting";
}

std::string Emulator::remove(const std::string& why)
{
    if (!wantInserted_ && link_.state() == VpcdLink::State::Closed)
        return "ok already removed";
    wantInserted_ = false;
    link_.close();
    card_.endSession();
    delayed_.reset();
    log_.event("removed (" + why + ")");
    return "ok removed";
}

} // namespace virtualcard
