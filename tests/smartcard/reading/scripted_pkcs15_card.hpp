#pragma once

// A small PKCS#15 signature card whose directories the test writes: a different AODF (BCD PIN,
// another reference, a decoy SO PIN), a PrKDF with another key reference and a decoy key, and
// a CDF that lists a CA and an encryption certificate before the signing one. It accepts only
// exactly what its own directories say, so a client that hard-codes the emulator's eID card
// (PIN 81, ASCII, key 02) fails against it.

#include "model/card.hpp"
#include "model/der.hpp"
#include "model/file_system.hpp"
#include "model/rsa_key.hpp"
#include "smartcard/apdu.hpp"

#include <algorithm>
#include <optional>

namespace testsupport {

namespace der = virtualcard::der;
using smartcard::Bytes;
using smartcard::ByteView;

struct ScriptedLayout {
    Bytes aodf;
    Bytes prkdf;
    Bytes cdf;
    Bytes signCertificate; // EF 4C10
    Bytes encryptionCertificate; // EF 4C11
    Bytes caCertificate; // EF 4C12
    std::uint8_t pinReference = 0x02;
    Bytes pinBlock; // the only VERIFY data the card accepts
    Bytes mseData; // the only MSE:SET data the card accepts
};

namespace scripted {

enum PinFlag { initialized = 4, needsPadding = 5, soPin = 7 };
enum KeyUsage { usageDecrypt = 1, usageSign = 2, usageNonRepudiation = 9 };

inline Bytes path(std::string_view hex)
{
    return der::sequence({ der::octetString(smartcard::fromHex(hex)) });
}

/// One pinAuthObj: PinAttributes { flags, type, min, stored, max, [0] reference, padChar }.
inline Bytes pin(std::string_view label, std::uint8_t authId, std::initializer_list<int> flags,
    int type, int minLength, int storedLength, int maxLength, int reference,
    std::optional<std::uint8_t> padChar)
{
    const Bytes pad = padChar ? der::octetString(Bytes { *padChar }) : Bytes {};
    const Bytes attributes = der::sequence({ der::namedBits(flags), der::enumerated(type),
        der::integer(minLength), der::integer(storedLength), der::integer(maxLength),
        der::integer(reference, 0x80), pad });
    return der::sequence({ der::sequence({ der::utf8String(label) }),
        der::sequence({ der::octetString(Bytes { authId }) }), der::context(1, { attributes }) });
}

/// One privateRSAKey: iD, usage, native, [keyReference], guarded by PIN `authId`.
inline Bytes rsaKey(std::string_view label, std::uint8_t id, std::initializer_list<int> usage,
    std::optional<int> keyReference, std::uint8_t authId)
{
    const Bytes reference = keyReference ? der::integer(*keyReference) : Bytes {};
    return der::sequence({
        der::sequence(
            { der::utf8String(label), der::namedBits({}), der::octetString(Bytes { authId }) }),
        der::sequence({ der::octetString(Bytes { id }), der::namedBits(usage), der::boolean(true),
            reference }),
        der::context(1, { der::sequence({ path("3F00 5015"), der::integer(2048) }) }),
    });
}

inline Bytes certificate(
    std::string_view label, std::uint8_t id, bool authority, std::string_view fid)
{
    Bytes classAttributes = authority
        ? der::sequence({ der::octetString(Bytes { id }), der::boolean(true) })
        : der::sequence({ der::octetString(Bytes { id }) });
    return der::sequence({ der::sequence({ der::utf8String(label) }), classAttributes,
        der::context(1, { der::sequence({ path(fid) }) }) });
}

} // namespace scripted

class ScriptedPkcs15Card final : public virtualcard::Card {
public:
    ScriptedPkcs15Card(ScriptedLayout layout, virtualcard::RsaKey key)
        : layout_(std::move(layout))
        , key_(std::move(key))
    {
        const Bytes aid = smartcard::fromHex("A0 00 00 00 63 50 4B 43 53 2D 31 35");
        auto& app = fs_.addDf(fs_.mf(), 0x5015, aid);
        // AODF and CDF relative to the application, the PrKDF absolute.
        fs_.addEf(app, 0x5031,
            smartcard::concat({ der::context(8, { scripted::path("4C01") }),
                der::context(0, { scripted::path("3F00 5015 4C02") }),
                der::context(4, { scripted::path("4C03") }) }));
        fs_.addEf(app, 0x4C01, layout_.aodf);
        fs_.addEf(app, 0x4C02, layout_.prkdf);
        fs_.addEf(app, 0x4C03, layout_.cdf);
        fs_.addEf(app, 0x4C10, layout_.signCertificate);
        fs_.addEf(app, 0x4C11, layout_.encryptionCertificate);
        fs_.addEf(app, 0x4C12, layout_.caCertificate);
    }

    const Bytes& atr() const override { return atr_; }
    void endSession() override
    {
        pin_.endSession();
        keySelected_ = false;
        fs_.resetSelection();
    }
    virtualcard::PinCounter& pin() override { return pin_; }

    virtualcard::Reply process(ByteView raw) override
    {
        smartcard::CommandApdu c;
        try {
            c = smartcard::CommandApdu::parse(raw);
        } catch (const std::exception&) {
            return virtualcard::status(0x6700);
        }
        switch (c.ins) {
        case 0xA4:
            return select(c);
        case 0xB0: {
            if (!c.le)
                return virtualcard::status(0x6700);
            const auto read = fs_.readBinary(static_cast<std::size_t>(c.p1 << 8 | c.p2), *c.le);
            return virtualcard::withData(read.data, read.sw);
        }
        case 0x20:
            return verify(c);
        case 0x22:
            keySelected_ = c.p1 == 0x41 && c.p2 == 0xB6 && c.data == layout_.mseData;
            return virtualcard::status(keySelected_ ? 0x9000 : 0x6A88);
        case 0x2A:
            if (!pin_.verified())
                return virtualcard::status(0x6982);
            if (!keySelected_)
                return virtualcard::status(0x6985);
            return virtualcard::withData(key_.sign(c.data));
        default:
            return virtualcard::status(0x6D00);
        }
    }

private:
    virtualcard::Reply select(const smartcard::CommandApdu& c)
    {
        const virtualcard::FileNode* node = nullptr;
        if (c.p1 == 0x04)
            node = fs_.selectAid(c.data);
        else if (c.p1 == 0x00 && c.data.empty())
            node = fs_.selectFid(virtualcard::FileSystem::mfId);
        else if (c.p1 == 0x00 && c.data.size() == 2)
            node = fs_.selectFid(static_cast<std::uint16_t>(c.data[0] << 8 | c.data[1]));
        else if (c.p1 == 0x08)
            node = fs_.selectPath(c.data, true);
        return virtualcard::status(node ? 0x9000 : 0x6A82);
    }

    virtualcard::Reply verify(const smartcard::CommandApdu& c)
    {
        if (c.p1 != 0x00 || c.p2 != layout_.pinReference)
            return virtualcard::status(0x6A88);
        if (c.data.empty())
            return virtualcard::status(pin_.status());
        if (c.data.size() != layout_.pinBlock.size())
            return virtualcard::status(0x6700);
        return virtualcard::status(pin_.verify(c.data == layout_.pinBlock));
    }

    ScriptedLayout layout_;
    virtualcard::RsaKey key_;
    virtualcard::FileSystem fs_;
    virtualcard::PinCounter pin_ { 3 };
    Bytes atr_ = smartcard::fromHex("3B 80 80 01 01");
    bool keySelected_ = false;
};

} // namespace testsupport
