// HicosToken against the gen1 and gen2 card models, in-process: the protected VERIFY and the
// private-key operation sign so that the certificate verifies it, the card's own try counter
// drives the three-strike rules, no plain VERIFY ever leaves, and nothing is repeated.
#include "../card_error_checks.hpp"
#include "model/moica_card.hpp"
#include "model/pki_files.hpp"
#include "model_transport.hpp"
#include "rs256_verify.hpp"
#include "smartcard/card_reader.hpp"
#include "smartcard/hicos_token.hpp"

#include <catch2/catch.hpp>
#include <openssl/sha.h>

using namespace smartcard;
using cardchecks::errcOf;
using testsupport::testPki;

namespace {

const Bytes rightPin { 'A', 'b', '1', '2', 'c', 'D', '3', '4' };
const Bytes wrongPin { 'A', 'b', '1', '2', 'c', 'd', '3', '4' }; // one letter's case differs

struct Fixture {
    explicit Fixture(HicosGeneration generation)
    {
        virtualcard::MoicaConfig config;
        config.certificates.root = virtualcard::readCertificate(testPki(), "grca");
        config.certificates.ca = virtualcard::readCertificate(testPki(), "moica-ca");
        config.certificates.encryption = virtualcard::readCertificate(testPki(), "citizen-enc");
        config.certificates.signature = virtualcard::readCertificate(testPki(), "citizen-sign");
        config.signingKey = virtualcard::readMatchingKey(
            testPki(), "citizen-sign", config.certificates.signature);
        config.pin = std::string(rightPin.begin(), rightPin.end());
        if (generation == HicosGeneration::Gen1)
            card = std::make_unique<virtualcard::MoicaGen1Card>(config);
        else
            card = std::make_unique<virtualcard::MoicaGen2Card>(config);
        recorder = std::make_unique<testsupport::ModelTransport>(*card);
        const auto session = [this](const std::function<void(ApduChannel&)>& operation) {
            ApduChannel channel(*recorder);
            operation(channel);
        };
        // After each signing session the card is reset, as Pcsc::withCard does over PC/SC.
        const auto signing = [this](const std::function<void(ApduChannel&)>& operation) {
            ApduChannel channel(*recorder);
            try {
                operation(channel);
            } catch (...) {
                card->endSession();
                throw;
            }
            card->endSession();
        };
        ApduChannel channel(*recorder);
        info = readCardInfo(channel, "model", card->atr());
        REQUIRE(info.signingCertificate());
        token = HicosToken::open(session, signing, generation, *info.signingCertificate());
    }

    std::unique_ptr<virtualcard::Card> card;
    std::unique_ptr<testsupport::ModelTransport> recorder;
    CardInfo info;
    std::unique_ptr<HicosToken> token;
};

Bytes digestOf(std::string_view text)
{
    Bytes digest(SHA256_DIGEST_LENGTH);
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest.data());
    return digest;
}

const char* nameOf(HicosGeneration generation)
{
    return generation == HicosGeneration::Gen1 ? "gen1" : "gen2";
}

} // namespace

TEST_CASE("a HiCOS card signs the login directly, and the signature verifies", "[hicos][token]")
{
    const auto generation = GENERATE(HicosGeneration::Gen1, HicosGeneration::Gen2);
    INFO(nameOf(generation));
    Fixture f(generation);
    CHECK(f.token->profile().keyReference == 0x01);
    const PinState before = f.token->pinState();
    CHECK(before.minLength == 6);
    CHECK(before.maxLength == 8);
    CHECK(before.lettersAllowed);
    CHECK_FALSE(before.triesLeft); // no status query: unknown until the card answers a VERIFY
    CHECK(f.recorder->verifies() == 0);

    const Bytes digest = digestOf("hello");
    const Bytes signature
        = f.token->verifyAndSign(rightPin, digest, SignatureAlgorithm::RsaPkcs1Sha256, false);
    CHECK(signature.size() == 256);
    CHECK(testsupport::rs256Verifies(f.token->certificate(), digest, signature));
    CHECK(f.recorder->verifies() == 1);
    CHECK(f.recorder->plainVerifies() == 0);
    CHECK(f.card->pin().left() == 3);
}

TEST_CASE("three strikes on a HiCOS card, by the card's own count", "[hicos][token][pin]")
{
    const auto generation = GENERATE(HicosGeneration::Gen1, HicosGeneration::Gen2);
    INFO(nameOf(generation));
    Fixture f(generation);
    const Bytes digest = digestOf("login");

    CHECK(errcOf([&] {
        f.token->verifyAndSign(wrongPin, digest, SignatureAlgorithm::RsaPkcs1Sha256, false);
    }) == CardErrc::PinIncorrect);
    CHECK(f.token->pinState().triesLeft == 2);
    CHECK(f.token->pinState().source == PinSource::Card);
    CHECK(errcOf([&] {
        f.token->verifyAndSign(wrongPin, digest, SignatureAlgorithm::RsaPkcs1Sha256, false);
    }) == CardErrc::PinIncorrect);
    CHECK(f.token->pinState().triesLeft == 1);

    SECTION("the last try is not spent without confirmation, not even with the right PIN")
    {
        const auto sent = f.recorder->count();
        CHECK(errcOf([&] {
            f.token->verifyAndSign(rightPin, digest, SignatureAlgorithm::RsaPkcs1Sha256, false);
        }) == CardErrc::LastTryNeedsConfirmation);
        CHECK(f.recorder->count() == sent);
        CHECK(f.card->pin().left() == 1);
    }
    SECTION("a right PIN restores the count")
    {
        f.token->verifyAndSign(rightPin, digest, SignatureAlgorithm::RsaPkcs1Sha256, true);
        CHECK(f.card->pin().left() == 3);
        CHECK_FALSE(f.token->pinState().triesLeft);
    }
    SECTION("a confirmed wrong last try locks the card, and a locked card gets nothing")
    {
        CHECK(errcOf([&] {
            f.token->verifyAndSign(wrongPin, digest, SignatureAlgorithm::RsaPkcs1Sha256, true);
        }) == CardErrc::AuthenticationBlocked);
        CHECK(f.card->pin().blocked());
        CHECK(f.token->pinState().blocked);
        const auto sent = f.recorder->count();
        CHECK(errcOf([&] {
            f.token->verifyAndSign(rightPin, digest, SignatureAlgorithm::RsaPkcs1Sha256, true);
        }) == CardErrc::AuthenticationBlocked);
        CHECK(f.recorder->count() == sent);
    }
    CHECK(f.recorder->plainVerifies() == 0);
}

TEST_CASE("a HiCOS PIN outside 6-8 letters and digits is never sent", "[hicos][token][pin]")
{
    const auto generation = GENERATE(HicosGeneration::Gen1, HicosGeneration::Gen2);
    INFO(nameOf(generation));
    Fixture f(generation);
    const Bytes digest = digestOf("login");
    for (const Bytes& pin : { Bytes { '1', '2', '3', '4', '5' }, Bytes(9, '1'),
             Bytes { '1', '2', '3', '4', '5', '!' }, Bytes { '1', '2', '3', 0xE4, 0xB8, 0xAD } }) {
        CHECK_THROWS_AS(
            f.token->verifyAndSign(pin, digest, SignatureAlgorithm::RsaPkcs1Sha256, false),
            CardError);
    }
    CHECK(f.recorder->verifies() == 0);
    CHECK(f.card->pin().left() == 3);
}

TEST_CASE("a gen2 card whose keys are not the ones derived for it gets no PIN", "[hicos][token]")
{
    Fixture f(HicosGeneration::Gen2);
    // Answer INITIALIZE UPDATE for another card: the cryptogram cannot check.
    class OtherCard final : public ApduTransport {
    public:
        explicit OtherCard(testsupport::ModelTransport& inner)
            : inner_(inner)
        { }
        Bytes transmitRaw(ByteView command) override
        {
            Bytes answer = inner_.transmitRaw(command);
            if (command.size() > 2 && command[0] == 0x80 && command[1] == 0x50
                && answer.size() > 20)
                answer[answer.size() - 3] ^= 0x01; // the card cryptogram's last byte
            return answer;
        }

    private:
        testsupport::ModelTransport& inner_;
    };
    OtherCard other(*f.recorder);
    const auto session = [&](const std::function<void(ApduChannel&)>& operation) {
        ApduChannel channel(other);
        operation(channel);
    };
    auto token
        = HicosToken::open(session, session, HicosGeneration::Gen2, *f.info.signingCertificate());
    CHECK(errcOf([&] {
        token->verifyAndSign(rightPin, digestOf("x"), SignatureAlgorithm::RsaPkcs1Sha256, false);
    }) == CardErrc::CardAuthenticationFailed);
    CHECK(f.recorder->verifies() == 0);
    CHECK(f.card->pin().left() == 3);
}

TEST_CASE("a reset ends the verified state: EA alone is refused", "[hicos][token]")
{
    Fixture f(HicosGeneration::Gen1);
    f.token->verifyAndSign(rightPin, digestOf("a"), SignatureAlgorithm::RsaPkcs1Sha256, false);
    ApduChannel channel(*f.recorder);
    channel.transmitChecked(CommandApdu { 0x80, 0xA4, 0x00, 0x00, { 0x3F, 0x00 }, std::nullopt });
    channel.transmitChecked(CommandApdu { 0x80, 0xA4, 0x00, 0x00, { 0x50, 0x30 }, std::nullopt });
    channel.transmitChecked(CommandApdu { 0x80, 0xA4, 0x00, 0x00, { 0x08, 0x10 }, std::nullopt });
    const auto answer
        = channel.transmit(CommandApdu { 0x80, 0xEA, 0x82, 0x01, Bytes(128, 0x00), std::nullopt });
    CHECK(answer.sw() == 0x6982);
}
