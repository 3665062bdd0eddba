// virtual-card: a smart card for pcscd's vpcd reader, used by the integration tests.
// See tests/virtualcard/README.md.

#include "app/card_factory.hpp"
#include "app/control_server.hpp"
#include "app/emulator.hpp"
#include "app/options.hpp"
#include "app/signals.hpp"
#include "app/vpcd_link.hpp"
#include "model/apdu_log.hpp"
#include "model/pin_state_file.hpp"

#include <cstdio>
#include <memory>
#include <string>

using namespace virtualcard;

namespace {

std::string startLine(const Options& o)
{
    // Everything but the PIN: the log must never hold it, not even as an echo of argv.
    std::string s = "start personality=" + o.personality + " vpcd=" + o.host + ":"
        + std::to_string(o.port) + " tries=" + std::to_string(o.tries) + " pin=<redacted>";
    if (!o.pki.empty())
        s += " pki=" + o.pki.string();
    if (!o.controlPath.empty())
        s += " control=" + o.controlPath;
    if (o.delayMs > 0)
        s += " delay-ms=" + std::to_string(o.delayMs);
    if (o.force61xx)
        s += " force-61xx";
    if (o.wrongLe6c)
        s += " wrong-le-6c";
    return s;
}

} // namespace

int main(int argc, char** argv)
{
    Options options;
    try {
        bool help = false;
        options = parseOptions(argc, argv, help);
        if (help) {
            std::fputs(usageText().c_str(), stdout);
            return 0;
        }
    } catch (const UsageError& e) {
        std::fprintf(stderr, "virtual-card: %s\n", e.what());
        return 2;
    }
    try {
        SignalFd signals; // first, so an early SIGTERM is not lost
        std::FILE* logFile = stderr;
        if (!options.logPath.empty()) {
            logFile = std::fopen(options.logPath.c_str(), "a");
            if (!logFile)
                throw std::runtime_error("cannot open --log " + options.logPath);
            std::setvbuf(logFile, nullptr, _IOLBF, 0);
        }
        ApduLog log(logFile);
        std::unique_ptr<Card> card = makeCard(options);
        if (!options.statePath.empty())
            loadPinState(options.statePath, card->pin());
        VpcdLink link(options.host, options.port);
        std::unique_ptr<ControlServer> control;
        if (!options.controlPath.empty())
            control = std::make_unique<ControlServer>(options.controlPath);
        log.event(startLine(options));
        Emulator emulator(*card, link, log, signals, control.get(), options.delayMs);
        if (!options.statePath.empty())
            emulator.persistTriesTo(options.statePath);
        const int rc = emulator.run();
        if (logFile != stderr)
            std::fclose(logFile);
        return rc;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "virtual-card: %s\n", e.what());
        return 2;
    }
}
