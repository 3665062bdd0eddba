#include "pkcs15_object.hpp"

#include <utility>

namespace smartcard {

using namespace pkcs15detail;

bool PinEntry::needsPadding() const
{
    return (pinFlags & NeedsPadding) != 0;
}

bool PinEntry::isLocal() const
{
    return (pinFlags & Local) != 0;
}

bool PinEntry::isUnblockingPin() const
{
    return (pinFlags & UnblockingPin) != 0;
}

namespace {

// PIN lengths are bytes on a card; this only guards the int conversion.
constexpr std::int64_t maxPinLength = 0xFFFF;

std::optional<PinEntry> parsePin(const Tlv& object)
{
    const ObjectParts parts = splitObject(object);
    PinEntry entry;
    entry.label = parts.common.label;

    // CommonAuthenticationObjectAttributes ::= SEQUENCE { authId, ... }: the PIN's own id.
    // (CommonObjectAttributes.authId of a PIN names the PIN that unblocks it.)
    DerReader common = parts.classAttributes.children();
    entry.authId = derOctets(common.expect(dertag::OctetString, "authId"));

    // PinAttributes ::= SEQUENCE { pinFlags, pinType, minLength, storedLength,
    //     maxLength OPTIONAL, pinReference [0] OPTIONAL, padChar OPTIONAL,
    //     lastPinChange OPTIONAL, path OPTIONAL, ... }
    if (parts.typeAttributes.tag != dertag::Sequence)
        malformed("PinAttributes is not a SEQUENCE");
    DerReader pin = parts.typeAttributes.children();
    entry.pinFlags = derBitString(pin.expect(dertag::BitString, "pinFlags"));
    const std::int64_t pinType = derInteger(pin.expect(dertag::Enumerated, "pinType"));
    entry.minLength = static_cast<int>(
        boundedInteger(pin.expect(dertag::Integer, "minLength"), maxPinLength, "minLength"));
    entry.storedLength = static_cast<int>(
        boundedInteger(pin.expect(dertag::Integer, "storedLength"), maxPinLength, "storedLength"));
    if (auto maxLength = pin.nextIf(dertag::Integer))
        entry.maxLength = static_cast<int>(boundedInteger(*maxLength, maxPinLength, "maxLength"));
    if (auto reference = pin.nextIf(dertag::context(0)))
        entry.reference = referenceValue(*reference);
    if (auto padChar = pin.nextIf(dertag::OctetString)) {
        if (padChar->value.size() != 1)
            malformed("padChar is not one byte");
        entry.padChar = padChar->value[0];
    }
    pin.nextIf(dertag::GeneralizedTime);
    if (auto path = pin.nextIf(dertag::Sequence))
        entry.path = parsePath(*path);

    // An encoding added after PinType's extension marker: the PIN could not be presented.
    if (pinType < 0 || pinType > static_cast<std::int64_t>(PinType::Iso9564_1))
        return std::nullopt;
    entry.type = static_cast<PinType>(pinType);
    return entry;
}

} // namespace

std::vector<PinEntry> parseAodf(ByteView file)
{
    std::vector<PinEntry> entries;
    DerReader reader = directoryReader(file);
    while (!reader.atEnd()) {
        const Tlv object = reader.next();
        if (object.tag == dertag::Sequence) {
            if (auto entry = parsePin(object))
                entries.push_back(std::move(*entry));
        } else if (!isContextTag(object.tag)) { // [0] biometric, [1] authKey, [2] external
            malformed("unexpected element in AODF");
        }
    }
    return entries;
}

} // namespace smartcard
