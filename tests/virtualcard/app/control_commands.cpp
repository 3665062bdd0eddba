#include "app/emulator.hpp"
#include "model/pin_state_file.hpp"

#include <charconv>
#include <sstream>

// The control socket's commands (README.md lists them); one reply line each.

namespace virtualcard {

namespace {

std::optional<int> parseNumber(std::string_view text, int min, int max)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
        return std::nullopt;
    return value;
}

} // namespace

std::string Emulator::control(std::string_view line)
{
    std::istringstream in { std::string(line) };
    std::string command, argument, extra;
    in >> command >> argument >> extra;
    if (command != "stats" && !command.empty())
        log_.event("control: " + std::string(line));
    auto needsArgument = [&](int min, int max) -> std::optional<int> {
        if (!extra.empty())
            return std::nullopt;
        return parseNumber(argument, min, max);
    };
    if ((command == "remove" || command == "insert" || command == "stats"
            || command == "reset-stats")
        && !argument.empty())
        return "error " + command + " takes no argument";
    if (command == "remove")
        return remove("control socket");
    if (command == "insert")
        return insert("control socket");
    if (command == "stats") {
        std::ostringstream out;
        out << "ok apdus=" << stats_.apdus << " verifies=" << stats_.verifies
            << " signatures=" << stats_.signatures << " plain_verifies=" << stats_.plainVerifies
            << " tries=" << card_.pin().left()
            << " present=" << (link_.state() == VpcdLink::State::Connected ? 1 : 0);
        return out.str();
    }
    if (command == "reset-stats") {
        stats_ = {};
        return "ok";
    }
    if (command == "pull-on-apdu") {
        const auto n = needsArgument(0, 1'000'000);
        if (!n)
            return "error usage: pull-on-apdu N (1 = the next APDU, 0 = cancel)";
        pullCountdown_ = *n;
        return "ok pull-on-apdu " + std::to_string(*n);
    }
    if (command == "delay") {
        const auto ms = needsArgument(0, 600'000);
        if (!ms)
            return "error usage: delay MS";
        delayMs_ = *ms;
        return "ok delay " + std::to_string(*ms);
    }
    if (command == "set-tries") {
        const auto n = needsArgument(0, PinCounter::maxSupported);
        if (!n)
            return "error usage: set-tries N (0..15)";
        card_.pin().setLeft(*n);
        if (!statePath_.empty()) {
            savePinState(statePath_, card_.pin());
            savedTries_ = card_.pin().left();
        }
        return "ok tries=" + std::to_string(*n);
    }
    return "error unknown command: " + std::string(line);
}

} // namespace virtualcard
