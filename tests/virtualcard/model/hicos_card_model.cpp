#include "model/hicos_model_support.hpp"
#include "model/moica_card.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace virtualcard {

using hicos::infoDf;
using hicos::keyFile;
using hicos::parseCommand;
using hicos::pkiDf;

std::optional<smartcard::CommandApdu> hicos::parseCommand(ByteView command)
{
    try {
        return smartcard::CommandApdu::parse(command);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

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
            "a MOICA card number is 2 capital letters + 14 digits, got \"" + number + "\"");
}

Bytes versionFile()
{
    Bytes v(32, 0x00);
    constexpr std::string_view tag = "CHT V32N";
    std::copy(tag.begin(), tag.end(), v.begin());
    return v;
}

void checkPin(const std::string& pin)
{
    const bool ok = pin.size() >= 6 && pin.size() <= 8 && std::ranges::all_of(pin, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c));
    });
    if (!ok)
        throw std::invalid_argument("a MOICA PIN is 6 to 8 letters and digits");
}

} // namespace

HicosCardModel::HicosCardModel(const MoicaConfig& config, Bytes atr)
    : pin_(config.tries)
    , keys_(config.pin, config.signingKey,
          hicos::signKeyReference(hicos::slots(config.layout, config.certificates)))
    , atr_(config.atr.value_or(std::move(atr)))
{
    checkCardNumber(config.cardNumber);
    checkPin(config.pin);
}

bool HicosCardModel::keyFileSelected() const
{
    return fs_.currentEf() && fs_.currentEf()->fid == keyFile;
}

void HicosCardModel::addFiles(
    FileNode& parent, const MoicaConfig& config, hicos::Root root, const std::string& tokenSerial)
{
    FileNode& info = fs_.addDf(parent, infoDf);
    fs_.addEf(info, 0x0903, Bytes(config.cardNumber.begin(), config.cardNumber.end()));
    fs_.addEf(info, 0x0905, versionFile());

    const auto slots = hicos::slots(config.layout, config.certificates);
    FileNode& pki = fs_.addDf(parent, pkiDf);
    fs_.addEf(pki, 0x4100, hicos::directoryFile(hicos::prkdf(slots, root, config.bits)));
    fs_.addEf(pki, 0x4104, hicos::directoryFile(hicos::cdf(slots, root)));
    fs_.addEf(pki, 0x4108, hicos::directoryFile(hicos::aodf()));
    if (config.layout == hicos::Layout::Faithful) {
        fs_.addEf(pki, 0x4101, hicos::directoryFile(hicos::pukdf(slots, root, config.bits)));
        fs_.addEf(pki, 0x5032, hicos::directoryFile(hicos::tokenInfo(tokenSerial)));
    }
    fs_.addEf(pki, 0x08F2, hicos::certificateBlob(slots));
    fs_.addEf(pki, 0x0810, Bytes(129 * 4, 0x00), false); // key file: selectable, not readable
}

void HicosCardModel::endSession()
{
    pin_.endSession();
    fs_.resetSelection();
    keys_.reset();
}

Reply HicosCardModel::readBinary(ByteView command, std::uint8_t cla)
{
    const auto c = parseCommand(command);
    if (!c)
        return status(0x6700);
    if (c->cla != cla)
        return status(0x6E00);
    if (!c->le || *c->le > maxReadLength || !c->data.empty())
        return status(0x6700); // the real card is read in chunks of at most 200 bytes
    if (c->p1 & 0x80)
        return status(0x6A86);
    const ReadResult r = fs_.readBinary(static_cast<std::size_t>(c->p1 << 8 | c->p2), *c->le);
    return withData(r.data, r.sw);
}

Reply HicosCardModel::plainVerify()
{
    const std::uint16_t sw = pin_.burn();
    Reply r = status(sw);
    r.plainVerify = true;
    r.events.push_back(
        std::string("plain VERIFY refused: not in the HiCOS protected form; tries left ")
        + std::to_string(pin_.left()) + (pin_.blocked() ? " (blocked)" : ""));
    return r;
}

} // namespace virtualcard
