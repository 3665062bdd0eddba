#pragma once

#include "smartcard/bytes.hpp"
#include "smartcard/cardkind.hpp"
#include "smartcard/certificate_facts.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smartcard {

struct CardCertificate {
    Bytes der;
    CertUsage usage = CertUsage::Other;
    std::string label; // as the card's directory names it (not trusted for usage)
    Bytes id; // PKCS#15 iD, links a certificate to its private key
};

/// 健保卡 basic data. Dates are ROC yyyMMdd as the card stores them.
struct NhiBasicData {
    std::string cardNumber;
    std::string name; // UTF-8 (the card stores Big5)
    std::string idNumber;
    std::string birthDate;
    std::string sex; // "M" or "F"
    std::string issueDate;
};

/// Why one certificate was taken as the one that signs the login.
enum class SigningChoice {
    None, // no certificate on the card is for signing
    Only, // exactly one is
    ByObjectId, // several are; the one whose PKCS#15 iD is "SIGN" (HiCOS' own name for it)
    FirstOfSeveral, // several are and none is named "SIGN": the first in the card's directory
};
std::string_view signingChoiceName(SigningChoice choice) noexcept; // "none", "only", ...

/// Everything the read side learns from one card.
struct CardInfo {
    std::string reader;
    Bytes atr;
    CardKind kind = CardKind::Unknown;
    std::string atrDescription; // from the ATR table, when it knows the ATR
    std::string version; // HiCOS version file ("CHT V32N"), when there is one
    std::optional<HicosGeneration> hicosGeneration; // HiCOS cards (MOICA and GCA) only
    std::string cardNumber; // HiCOS 0900/0903, PKCS#15 TokenInfo serial, or the NHI card number
    std::vector<CardCertificate> certificates;
    std::optional<NhiBasicData> nhi;
    bool certificatesFromCache = false;
    std::size_t certificateBytesRead = 0; // certificate bytes fetched from the card this time

    /// The certificate whose key signs the login: among those for signing, the one named "SIGN"
    /// first (gen2 cards are seen with a second, "SIGN02"), else the first.
    const CardCertificate* signingCertificate() const;
    SigningChoice signingChoice() const;
};

} // namespace smartcard
