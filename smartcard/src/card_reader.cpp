#include "smartcard/card_reader.hpp"

#include "smartcard/atr_table.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/file_reader.hpp"
#include "smartcard/hicos_card.hpp"
#include "smartcard/nhi_card.hpp"
#include "smartcard/pkcs15_card.hpp"
#include "smartcard/recognition.hpp"

#include <algorithm>
#include <functional>

namespace smartcard {

namespace {

using ReadOne = std::function<Bytes(const CertificateEntry&)>;

/// Fills info.certificates from the directory entries, from the cache when it knows this card.
/// Returns whether a holder's (non-CA) certificate was issued by the GCA: a 機關憑證.
bool loadCertificates(CardInfo& info, std::string_view family, ByteView directory,
    const std::vector<CertificateEntry>& entries, CertificateCache* cache, const ReadOne& readOne)
{
    const std::string key = CertificateCache::keyFor(family, info.cardNumber, directory);
    std::vector<Bytes> ders;
    if (cache && !info.cardNumber.empty()) {
        if (auto cached = cache->find(key); cached && cached->size() == entries.size()) {
            ders = std::move(*cached);
            info.certificatesFromCache = true;
        }
    }
    if (!info.certificatesFromCache) {
        for (const auto& entry : entries) {
            ders.push_back(readOne(entry));
            info.certificateBytesRead += ders.back().size();
        }
    }
    bool fromGca = false;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const CertificateFacts facts = inspectCertificate(ders[i]);
        fromGca = fromGca || (facts.usage != CertUsage::CertificateAuthority && facts.issuedByGca);
        info.certificates.push_back({ ders[i], facts.usage, entries[i].label, entries[i].id });
    }
    if (cache && !info.cardNumber.empty() && !info.certificatesFromCache)
        cache->store(key, ders);
    return fromGca;
}

void readHicos(CardInfo& info, ApduChannel& channel, CertificateCache* cache)
{
    const auto generation
        = info.kind == CardKind::MoicaGen2 ? HicosGeneration::Gen2 : HicosGeneration::Gen1;
    info.hicosGeneration = generation;
    HicosCard card(channel, generation);
    if (info.version.empty()) {
        try {
            info.version = card.readVersion(); // gen2: under the applet; shown, never relied on
        } catch (const CardError& e) {
            if (!e.isCardRefusal())
                throw;
        }
    }
    info.cardNumber = card.readCardNumber();
    const Bytes directory = card.readDirectory(HicosCard::Directory::Certificates);
    const auto entries = parseCdf(directory);
    const bool agencyCard = loadCertificates(info, "hicos", directory, entries, cache,
        [&card](const CertificateEntry& entry) { return card.readCertificate(entry); });
    if (agencyCard)
        info.kind = CardKind::Gca;
}

std::string serialText(const Bytes& serial)
{
    const bool printable = !serial.empty()
        && std::all_of(serial.begin(), serial.end(), [](auto b) { return b > 0x20 && b < 0x7F; });
    return printable ? std::string(serial.begin(), serial.end()) : toHex(serial);
}

void readPkcs15(CardInfo& info, ApduChannel& channel, CertificateCache* cache)
{
    Pkcs15Card card(channel);
    card.open();
    info.cardNumber = serialText(card.readTokenInfo().serialNumber);
    Bytes directory = card.readDirectory(OdfKind::Certificates);
    const Bytes trusted = card.readDirectory(OdfKind::TrustedCertificates);
    directory.insert(directory.end(), trusted.begin(), trusted.end());
    const auto entries = parseCdf(directory);
    loadCertificates(info, "pkcs15", directory, entries, cache,
        [&card](const CertificateEntry& entry) { return card.readCertificate(entry); });
}

} // namespace

namespace {

// HiCOS names the signing key's object "SIGN" (53 49 47 4E) in its CDF and PrKDF.
bool namedSign(const CardCertificate& cert)
{
    static const Bytes sign { 'S', 'I', 'G', 'N' };
    return cert.id == sign;
}

} // namespace

std::string_view signingChoiceName(SigningChoice choice) noexcept
{
    switch (choice) {
    case SigningChoice::Only:
        return "only";
    case SigningChoice::ByObjectId:
        return "object-id-SIGN";
    case SigningChoice::FirstOfSeveral:
        return "first-of-several";
    case SigningChoice::None:
        break;
    }
    return "none";
}

SigningChoice CardInfo::signingChoice() const
{
    const auto count = std::ranges::count_if(
        certificates, [](const CardCertificate& c) { return c.usage == CertUsage::Signing; });
    if (count == 0)
        return SigningChoice::None;
    if (count == 1)
        return SigningChoice::Only;
    const bool named = std::ranges::any_of(certificates,
        [](const CardCertificate& c) { return c.usage == CertUsage::Signing && namedSign(c); });
    return named ? SigningChoice::ByObjectId : SigningChoice::FirstOfSeveral;
}

const CardCertificate* CardInfo::signingCertificate() const
{
    const CardCertificate* first = nullptr;
    for (const auto& cert : certificates) {
        if (cert.usage != CertUsage::Signing)
            continue;
        if (namedSign(cert))
            return &cert;
        if (!first)
            first = &cert;
    }
    return first;
}

CardInfo readCardInfo(
    ApduChannel& channel, const std::string& reader, ByteView atr, CertificateCache* cache)
{
    CardInfo info;
    info.reader = reader;
    info.atr = normalisedAtr(atr);
    const Recognition recognition = recognizeCard(channel, info.atr);
    info.kind = recognition.kind;
    info.atrDescription = recognition.atrDescription;
    info.version = recognition.hicosVersion;

    switch (info.kind) {
    case CardKind::MoicaGen1:
    case CardKind::MoicaGen2:
        readHicos(info, channel, cache);
        break;
    case CardKind::IsoEid:
        readPkcs15(info, channel, cache);
        break;
    case CardKind::Nhi: {
        NhiCard card(channel);
        info.nhi = card.readBasicData();
        info.cardNumber = info.nhi->cardNumber;
        break;
    }
    case CardKind::Gca:
    case CardKind::Unknown:
        break;
    }
    return info;
}

} // namespace smartcard
