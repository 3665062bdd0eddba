// The HiCOS read path against the faithful card models: gen2 under its applet, the faithful and
// the shuffled gen1 layouts, directory files longer than one READ BINARY, the choice of the
// signing certificate, and recognition that never lets a HiCOS card near a plain VERIFY.
#include "model/eid_card.hpp"
#include "model/moica_card.hpp"
#include "model/pki_files.hpp"
#include "model_transport.hpp"
#include "smartcard/card_reader.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/hicos_card.hpp"
#include "smartcard/iso_token.hpp"

#include <catch2/catch.hpp>

using namespace smartcard;
using testsupport::ModelTransport;
using testsupport::testPki;

namespace {

// A T=1 ATR no table knows, with a valid check byte.
const Bytes unknownAtr = fromHex("3B 88 80 01 53 51 52 55 4E 4B 4E 57 10");

virtualcard::MoicaConfig config(virtualcard::hicos::Layout layout)
{
    virtualcard::MoicaConfig c;
    c.certificates.root = virtualcard::readCertificate(testPki(), "grca");
    c.certificates.ca = virtualcard::readCertificate(testPki(), "moica-ca");
    c.certificates.encryption = virtualcard::readCertificate(testPki(), "citizen-enc");
    c.certificates.signature = virtualcard::readCertificate(testPki(), "citizen-sign");
    c.layout = layout;
    c.cardNumber = "TP03000000067890";
    return c;
}

enum class Model { Gen1, Gen1Shuffled, Gen2, Gen2Contactless };

std::unique_ptr<virtualcard::Card> make(Model model, virtualcard::MoicaConfig c)
{
    switch (model) {
    case Model::Gen1:
        return std::make_unique<virtualcard::MoicaGen1Card>(c);
    case Model::Gen1Shuffled:
        c.layout = virtualcard::hicos::Layout::Shuffled;
        return std::make_unique<virtualcard::MoicaGen1Card>(c);
    case Model::Gen2Contactless:
        c.contactless = true;
        [[fallthrough]];
    case Model::Gen2:
        break;
    }
    return std::make_unique<virtualcard::MoicaGen2Card>(c);
}

const char* nameOf(Model model)
{
    switch (model) {
    case Model::Gen1:
        return "moica-gen1";
    case Model::Gen1Shuffled:
        return "moica-gen1-shuffled";
    case Model::Gen2:
        return "moica-gen2";
    case Model::Gen2Contactless:
        break;
    }
    return "moica-gen2 (contactless)";
}

CardKind kindOf(Model model)
{
    return model == Model::Gen1 || model == Model::Gen1Shuffled ? CardKind::MoicaGen1
                                                                : CardKind::MoicaGen2;
}

} // namespace

TEST_CASE("every HiCOS model gives its four certificates byte for byte", "[reading][hicos]")
{
    const Model model
        = GENERATE(Model::Gen1, Model::Gen1Shuffled, Model::Gen2, Model::Gen2Contactless);
    INFO(nameOf(model));
    const auto c = config(virtualcard::hicos::Layout::Faithful);
    const auto card = make(model, c);
    ModelTransport transport(*card);
    ApduChannel channel(transport);
    const CardInfo info = readCardInfo(channel, "model", card->atr());

    CHECK(info.kind == kindOf(model));
    REQUIRE(info.hicosGeneration);
    CHECK(*info.hicosGeneration
        == (kindOf(model) == CardKind::MoicaGen1 ? HicosGeneration::Gen1 : HicosGeneration::Gen2));
    CHECK(info.cardNumber == "TP03000000067890");
    CHECK(info.version == "CHT V32N");
    REQUIRE(info.certificates.size() == 4);
    const auto has = [&](const Bytes& der, CertUsage usage) {
        return std::ranges::any_of(info.certificates,
            [&](const CardCertificate& cert) { return cert.der == der && cert.usage == usage; });
    };
    CHECK(has(c.certificates.signature, CertUsage::Signing));
    CHECK(has(c.certificates.encryption, CertUsage::Encryption));
    CHECK(has(c.certificates.ca, CertUsage::CertificateAuthority));
    CHECK(has(c.certificates.root, CertUsage::CertificateAuthority));
    REQUIRE(info.signingCertificate());
    CHECK(info.signingCertificate()->der == c.certificates.signature);
    CHECK(info.signingChoice() == SigningChoice::Only);
    CHECK(transport.verifies() == 0);
    CHECK(card->pin().left() == 3);
}

TEST_CASE("a HiCOS CDF longer than one 200-byte chunk is read to its end", "[reading][hicos]")
{
    const Model model = GENERATE(Model::Gen1, Model::Gen2);
    INFO(nameOf(model));
    const auto card = make(model, config(virtualcard::hicos::Layout::Faithful));
    ModelTransport transport(*card);
    ApduChannel channel(transport);
    REQUIRE(readCardInfo(channel, "model", card->atr()).certificates.size() == 4);

    HicosCard hicos(channel,
        kindOf(model) == CardKind::MoicaGen1 ? HicosGeneration::Gen1 : HicosGeneration::Gen2);
    const Bytes cdf = hicos.readDirectory(HicosCard::Directory::Certificates);
    // Subject, issuer and serial in every entry: several chunks, not one.
    CHECK(cdf.size() > 3 * 0xC8);
    const auto entries = parseCdf(cdf);
    REQUIRE(entries.size() == 4);
    CHECK(entries.front().id == Bytes { 'S', 'I', 'G', 'N' });
    const Bytes prkdf = hicos.readDirectory(HicosCard::Directory::PrivateKeys);
    const auto keys = parsePrkdf(prkdf);
    REQUIRE(keys.size() == 2);
    CHECK(keys.front().id == Bytes { 'S', 'I', 'G', 'N' });
    CHECK(keys.front().keyReference == 1);
}

TEST_CASE("a directory file whose records fill it up to the length trailer", "[reading][hicos]")
{
    // 7 records of 30 bytes = 210 bytes in a 212-byte file: no padding to stop at.
    Bytes content;
    for (int i = 0; i < 7; ++i) {
        content.push_back(0x30);
        content.push_back(28);
        content.insert(content.end(), 28, static_cast<std::uint8_t>(0x41 + i));
    }
    Bytes file = content;
    file.push_back(static_cast<std::uint8_t>(content.size()));
    file.push_back(0x00);
    CHECK(directoryContentEnd(ByteView(file).first(200)) == std::nullopt);
    CHECK(directoryContentEnd(file) == std::nullopt);
    CHECK(directoryContentLength(file) == content.size());
    // With padding, the end is found as soon as a chunk reaches it.
    Bytes padded = content;
    padded.resize(400, 0x00);
    CHECK(directoryContentEnd(ByteView(padded).first(0xC8)) == std::nullopt);
    CHECK(directoryContentEnd(ByteView(padded).first(2 * 0xC8)) == content.size());
    // A broken header is an error, not "read more".
    CHECK_THROWS_AS(directoryContentEnd(fromHex("30 80 00")), CardError);
}

TEST_CASE("with two signing certificates, the one named SIGN signs", "[reading][hicos]")
{
    auto c = config(virtualcard::hicos::Layout::Faithful);
    c.certificates.secondSignature = virtualcard::readCertificate(testPki(), "agency-sign");
    virtualcard::MoicaGen2Card card(c);
    ModelTransport transport(card);
    ApduChannel channel(transport);
    const CardInfo info = readCardInfo(channel, "model", card.atr());
    REQUIRE(info.certificates.size() == 5);
    // SIGN02 comes first on the card, so "the first signing certificate" would be the wrong one.
    CHECK(info.certificates.front().der == *c.certificates.secondSignature);
    REQUIRE(info.signingCertificate());
    CHECK(info.signingCertificate()->der == c.certificates.signature);
    CHECK(info.signingChoice() == SigningChoice::ByObjectId);
    CHECK(signingChoiceName(info.signingChoice()) == "object-id-SIGN");
}

TEST_CASE("behind an unknown ATR, HiCOS cards are still HiCOS and get no VERIFY",
    "[reading][recognition]")
{
    const Model model = GENERATE(Model::Gen1, Model::Gen1Shuffled, Model::Gen2);
    INFO(nameOf(model));
    auto c = config(virtualcard::hicos::Layout::Faithful);
    c.atr = unknownAtr;
    const auto card = make(model, c);
    ModelTransport transport(*card);
    ApduChannel channel(transport);
    const CardInfo info = readCardInfo(channel, "model", card->atr());
    CHECK(info.atrDescription.empty());
    CHECK(info.kind == kindOf(model));
    CHECK(info.certificates.size() == 4);
    CHECK(transport.verifies() == 0);
}

TEST_CASE(
    "a gen2 version file that refuses a large Le is read in 16-byte chunks", "[reading][hicos]")
{
    virtualcard::MoicaGen2Card card(config(virtualcard::hicos::Layout::Faithful));
    ModelTransport transport(card);
    ApduChannel channel(transport);
    HicosCard hicos(channel, HicosGeneration::Gen2);
    CHECK(hicos.readVersion() == "CHT V32N");
    CHECK(hicos.readCardNumber() == "TP03000000067890");
    const auto refused
        = std::ranges::count_if(transport.exchanges(), [](const ModelTransport::Exchange& x) {
              return x.answer == Bytes { 0x69, 0x87 };
          });
    CHECK(refused == 1); // once, then the chunk stays small
}

TEST_CASE("paths: 3F00 and 7FFF name the root, others start at DF 5030", "[reading][hicos]")
{
    struct Recorder final : ApduTransport {
        Bytes transmitRaw(ByteView command) override
        {
            seen.emplace_back(command.begin(), command.end());
            return { 0x62, 0x83 }; // a warning: still selected
        }
        std::vector<Bytes> seen;
    };
    Recorder card;
    ApduChannel channel(card);
    HicosCard gen2(channel, HicosGeneration::Gen2);
    gen2.selectPath(fromHex("7FFF 5030 08F2"));
    REQUIRE(card.seen.size() == 3);
    CHECK(card.seen[0]
        == fromHex("00 A4 04 0C 10 A0 00 00 02 83 00 00 06 22 01 69 64 00 01 01 01 00"));
    CHECK(card.seen[1] == fromHex("00 A4 00 04 02 50 30 00"));
    CHECK(card.seen[2] == fromHex("00 A4 00 04 02 08 F2 00"));
    card.seen.clear();
    gen2.selectPath(fromHex("08F2"));
    CHECK(card.seen.size() == 3);
    CHECK(card.seen[1] == fromHex("00 A4 00 04 02 50 30 00"));

    card.seen.clear();
    HicosCard gen1(channel, HicosGeneration::Gen1);
    gen1.selectPath(fromHex("3F00 5030 4104"));
    REQUIRE(card.seen.size() == 3);
    CHECK(card.seen[0] == fromHex("80 A4 00 00 02 3F 00"));
    CHECK(card.seen[2] == fromHex("80 A4 00 00 02 41 04"));
    CHECK_THROWS_AS(gen1.selectPath(fromHex("7FFF 5030")), CardError);
}

TEST_CASE("a PKCS#15 card that names Chunghwa Telecom never gets a VERIFY", "[reading][pkcs15]")
{
    const std::string manufacturer = GENERATE(std::string("Chunghwa Telecom Co., Ltd."),
        std::string("CHT"), std::string("HiCOS PKI"), std::string("中華電信"));
    INFO(manufacturer);
    virtualcard::EidConfig eid;
    eid.signCertificate = virtualcard::readCertificate(testPki(), "citizen-sign");
    eid.caCertificate = virtualcard::readCertificate(testPki(), "moica-ca");
    eid.manufacturer = manufacturer;
    virtualcard::EidCard card(
        eid, virtualcard::readMatchingKey(testPki(), "citizen-sign", eid.signCertificate));
    ModelTransport transport(card);
    const auto session = [&](const std::function<void(ApduChannel&)>& operation) {
        ApduChannel channel(transport);
        operation(channel);
    };
    try {
        IsoToken::open(session);
        FAIL("the token must not open");
    } catch (const CardError& e) {
        CHECK(e.code() == CardErrc::UnsupportedCard);
    }
    CHECK(transport.verifies() == 0);
    CHECK(card.pin().left() == 3);
}
