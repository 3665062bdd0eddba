#include "app/options.hpp"

#include "model/atr.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <getopt.h>

namespace virtualcard {

namespace {

enum LongOnly {
    optPersonality = 256,
    optPki,
    optHost,
    optPort,
    optPin,
    optTries,
    optLog,
    optControl,
    optCardNumber,
    optDelay,
    optForce61xx,
    optWrongLe6c,
    optAtr,
    optContactless,
    optPinType,
    optStateFile,
    optNhiName,
    optNhiId,
    optNhiBirth,
    optNhiSex,
    optNhiIssued,
    optNhiCardNumber,
    optHelp,
};

int number(const char* text, const char* option, int min, int max)
{
    int value = 0;
    const std::string_view s(text);
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || value < min || value > max)
        throw UsageError(std::string("--") + option + " expects a number " + std::to_string(min)
            + ".." + std::to_string(max) + ", got \"" + text + "\"");
    return value;
}

// pcscd parses the ATR to choose the protocol, so one whose check byte is wrong would leave the
// reader without a card rather than test anything.
smartcard::Bytes atrOption(const char* text)
{
    smartcard::Bytes atr;
    try {
        atr = smartcard::fromHex(text);
    } catch (const std::invalid_argument&) {
        throw UsageError("--atr expects hex bytes");
    }
    if (atr.size() < 2 || atr.size() > 33 || (atr[0] != 0x3B && atr[0] != 0x3F))
        throw UsageError("--atr expects an ATR of 2..33 bytes starting with 3B or 3F");
    const bool t0Only = (atr[1] & 0x80) == 0; // no TD1: T=0, no check byte
    if (!t0Only && !atr::checkByteValid(atr))
        throw UsageError("--atr: the check byte (TCK) does not match");
    return atr;
}

} // namespace

std::string usageText()
{
    return "usage: virtual-card --personality "
           "moica-gen1|moica-gen1-shuffled|moica-gen2|iso-eid|nhi\n"
           "         [--pki DIR] [--atr HEX] [--contactless] [--pin-type ascii-numeric|utf8]\n"
           "         [--state-file FILE]\n"
           "         [--host 127.0.0.1] [--port 35963] [--pin PIN] [--tries 3] [--log FILE]\n"
           "         [--control SOCKET_PATH] [--card-number STR] [--delay-ms N]\n"
           "         [--force-61xx] [--wrong-le-6c]\n"
           "         [--nhi-name UTF8] [--nhi-id A123456789] [--nhi-birth 0700101] [--nhi-sex "
           "M|F]\n"
           "         [--nhi-issued 1100315] [--nhi-card-number 000012345678]\n"
           "A smart card emulator for pcscd's vpcd reader driver (tests only).\n"
           "Signals: SIGUSR1 removes the card, SIGUSR2 inserts it, SIGTERM/SIGINT exit.\n"
           "Control socket commands: remove, insert, pull-on-apdu N, delay MS, stats, "
           "reset-stats,\n"
           "set-tries N.\n";
}

Options parseOptions(int argc, char** argv, bool& help)
{
    static const option longOptions[] = {
        { "personality", required_argument, nullptr, optPersonality },
        { "pki", required_argument, nullptr, optPki },
        { "host", required_argument, nullptr, optHost },
        { "port", required_argument, nullptr, optPort },
        { "pin", required_argument, nullptr, optPin },
        { "tries", required_argument, nullptr, optTries },
        { "log", required_argument, nullptr, optLog },
        { "control", required_argument, nullptr, optControl },
        { "card-number", required_argument, nullptr, optCardNumber },
        { "delay-ms", required_argument, nullptr, optDelay },
        { "force-61xx", no_argument, nullptr, optForce61xx },
        { "wrong-le-6c", no_argument, nullptr, optWrongLe6c },
        { "atr", required_argument, nullptr, optAtr },
        { "contactless", no_argument, nullptr, optContactless },
        { "pin-type", required_argument, nullptr, optPinType },
        { "state-file", required_argument, nullptr, optStateFile },
        { "nhi-name", required_argument, nullptr, optNhiName },
        { "nhi-id", required_argument, nullptr, optNhiId },
        { "nhi-birth", required_argument, nullptr, optNhiBirth },
        { "nhi-sex", required_argument, nullptr, optNhiSex },
        { "nhi-issued", required_argument, nullptr, optNhiIssued },
        { "nhi-card-number", required_argument, nullptr, optNhiCardNumber },
        { "help", no_argument, nullptr, optHelp },
        { nullptr, 0, nullptr, 0 },
    };
    Options o;
    help = false;
    opterr = 0; // we report errors ourselves, without echoing argv (it may hold the PIN)
    optind = 1;
    for (;;) {
        const int c = getopt_long(argc, argv, "", longOptions, nullptr);
        if (c == -1)
            break;
        switch (c) {
        case optPersonality:
            o.personality = optarg;
            break;
        case optPki:
            o.pki = optarg;
            break;
        case optHost:
            o.host = optarg;
            break;
        case optPort:
            o.port = static_cast<std::uint16_t>(number(optarg, "port", 1, 65535));
            break;
        case optPin:
            o.pin = optarg;
            break;
        case optTries:
            o.tries = number(optarg, "tries", 0, 15);
            break;
        case optLog:
            o.logPath = optarg;
            break;
        case optControl:
            o.controlPath = optarg;
            break;
        case optCardNumber:
            o.cardNumber = optarg;
            break;
        case optDelay:
            o.delayMs = number(optarg, "delay-ms", 0, 600000);
            break;
        case optForce61xx:
            o.force61xx = true;
            break;
        case optWrongLe6c:
            o.wrongLe6c = true;
            break;
        case optAtr:
            o.atr = atrOption(optarg);
            break;
        case optContactless:
            o.contactless = true;
            break;
        case optStateFile:
            o.statePath = optarg;
            break;
        case optPinType:
            if (std::string_view(optarg) != "utf8" && std::string_view(optarg) != "ascii-numeric")
                throw UsageError("--pin-type must be ascii-numeric or utf8");
            o.utf8Pin = std::string_view(optarg) == "utf8";
            break;
        case optNhiName:
            o.nhi.nameUtf8 = optarg;
            break;
        case optNhiId:
            o.nhi.idNumber = optarg;
            break;
        case optNhiBirth:
            o.nhi.birthDate = optarg;
            break;
        case optNhiSex:
            o.nhi.sex = optarg;
            break;
        case optNhiIssued:
            o.nhi.issueDate = optarg;
            break;
        case optNhiCardNumber:
            o.nhi.cardNumber = optarg;
            break;
        case optHelp:
            help = true;
            return o;
        default:
            throw UsageError("unknown option or missing argument (see --help)");
        }
    }
    if (optind < argc)
        throw UsageError("unexpected argument (see --help)");
    static const std::array<std::string_view, 5> personalities { "moica-gen1",
        "moica-gen1-shuffled", "moica-gen2", "iso-eid", "nhi" };
    if (std::ranges::find(personalities, o.personality) == personalities.end())
        throw UsageError("--personality must be moica-gen1, moica-gen1-shuffled, moica-gen2, "
                         "iso-eid or nhi");
    if (o.personality != "nhi" && o.pki.empty())
        throw UsageError("--pki DIR is required for " + o.personality);
    return o;
}

} // namespace virtualcard
