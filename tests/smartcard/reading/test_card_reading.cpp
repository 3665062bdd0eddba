// The read side (recognition, HiCOS, PKCS#15, NHI, cache) against the emulator's card models.
#include "model/eid_card.hpp"
#include "model/moica_card.hpp"
#include "model/nhi_card.hpp"
#include "model/pki_files.hpp"
#include "model_transport.hpp"
#include "smartcard/card_reader.hpp"
#include "smartcard/errors.hpp"

#include <catch2/catch.hpp>

using namespace smartcard;
using testsupport::ModelTransport;
using testsupport::testPki;

namespace {

virtualcard::MoicaConfig moicaConfig(bool agency = false)
{
    virtualcard::MoicaConfig config;
    config.certificates.root = virtualcard::readCertificate(testPki(), "grca");
    config.certificates.ca
        = virtualcard::readCertificate(testPki(), agency ? "gca-ca" : "moica-ca");
    config.certificates.encryption = virtualcard::readCertificate(testPki(), "citizen-enc");
    config.certificates.signature
        = virtualcard::readCertificate(testPki(), agency ? "agency-sign" : "citizen-sign");
    return config;
}

CardInfo read(virtualcard::Card& card, ModelTransport& transport, CertificateCache* cache = nullptr)
{
    ApduChannel channel(transport);
    return readCardInfo(channel, "model", card.atr(), cache);
}

/// A card that understands nothing we send.
class MuteCard final : public ApduTransport {
public:
    Bytes transmitRaw(ByteView command) override
    {
        seen.emplace_back(command.begin(), command.end());
        return { 0x6D, 0x00 };
    }
    std::vector<Bytes> seen;
};

} // namespace

TEST_CASE("a HiCOS gen1 card is recognised and read without a VERIFY", "[reading][hicos]")
{
    virtualcard::MoicaGen1Card card(moicaConfig());
    ModelTransport transport(card);
    const CardInfo info = read(card, transport);

    CHECK(info.kind == CardKind::MoicaGen1);
    CHECK(info.version.starts_with("CHT V32N"));
    CHECK(info.cardNumber == "TP03000000012345");
    CHECK(info.atrDescription == "citizen digital certificate (PKI)");
    REQUIRE(info.certificates.size() == 4);
    CHECK(transport.verifies() == 0);
    CHECK(card.pin().left() == 3);

    // Classified by content: the CDF's labels ("cert1", "cert2") say nothing about usage.
    const auto config = moicaConfig();
    for (const auto& cert : info.certificates) {
        if (cert.der == config.certificates.signature)
            CHECK(cert.usage == CertUsage::Signing);
        else if (cert.der == config.certificates.encryption)
            CHECK(cert.usage == CertUsage::Encryption);
        else
            CHECK(cert.usage == CertUsage::CertificateAuthority);
    }
    REQUIRE(info.signingCertificate());
    CHECK(info.signingCertificate()->der == config.certificates.signature);
    CHECK(info.certificateBytesRead
        == config.certificates.root.size() + config.certificates.ca.size()
            + config.certificates.encryption.size() + config.certificates.signature.size());
}

TEST_CASE("HiCOS certificates are read in chunks of at most 200 bytes", "[reading][hicos]")
{
    // The model answers 6700 to any READ BINARY asking for more than 0xC8 bytes.
    virtualcard::MoicaGen1Card card(moicaConfig());
    std::size_t largest = 0;
    class Spy final : public ApduTransport {
    public:
        Spy(ModelTransport& inner, std::size_t& largest)
            : inner_(inner)
            , largest_(largest)
        { }
        Bytes transmitRaw(ByteView command) override
        {
            if (command.size() == 5 && command[1] == 0xB0)
                largest_ = std::max<std::size_t>(largest_, command[4] == 0 ? 256 : command[4]);
            return inner_.transmitRaw(command);
        }

    private:
        ModelTransport& inner_;
        std::size_t& largest_;
    };
    ModelTransport transport(card);
    Spy spy(transport, largest);
    ApduChannel channel(spy);
    const auto info = readCardInfo(channel, "model", card.atr());
    CHECK(info.certificates.size() == 4);
    CHECK(largest <= 0xC8);
}

TEST_CASE("a HiCOS card holding GCA certificates is an agency card", "[reading][hicos]")
{
    virtualcard::MoicaGen1Card card(moicaConfig(true));
    ModelTransport transport(card);
    const CardInfo info = read(card, transport);
    CHECK(info.kind == CardKind::Gca);
    REQUIRE(info.signingCertificate());
}

TEST_CASE("a PKCS#15 card is read through its ODF, CDF and paths", "[reading][pkcs15]")
{
    const bool wrongLe = GENERATE(false, true);
    virtualcard::EidConfig config;
    config.signCertificate = virtualcard::readCertificate(testPki(), "citizen-sign");
    config.caCertificate = virtualcard::readCertificate(testPki(), "moica-ca");
    config.wrongLe6c = wrongLe;
    virtualcard::EidCard card(
        config, virtualcard::readMatchingKey(testPki(), "citizen-sign", config.signCertificate));
    ModelTransport transport(card);
    const CardInfo info = read(card, transport);
    CHECK(info.kind == CardKind::IsoEid);
    CHECK(info.cardNumber == "TP03000000012345");
    REQUIRE(info.certificates.size() == 2);
    REQUIRE(info.signingCertificate());
    CHECK(info.signingCertificate()->der == config.signCertificate);
    CHECK(transport.verifies() == 0);
    CHECK(card.pin().left() == 3);
}

TEST_CASE("an NHI card's basic data is read", "[reading][nhi]")
{
    virtualcard::nhi::Holder holder;
    holder.nameUtf8 = "陳美麗";
    virtualcard::NhiCard card(holder, 3);
    ModelTransport transport(card);
    const CardInfo info = read(card, transport);
    CHECK(info.kind == CardKind::Nhi);
    REQUIRE(info.nhi);
    CHECK(info.nhi->name == "陳美麗");
    CHECK(info.nhi->idNumber == "A123456789");
    CHECK(info.cardNumber == "000012345678");
}

TEST_CASE("the ATR decides the probe order, never the kind", "[reading][recognition]")
{
    // A PKCS#15 card that presents an NHI ATR is still recognised by what it answers.
    virtualcard::EidConfig config;
    config.signCertificate = virtualcard::readCertificate(testPki(), "citizen-sign");
    config.caCertificate = virtualcard::readCertificate(testPki(), "moica-ca");
    virtualcard::EidCard card(
        config, virtualcard::readMatchingKey(testPki(), "citizen-sign", config.signCertificate));
    ModelTransport transport(card);
    ApduChannel channel(transport);
    const Bytes nhiAtr = fromHex("3BFA1800008131FE4550564A434F50345349 4493");
    const CardInfo info = readCardInfo(channel, "model", nhiAtr);
    CHECK(info.kind == CardKind::IsoEid);
    CHECK(info.atrDescription == "National Health Insurance Card, Taiwan");
}

TEST_CASE(
    "a card that answers nothing we know is unknown, after SELECTs only", "[reading][recognition]")
{
    MuteCard card;
    ApduChannel channel(card);
    const CardInfo info
        = readCardInfo(channel, "model", fromHex("3B8F8001804F0CA0000003060300030000000068"));
    CHECK(info.kind == CardKind::Unknown);
    CHECK(info.certificates.empty());
    for (const auto& command : card.seen) {
        INFO(toHex(command, " "));
        CHECK((command[1] == 0xA4 || command[1] == 0xB0)); // SELECT / READ BINARY, never VERIFY
    }
}

TEST_CASE("a second read of the same card comes from the cache", "[reading][cache]")
{
    virtualcard::MoicaGen1Card card(moicaConfig());
    MemoryCertificateCache cache;
    ModelTransport first(card);
    const CardInfo one = read(card, first, &cache);
    ModelTransport second(card);
    const CardInfo two = read(card, second, &cache);
    CHECK_FALSE(one.certificatesFromCache);
    CHECK(two.certificatesFromCache);
    CHECK(two.certificateBytesRead == 0);
    CHECK(second.count() + 20 < first.count()); // ~20 chunks of certificate bytes are not read
    REQUIRE(two.certificates.size() == one.certificates.size());
    for (std::size_t i = 0; i < one.certificates.size(); ++i) {
        CHECK(two.certificates[i].der == one.certificates[i].der);
        CHECK(two.certificates[i].usage == one.certificates[i].usage);
    }

    // Same card number, different certificates (a renewed card): the directory differs, so the
    // cache misses and the new certificates are read.
    virtualcard::MoicaGen1Card renewed(moicaConfig(true));
    ModelTransport third(renewed);
    const CardInfo three = read(renewed, third, &cache);
    CHECK_FALSE(three.certificatesFromCache);
    CHECK(three.kind == CardKind::Gca);
}

TEST_CASE("a card pulled in the middle of a read is a typed error", "[reading][errors]")
{
    virtualcard::MoicaGen1Card card(moicaConfig());
    class PullAfter final : public ApduTransport {
    public:
        PullAfter(ModelTransport& inner, std::size_t after)
            : inner_(inner)
            , after_(after)
        { }
        Bytes transmitRaw(ByteView command) override
        {
            if (++count_ >= after_)
                return {}; // what SCardTransmit returns when the card died mid-APDU
            return inner_.transmitRaw(command);
        }

    private:
        ModelTransport& inner_;
        std::size_t after_;
        std::size_t count_ = 0;
    };
    ModelTransport transport(card);
    const std::size_t after = GENERATE(1, 3, 8, 15, 25);
    PullAfter pulled(transport, after);
    ApduChannel channel(pulled);
    try {
        readCardInfo(channel, "model", card.atr());
        FAIL("a pulled card cannot be read");
    } catch (const CardError& e) {
        CHECK(e.code() == CardErrc::MalformedResponse);
    }
}
