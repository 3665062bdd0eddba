#include "model/eid_card.hpp"

#include "model/atr.hpp"
#include "model/eid_pkcs15.hpp"
#include "smartcard/apdu.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace virtualcard {

namespace {

// DigestInfo prefix of SHA-256 (PKCS#1 v2.2 §9.2 note 1); a 32-byte hash follows.
const Bytes sha256Prefix
    = smartcard::fromHex("30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20");
constexpr std::size_t sha256DigestInfoLength = 51;

Bytes fcp(const FileNode& node)
{
    const std::uint8_t fid[]
        = { static_cast<std::uint8_t>(node.fid >> 8), static_cast<std::uint8_t>(node.fid) };
    Bytes body;
    if (!node.dedicated) {
        const std::size_t n = node.content.size();
        const std::uint8_t size[]
            = { static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n) };
        body = smartcard::concat({ Bytes { 0x80, 0x02 }, size, Bytes { 0x82, 0x01, 0x01 } });
    } else {
        body = { 0x82, 0x01, 0x38 };
    }
    body = smartcard::concat({ body, Bytes { 0x83, 0x02 }, fid });
    if (!node.aid.empty())
        body = smartcard::concat(
            { body, Bytes { 0x84, static_cast<std::uint8_t>(node.aid.size()) }, node.aid });
    const auto length = static_cast<std::uint8_t>(body.size());
    return smartcard::concat({ Bytes { 0x62, length }, body });
}

} // namespace

EidCard::EidCard(const EidConfig& config, RsaKey signingKey)
    : atr_(atr::isoEid())
    , pin_(config.tries)
    , key_(std::move(signingKey))
    , wrongLe6c_(config.wrongLe6c)
{
    if (config.pin.empty() || config.pin.size() > eid::storedPinLength)
        throw std::invalid_argument("iso-eid PIN must be 1..8 characters");
    paddedPin_.assign(config.pin.begin(), config.pin.end());
    paddedPin_.resize(eid::storedPinLength, 0xFF);

    fs_.addEf(fs_.mf(), 0x2F00, eid::efDir());
    FileNode& app = fs_.addDf(fs_.mf(), eid::appDf, eid::pkcs15Aid());
    fs_.addEf(app, eid::odfFid, eid::odf());
    fs_.addEf(app, eid::tokenInfoFid, eid::tokenInfo(config.serialNumber, config.manufacturer));
    fs_.addEf(app, eid::aodfFid, eid::aodf(config.utf8Pin));
    fs_.addEf(app, eid::prkdfFid, eid::prkdf(key_.bits()));
    fs_.addEf(app, eid::cdfFid, eid::cdf());
    fs_.addEf(app, eid::signCertFid, config.signCertificate);
    fs_.addEf(app, eid::caCertFid, config.caCertificate);
}

void EidCard::endSession()
{
    pin_.endSession();
    keySelected_ = false;
    fs_.resetSelection();
}

Reply EidCard::process(ByteView command)
{
    if (isYankHook(command, true))
        return yank();
    smartcard::CommandApdu c;
    try {
        c = smartcard::CommandApdu::parse(command);
    } catch (const std::exception&) {
        return status(0x6700);
    }
    if (c.cla != 0x00)
        return status(0x6E00);
    switch (c.ins) {
    case 0xA4:
        return select(c);
    case 0xB0:
        return readBinary(c);
    case 0x20:
        return verify(c);
    case 0x22:
        return manageSecurityEnvironment(c);
    case 0x2A:
        return computeSignature(c);
    default:
        return status(0x6D00);
    }
}

Reply EidCard::select(const smartcard::CommandApdu& c)
{
    if (c.p2 != 0x00 && c.p2 != 0x04 && c.p2 != 0x0C)
        return status(0x6A86);
    const FileNode* node = nullptr;
    switch (c.p1) {
    case 0x00:
        if (c.data.empty())
            node = fs_.selectFid(FileSystem::mfId);
        else if (c.data.size() == 2)
            node = fs_.selectFid(static_cast<std::uint16_t>(c.data[0] << 8 | c.data[1]));
        else
            return status(0x6A87);
        break;
    case 0x04:
        node = fs_.selectAid(c.data);
        break;
    case 0x08:
    case 0x09:
        if (c.data.empty() || c.data.size() % 2 != 0)
            return status(0x6A87);
        node = fs_.selectPath(c.data, c.p1 == 0x08);
        break;
    default:
        return status(0x6A86);
    }
    if (!node)
        return status(0x6A82);
    if (c.p2 == 0x0C)
        return status(0x9000);
    return withData(fcp(*node));
}

Reply EidCard::readBinary(const smartcard::CommandApdu& c)
{
    if (c.p1 & 0x80)
        return status(0x6A81); // short EF identifiers are not supported
    if (!c.le || !c.data.empty())
        return status(0x6700);
    const std::size_t offset = static_cast<std::size_t>(c.p1 << 8 | c.p2);
    const FileNode* ef = fs_.currentEf();
    if (wrongLe6c_ && ef && ef->readable && ef->content.size() < 256
        && offset < ef->content.size()) {
        const std::size_t exact = ef->content.size() - offset;
        if (*c.le != exact) {
            Reply r = status(static_cast<std::uint16_t>(0x6C00 | exact));
            r.events.push_back("READ BINARY: Le " + std::to_string(*c.le) + " is not the exact "
                + std::to_string(exact) + ", answering 6C");
            return r;
        }
    }
    const ReadResult r = fs_.readBinary(offset, *c.le);
    return withData(r.data, r.sw);
}

Reply EidCard::verify(const smartcard::CommandApdu& c)
{
    if (c.p1 != 0x00)
        return status(0x6A86);
    if (c.p2 != eid::pinReference)
        return status(0x6A88); // no such PIN
    Reply r;
    if (c.data.empty()) {
        r = status(pin_.status());
        r.events.push_back(
            "VERIFY status query: " + std::string(pin_.verified() ? "verified" : "not verified")
            + "; tries left " + std::to_string(pin_.left()));
        return r;
    }
    if (c.data.size() != eid::storedPinLength) {
        r = status(0x6700);
        r.events.push_back("VERIFY refused: " + std::to_string(c.data.size()) + " bytes, expected "
            + std::to_string(eid::storedPinLength) + "; no try used; tries left "
            + std::to_string(pin_.left()));
        return r;
    }
    const bool wasBlocked = pin_.blocked();
    const bool match = std::ranges::equal(c.data, paddedPin_);
    r = status(pin_.verify(match));
    if (wasBlocked)
        r.events.push_back("VERIFY refused: PIN blocked");
    else if (match)
        r.events.push_back("VERIFY ok; tries reset to " + std::to_string(pin_.left()));
    else
        r.events.push_back("VERIFY wrong PIN; tries left " + std::to_string(pin_.left())
            + (pin_.blocked() ? " (now blocked)" : ""));
    return r;
}

Reply EidCard::manageSecurityEnvironment(const smartcard::CommandApdu& c)
{
    if (c.p1 != 0x41 || c.p2 != 0xB6)
        return status(0x6A86);
    // Control reference template: simple one-byte-length TLVs (80 algorithm, 84 key reference).
    std::optional<std::uint8_t> keyRef;
    for (std::size_t i = 0; i < c.data.size();) {
        if (i + 2 > c.data.size() || i + 2 + c.data[i + 1] > c.data.size())
            return status(0x6A80);
        const std::uint8_t tag = c.data[i];
        const std::size_t len = c.data[i + 1];
        if (tag == 0x84 && len == 1)
            keyRef = c.data[i + 2];
        i += 2 + len;
    }
    if (keyRef != eid::signKeyReference) {
        keySelected_ = false;
        return status(0x6A88);
    }
    keySelected_ = true;
    return status(0x9000);
}

Reply EidCard::computeSignature(const smartcard::CommandApdu& c)
{
    if (c.p1 != 0x9E || c.p2 != 0x9A)
        return status(0x6A86);
    if (!pin_.verified())
        return status(0x6982);
    if (!keySelected_)
        return status(0x6985);
    if (c.data.size() != sha256DigestInfoLength
        || !std::equal(sha256Prefix.begin(), sha256Prefix.end(), c.data.begin()))
        return status(0x6A80);
    Reply r = withData(key_.sign(c.data));
    r.signature = true;
    r.events.push_back("PSO: COMPUTE DIGITAL SIGNATURE with key 02");
    return r;
}

} // namespace virtualcard
