#include "smartcard/certificate_facts.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/iso_signing.hpp"
#include "smartcard/pkcs15_card.hpp"
#include "smartcard/vendor_marks.hpp"

#include <algorithm>

// Which certificate, key and PIN sign, found through the card's PKCS#15 directories: nothing
// here knows any particular card's references.

namespace smartcard {

namespace {

[[noreturn]] void unsupported(const std::string& why)
{
    throw CardError(CardErrc::UnsupportedCard, why);
}

// ISO 7816-4 references travel in one byte (P2, or a tag 84 value).
std::uint8_t referenceByte(std::optional<int> reference, const char* what)
{
    if (!reference)
        unsupported(std::string("the card's directory gives no ") + what);
    if (*reference < 0 || *reference > 0xFF)
        throw CardError(
            CardErrc::MalformedData, std::string("the ") + what + " does not fit in one byte");
    return static_cast<std::uint8_t>(*reference);
}

const PrivateKeyEntry* signingKeyFor(
    const CertificateEntry& cert, const std::vector<PrivateKeyEntry>& keys)
{
    if (cert.id.empty())
        return nullptr;
    const auto key = std::ranges::find_if(
        keys, [&](const PrivateKeyEntry& k) { return k.id == cert.id && k.canSign(); });
    return key == keys.end() ? nullptr : &*key;
}

// A HiCOS card that answers the PKCS#15 probes (gen1 lists a PKCS#15 application in EF.DIR)
// must still never get a plain VERIFY: it costs one of its three tries.
void refuseHicosCard(Pkcs15Card& card)
{
    const auto refuse = [](const std::string& where) {
        unsupported(
            where + " names Chunghwa Telecom (HiCOS): its PIN is never sent in a plain VERIFY");
    };
    for (const auto& label : card.readApplicationLabels())
        if (namesHicosVendor(label))
            refuse("the card's EF.DIR");
    try {
        const TokenInfo info = card.readTokenInfo();
        if (namesHicosVendor(info.manufacturer) || namesHicosVendor(info.label))
            refuse("the card's TokenInfo");
    } catch (const CardError& e) {
        if (!e.isCardRefusal())
            throw; // no TokenInfo to read is fine; a card that went away is not
    }
}

} // namespace

IsoSigningProfile readIsoSigningProfile(ApduChannel& channel)
{
    Pkcs15Card card(channel);
    card.open();
    refuseHicosCard(card);
    const auto keys = parsePrkdf(card.readDirectory(OdfKind::PrivateKeys));
    const auto certificates = parseCdf(card.readDirectory(OdfKind::Certificates));

    IsoSigningProfile profile;
    profile.applicationPath = card.applicationPath();
    const PrivateKeyEntry* key = nullptr;
    // The first certificate that is a signing certificate by its contents and has a key that
    // can sign; a certificate without such a key is not read at all.
    for (const auto& entry : certificates) {
        const PrivateKeyEntry* candidate = entry.authority ? nullptr : signingKeyFor(entry, keys);
        if (!candidate)
            continue;
        Bytes der = card.readCertificate(entry);
        if (inspectCertificate(der).usage != CertUsage::Signing)
            continue;
        profile.certificate = std::move(der);
        key = candidate;
        break;
    }
    if (!key)
        unsupported("no signing certificate with a private key that can sign");
    if (key->type != PrivateKeyEntry::Type::Rsa)
        unsupported("the signing key is not an RSA key");
    if (key->authId.empty())
        unsupported("the signing key names no PIN (authId)");
    profile.key = *key;
    profile.keyReference = referenceByte(key->keyReference, "key reference");

    const auto pins = parseAodf(card.readDirectory(OdfKind::AuthObjects));
    const auto pin
        = std::ranges::find_if(pins, [&](const PinEntry& p) { return p.authId == key->authId; });
    if (pin == pins.end())
        unsupported("the AODF has no PIN for the signing key");
    profile.pin = *pin;
    profile.pinReference = referenceByte(pin->reference, "PIN reference");
    return profile;
}

} // namespace smartcard
