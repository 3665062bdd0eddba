#pragma once

// The emulator's event loop: one poll() over the vpcd socket, the signalfd and the control
// socket, so remove/insert/stats keep working while the card waits for the next APDU.

#include "app/control_server.hpp"
#include "app/signals.hpp"
#include "app/vpcd_link.hpp"
#include "model/apdu_log.hpp"
#include "model/card.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace virtualcard {

class Emulator {
public:
    Emulator(Card& card, VpcdLink& link, ApduLog& log, SignalFd& signals, ControlServer* control,
        int delayMs);
    /// Keeps the try counter in `file` after every change (--state-file).
    void persistTriesTo(std::filesystem::path file);

    /// Runs until SIGTERM/SIGINT; returns the exit status (0).
    int run();

private:
    using Clock = std::chrono::steady_clock;

    struct Stats {
        long apdus = 0;
        long verifies = 0;
        long signatures = 0;
        long plainVerifies = 0; // VERIFYs not in the card's protected form
    };

    void connectIfDue();
    void noteWaiting();
    void onVpcdEvent();
    void drainFrames();
    void onConnected();
    void onConnectionLost();
    void handleFrame(const Bytes& frame);
    void handleApdu(const Bytes& apdu);
    void respond(const Bytes& response);
    void onSignal(int signo);
    std::string control(std::string_view line);
    std::string insert(const std::string& why);
    std::string remove(const std::string& why);
    int pollTimeoutMs() const;

    Card& card_;
    VpcdLink& link_;
    ApduLog& log_;
    SignalFd& signals_;
    ControlServer* control_;
    int delayMs_;

    bool running_ = true;
    bool wantInserted_ = true;
    bool waitingLogged_ = false;
    Clock::time_point nextConnect_ = Clock::now();
    std::optional<Bytes> delayed_; // a response held back by `delay`
    Clock::time_point delayedDue_;
    int pullCountdown_ = 0; // `pull-on-apdu N`: APDUs until the card is pulled
    Stats stats_;
    std::filesystem::path statePath_;
    int savedTries_ = -1;
};

} // namespace virtualcard
