#include "model/moica_card.hpp"

#include "model/atr.hpp"
#include "smartcard/apdu.hpp"

#include <cctype>
#include <stdexcept>

namespace virtualcard {

namespace {

void checkCardNumber(const std::string& number)
{
    bool ok = number.size() == 16;
    for (std::size_t i = 0; ok && i < number.size(); ++i) {
        const auto c = static_cast<unsigned char>(number[i]);
        ok = i < 2 ? std::isupper(c) != 0 : std::isdigit(c) != 0;
    }
    if (!ok)
        throw std::invalid_argument(
            "moica-gen1 card number must be 2 capital letters + 14 digits, got \"" + number + "\"");
}

Bytes versionFile()
{
    Bytes v(32, 0x00);
    constexpr std::string_view tag = "CHT V32N";
    std::copy(tag.begin(), tag.end(), v.begin());
    return v;
}

} // namespace

MoicaGen1Card::MoicaGen1Card(const MoicaConfig& config)
    : atr_(atr::moicaGen1())
    , pin_(config.tries)
{
    checkCardNumber(config.cardNumber);
    FileNode& info = fs_.addDf(fs_.mf(), 0x0900);
    fs_.addEf(info, 0x0903, Bytes(config.cardNumber.begin(), config.cardNumber.end()));
    fs_.addEf(info, 0x0905, versionFile());

    const auto& certs = config.certificates;
    FileNode& pki = fs_.addDf(fs_.mf(), 0x5030);
    fs_.addEf(pki, 0x4100,
        moica::directoryFile(moica::prkdf(config.encryptionBits, config.signatureBits)));
    fs_.addEf(pki, 0x4104, moica::directoryFile(moica::cdf(certs)));
    fs_.addEf(pki, 0x4108, moica::directoryFile(moica::aodf()));
    fs_.addEf(pki, 0x08F2, moica::certificateBlob(certs));
    fs_.addEf(pki, 0x0810, Bytes(129 * 4, 0x00), false); // key file: selectable, not readable
}

void MoicaGen1Card::endSession()
{
    pin_.endSession();
    fs_.resetSelection();
}

Reply MoicaGen1Card::process(ByteView command)
{
    if (command.size() < 4)
        return status(0x6700);
    // VERIFY first, whatever the class: the real card counts even a CLA 00 attempt.
    if (command[1] == 0x20)
        return verify();
    if (isYankHook(command, false))
        return yank();
    if (command[0] != 0x80)
        return status(0x6E00); // gen1 rejects CLA 00, which keeps ISO probes harmless
    switch (command[1]) {
    case 0xA4:
        return select(command);
    case 0xB0:
        return readBinary(command);
    default:
        return status(0x6D00);
    }
}

Reply MoicaGen1Card::verify()
{
    const std::uint16_t sw = pin_.burn();
    Reply r = status(sw);
    r.events.push_back(
        std::string(
            "VERIFY refused: HiCOS takes its PIN through the vendor's transport; tries left ")
        + std::to_string(pin_.left()) + (pin_.blocked() ? " (blocked)" : ""));
    return r;
}

Reply MoicaGen1Card::select(ByteView command)
{
    smartcard::CommandApdu c;
    try {
        c = smartcard::CommandApdu::parse(command);
    } catch (const std::exception&) {
        return status(0x6700);
    }
    if (c.p1 != 0x00 || c.p2 != 0x00)
        return status(0x6A86);
    if (c.data.size() != 2)
        return status(0x6700);
    const auto fid = static_cast<std::uint16_t>(c.data[0] << 8 | c.data[1]);
    return status(fs_.selectFid(fid) ? 0x9000 : 0x6A82); // no FCP, like the real card
}

Reply MoicaGen1Card::readBinary(ByteView command)
{
    smartcard::CommandApdu c;
    try {
        c = smartcard::CommandApdu::parse(command);
    } catch (const std::exception&) {
        return status(0x6700);
    }
    if (!c.le || *c.le > maxReadLength || !c.data.empty())
        return status(0x6700); // the real card is read in chunks of at most 200 bytes
    if (c.p1 & 0x80)
        return status(0x6A86);
    const ReadResult r = fs_.readBinary(static_cast<std::size_t>(c.p1 << 8 | c.p2), *c.le);
    return withData(r.data, r.sw);
}

} // namespace virtualcard
