#include "pin_prompt.hpp"

#include "output.hpp"

#include <csignal>
#include <termios.h>
#include <unistd.h>

namespace card_cli {

namespace {

termios savedTerminal {};
volatile std::sig_atomic_t echoIsOff = 0;

extern "C" void restoreEchoAndDie(int signal)
{
    // A Ctrl-C at the prompt must not leave the user's terminal without echo.
    if (echoIsOff)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

/// Echo off for the lifetime of the object, restored on every path.
class EchoOff {
public:
    EchoOff()
    {
        if (::tcgetattr(STDIN_FILENO, &savedTerminal) != 0)
            return;
        termios quiet = savedTerminal;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        std::signal(SIGINT, restoreEchoAndDie);
        std::signal(SIGTERM, restoreEchoAndDie);
        echoIsOff = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (echoIsOff)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal);
        echoIsOff = 0;
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;
};

/// Reads one line byte by byte straight into the PIN buffer (no stdio buffer keeps a copy).
bool readLine(core::auth::PinBuffer& pin)
{
    bool sawAnything = false;
    char c = 0;
    while (::read(STDIN_FILENO, &c, 1) == 1) {
        sawAnything = true;
        if (c == '\n')
            break;
        if (c == '\r')
            continue;
        if (!pin.append(c)) {
            c = 0;
            pin.clear();
            return false;
        }
    }
    c = 0;
    return sawAnything;
}

} // namespace

bool readPin(core::auth::PinBuffer& pin, const QString& prompt)
{
    pin.clear();
    if (!::isatty(STDIN_FILENO))
        return readLine(pin);
    printErr(prompt);
    const EchoOff quiet;
    return readLine(pin);
}

} // namespace card_cli
