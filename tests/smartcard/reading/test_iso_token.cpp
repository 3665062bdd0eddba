// IsoToken against the emulator's eID card model and a scripted PKCS#15 card, in-process: the
// AODF-driven PIN block, signatures that verify, the three-strike rules, and a card pulled
// between VERIFY and PSO.
#include "../card_error_checks.hpp"
#include "model/eid_card.hpp"
#include "model/pki_files.hpp"
#include "model_transport.hpp"
#include "rs256_verify.hpp"
#include "scripted_pkcs15_card.hpp"
#include "smartcard/iso_token.hpp"

#include <catch2/catch.hpp>
#include <memory>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <string>

using namespace smartcard;
using cardchecks::errcOf;
using testsupport::testPki;

namespace {

const Bytes rightPin { '1', '2', '3', '4', '5', '6' };
const Bytes wrongPin { '6', '5', '4', '3', '2', '1' };

bool isPinVerify(ByteView command)
{
    return command.size() > 5 && command[1] == 0x20; // header, Lc, data
}

bool isStatusQuery(ByteView command)
{
    return command.size() == 4 && command[1] == 0x20;
}

/// Passes commands to a card model and keeps them; can pull the card right after a VERIFY
/// that carried a PIN (every later command gets no answer, as from a pulled card).
class Recorder final : public ApduTransport {
public:
    explicit Recorder(virtualcard::Card& card)
        : card_(card)
    { }

    Bytes transmitRaw(ByteView command) override
    {
        commands.emplace_back(command.begin(), command.end());
        if (pulled)
            return {};
        const auto reply = card_.process(command);
        if (pullAfterPinVerify && isPinVerify(command))
            pulled = true;
        return reply.yank ? Bytes {} : reply.response;
    }

    std::size_t pinVerifies() const { return std::ranges::count_if(commands, isPinVerify); }
    std::size_t statusQueries() const { return std::ranges::count_if(commands, isStatusQuery); }

    std::vector<Bytes> commands;
    bool pullAfterPinVerify = false;
    bool pulled = false;

private:
    virtualcard::Card& card_;
};

/// A card in a reader: each session is one "transaction" with its own channel and trace.
struct Reader {
    explicit Reader(virtualcard::Card& card)
        : transport(card)
    { }

    IsoToken::CardSession session()
    {
        return [this](const std::function<void(ApduChannel&)>& operation) {
            ++sessions;
            ApduChannel channel(transport, [this](std::string_view line) { trace += line; });
            operation(channel);
        };
    }

    std::unique_ptr<IsoToken> open(IsoTokenOptions options = {})
    {
        return IsoToken::open(session(), std::move(options));
    }

    Recorder transport;
    int sessions = 0;
    std::string trace;
};

std::unique_ptr<virtualcard::EidCard> eidCard()
{
    virtualcard::EidConfig config;
    config.signCertificate = virtualcard::readCertificate(testPki(), "citizen-sign");
    config.caCertificate = virtualcard::readCertificate(testPki(), "moica-ca");
    return std::make_unique<virtualcard::EidCard>(
        config, virtualcard::readMatchingKey(testPki(), "citizen-sign", config.signCertificate));
}

Bytes digestOf(std::string_view text)
{
    Bytes digest(32);
    unsigned int size = 0;
    REQUIRE(EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha256(), nullptr));
    return digest;
}

bool verifies(const Bytes& certificate, const Bytes& digest, const Bytes& signature)
{
    return testsupport::rs256Verifies(certificate, digest, signature);
}

Bytes sign(IsoToken& token, const Bytes& pin, bool confirm = false)
{
    return token.verifyAndSign(
        pin, digestOf("challenge"), SignatureAlgorithm::RsaPkcs1Sha256, confirm);
}

CardError signError(IsoToken& token, const Bytes& pin, bool confirm = false)
{
    try {
        sign(token, pin, confirm);
    } catch (const CardError& error) {
        return error;
    }
    FAIL("verifyAndSign should have failed");
    return CardError(CardErrc::UnknownStatus, "unreachable");
}

} // namespace

TEST_CASE(
    "opening reads certificate, key and PIN in one transaction, without VERIFY", "[iso-token]")
{
    const auto card = eidCard();
    Reader reader(*card);
    const auto token = reader.open();
    CHECK(reader.sessions == 1);
    CHECK(token->certificate() == virtualcard::readCertificate(testPki(), "citizen-sign"));
    CHECK(token->profile().pinReference == 0x81);
    CHECK(token->profile().keyReference == 0x02);
    CHECK(token->profile().pin.type == PinType::AsciiNumeric);
    CHECK(reader.transport.pinVerifies() + reader.transport.statusQueries() == 0);
}

TEST_CASE("a right PIN signs, and the signature verifies over the exact digest", "[iso-token]")
{
    const auto algorithm
        = GENERATE(std::optional<std::uint8_t> {}, std::optional<std::uint8_t> { 0x02 });
    const auto card = eidCard();
    Reader reader(*card);
    const auto token = reader.open({ .algorithmReference = algorithm });

    const Bytes signature = sign(*token, rightPin);
    CHECK(verifies(token->certificate(), digestOf("challenge"), signature));
    CHECK_FALSE(verifies(token->certificate(), digestOf("another"), signature));
    CHECK(reader.sessions == 3); // open, status query, sign
    CHECK(reader.transport.pinVerifies() == 1);

    // The last three commands: VERIFY with the AODF's block (ASCII, FF-padded to 8),
    // MSE:SET with the PrKDF's key reference, PSO over the DigestInfo.
    const auto& sent = reader.transport.commands;
    REQUIRE(sent.size() >= 3);
    CHECK(toHex(sent[sent.size() - 3], " ") == "00 20 00 81 08 31 32 33 34 35 36 FF FF");
    CHECK(toHex(sent[sent.size() - 2], " ")
        == (algorithm ? "00 22 41 B6 06 80 01 02 84 01 02" : "00 22 41 B6 03 84 01 02"));
    CHECK(sent.back()
        == concat({ fromHex("00 2A 9E 9A 33"), sha256DigestInfo(digestOf("challenge")),
            Bytes { 0x00 } }));
}

TEST_CASE("three strikes: counted down by the card, the last one confirmed, then nothing sent",
    "[iso-token]")
{
    const auto card = eidCard();
    Reader reader(*card);
    const auto token = reader.open();

    const CardError first = signError(*token, wrongPin);
    CHECK(first.code() == CardErrc::PinIncorrect);
    CHECK(first.triesLeft() == 2);
    const CardError second = signError(*token, wrongPin);
    CHECK(second.code() == CardErrc::PinIncorrect);
    CHECK(second.triesLeft() == 1);
    CHECK(token->pinState().triesLeft == 1);
    CHECK(card->pin().left() == 1); // the status queries used no try

    // The last try needs confirmation; without it nothing at all is sent.
    const std::size_t verifiesBefore = reader.transport.pinVerifies();
    const std::size_t sentBeforeConfirm = reader.transport.commands.size();
    CHECK(signError(*token, rightPin).code() == CardErrc::LastTryNeedsConfirmation);
    CHECK(reader.transport.commands.size() == sentBeforeConfirm);
    CHECK(card->pin().left() == 1);

    const CardError last = signError(*token, wrongPin, true);
    CHECK(last.code() == CardErrc::AuthenticationBlocked);
    CHECK(card->pin().left() == 0);

    // Blocked: refused with nothing at all sent, even the right PIN confirmed.
    const std::size_t sentBefore = reader.transport.commands.size();
    CHECK(signError(*token, rightPin, true).code() == CardErrc::AuthenticationBlocked);
    CHECK(token->pinState().blocked);
    CHECK(reader.transport.commands.size() == sentBefore);

    // A token opened afresh learns it from the status query, still without a PIN.
    const auto fresh = reader.open();
    CHECK(fresh->pinState().blocked);
    CHECK(signError(*fresh, rightPin, true).code() == CardErrc::AuthenticationBlocked);
    CHECK(reader.transport.pinVerifies() == verifiesBefore + 1);
}

TEST_CASE("wrong, wrong, right puts the counter back to three", "[iso-token]")
{
    const auto card = eidCard();
    Reader reader(*card);
    const auto token = reader.open();
    CHECK(signError(*token, wrongPin).triesLeft() == 2);
    CHECK(signError(*token, wrongPin).triesLeft() == 1);
    CHECK_NOTHROW(sign(*token, rightPin, true));
    CHECK(card->pin().left() == 3);
    const PinState state = token->pinState();
    CHECK_FALSE(state.blocked);
    CHECK(state.source == PinSource::Card); // 9000: verified in this card session
}

TEST_CASE("the status query reports the counter and costs no try; unsafe cards are not asked",
    "[iso-token]")
{
    const auto card = eidCard();
    card->pin().setLeft(2);
    Reader reader(*card);

    const auto asking = reader.open();
    const PinState asked = asking->pinState();
    CHECK(asked.triesLeft == 2);
    CHECK(asked.source == PinSource::Card);
    CHECK(asked.minLength == 4);
    CHECK(asked.maxLength == 8);
    CHECK(reader.transport.statusQueries() == 1);
    CHECK(card->pin().left() == 2);

    const auto silent = reader.open({ .statusQuerySafe = false });
    const std::size_t sentBefore = reader.transport.commands.size();
    const PinState unknown = silent->pinState();
    CHECK_FALSE(unknown.triesLeft);
    CHECK(unknown.source == PinSource::Unknown);
    CHECK(unknown.maxLength == 8);
    CHECK(reader.transport.commands.size() == sentBefore);
}

TEST_CASE("without the status query, the card's own 63Cx still guards the last try", "[iso-token]")
{
    const auto card = eidCard();
    Reader reader(*card);
    const auto token = reader.open({ .statusQuerySafe = false });
    CHECK(signError(*token, wrongPin).triesLeft() == 2);
    CHECK(signError(*token, wrongPin).triesLeft() == 1);
    const std::size_t sentBefore = reader.transport.commands.size();
    CHECK(signError(*token, rightPin).code() == CardErrc::LastTryNeedsConfirmation);
    CHECK(reader.transport.commands.size() == sentBefore);
    CHECK(reader.transport.statusQueries() == 0);
}

TEST_CASE("a PIN outside the AODF's limits or alphabet is refused with no PIN sent", "[iso-token]")
{
    const bool safe = GENERATE(true, false);
    const auto card = eidCard();
    Reader reader(*card);
    const auto token = reader.open({ .statusQuerySafe = safe });
    const std::size_t sentBefore = reader.transport.commands.size();

    CHECK(signError(*token, Bytes { '1', '2', '3' }).code() == CardErrc::PinLengthInvalid);
    CHECK(signError(*token, Bytes(9, '1')).code() == CardErrc::PinLengthInvalid);
    CHECK(signError(*token, Bytes { '1', '2', 'a', '4', '5', '6' }).code()
        == CardErrc::PinCharactersInvalid);
    CHECK(reader.transport.pinVerifies() == 0);
    CHECK(card->pin().left() == 3);
    if (!safe)
        CHECK(reader.transport.commands.size() == sentBefore); // not even a status query
}

TEST_CASE(
    "a card pulled between VERIFY and PSO is a typed error after exactly one VERIFY", "[iso-token]")
{
    const auto card = eidCard();
    Reader reader(*card);
    const auto token = reader.open();
    reader.transport.pullAfterPinVerify = true;

    const CardError error = signError(*token, rightPin);
    CHECK(error.code() == CardErrc::MalformedResponse);
    CHECK(reader.transport.pinVerifies() == 1);
    // One unanswered command after the VERIFY (the MSE), and nothing repeated.
    REQUIRE(reader.transport.commands.size() >= 2);
    CHECK(isPinVerify(reader.transport.commands[reader.transport.commands.size() - 2]));
}

TEST_CASE("no PIN reaches a trace or an error message", "[iso-token]")
{
    const auto card = eidCard();
    Reader reader(*card);
    const auto token = reader.open();
    std::string messages;
    messages += signError(*token, wrongPin).what();
    messages += signError(*token, Bytes(9, '7')).what();
    sign(*token, rightPin);
    for (const std::string& secret :
        { std::string("654321"), std::string("123456"), std::string("999999999"), toHex(wrongPin),
            toHex(rightPin), toHex(wrongPin, " "), toHex(rightPin, " ") }) {
        INFO(secret);
        CHECK(reader.trace.find(secret) == std::string::npos);
        CHECK(messages.find(secret) == std::string::npos);
    }
    CHECK(reader.trace.find("00 20 00 81 <8 bytes redacted>") != std::string::npos);
}

namespace {

using testsupport::ScriptedLayout;
using testsupport::ScriptedPkcs15Card;
namespace scripted = testsupport::scripted;

// BCD PIN with reference 02 (not 81), stored in 4 bytes padded FF; an SO PIN (01) listed first;
// key 07 (not 02) after a decoy key whose certificate is an encryption certificate.
ScriptedLayout bcdLayout()
{
    using namespace scripted;
    ScriptedLayout layout;
    layout.aodf = smartcard::concat({
        pin("SO PIN", 0x01, { initialized, soPin }, 1, 8, 8, 8, 0x01, 0x00),
        pin("Signature PIN", 0x02, { initialized, needsPadding }, 0, 4, 4, 8, 0x02, 0xFF),
    });
    layout.prkdf = smartcard::concat({
        rsaKey("Decoy", 0x31, { usageDecrypt, usageSign }, 0x05, 0x02),
        rsaKey("Signing", 0x21, { usageSign, usageNonRepudiation }, 0x07, 0x02),
    });
    layout.cdf = smartcard::concat({
        certificate("CA", 0xCA, true, "4C12"),
        certificate("Encryption", 0x31, false, "4C11"),
        certificate("Signature", 0x21, false, "3F00 5015 4C10"),
    });
    layout.signCertificate = virtualcard::readCertificate(testPki(), "citizen-sign");
    layout.encryptionCertificate = virtualcard::readCertificate(testPki(), "citizen-enc");
    layout.caCertificate = virtualcard::readCertificate(testPki(), "moica-ca");
    layout.pinReference = 0x02;
    layout.pinBlock = fromHex("12 34 56 FF");
    layout.mseData = fromHex("84 01 07");
    return layout;
}

ScriptedPkcs15Card scriptedCard(ScriptedLayout layout)
{
    auto key = virtualcard::readMatchingKey(testPki(), "citizen-sign", layout.signCertificate);
    return ScriptedPkcs15Card(std::move(layout), std::move(key));
}

} // namespace

TEST_CASE("another card's AODF and PrKDF decide the PIN block and references", "[iso-token]")
{
    auto card = scriptedCard(bcdLayout());
    Reader reader(card);
    const auto token = reader.open();
    CHECK(token->certificate() == virtualcard::readCertificate(testPki(), "citizen-sign"));
    CHECK(token->profile().pinReference == 0x02);
    CHECK(token->profile().keyReference == 0x07);
    CHECK(token->pinState().maxLength == 8);

    CHECK(signError(*token, wrongPin).triesLeft() == 2);
    const Bytes signature = sign(*token, rightPin);
    CHECK(verifies(token->certificate(), digestOf("challenge"), signature));
    CHECK(card.pin().left() == 3);
    const auto& sent = reader.transport.commands;
    CHECK(toHex(sent[sent.size() - 3], " ") == "00 20 00 02 04 12 34 56 FF");
}

TEST_CASE("a card missing a piece the token needs is unsupported, and told why", "[iso-token]")
{
    using namespace scripted;
    ScriptedLayout layout = bcdLayout();
    SECTION("no PIN for the key's authId")
    {
        layout.aodf = pin("SO PIN", 0x01, { initialized, soPin }, 1, 8, 8, 8, 0x01, 0x00);
    }
    SECTION("no key reference")
    {
        layout.prkdf = rsaKey("Signing", 0x21, { usageSign }, std::nullopt, 0x02);
    }
    SECTION("no key that can sign for the signing certificate")
    {
        layout.prkdf = rsaKey("Signing", 0x21, { usageDecrypt }, 0x07, 0x02);
    }
    SECTION("only a CA and an encryption certificate")
    {
        layout.cdf = smartcard::concat({ certificate("CA", 0xCA, true, "4C12"),
            certificate("Encryption", 0x31, false, "4C11") });
    }
    auto card = scriptedCard(std::move(layout));
    Reader reader(card);
    CHECK(errcOf([&] { reader.open(); }) == CardErrc::UnsupportedCard);
    CHECK(reader.transport.pinVerifies() + reader.transport.statusQueries() == 0);
}

TEST_CASE("padding without a pad character is refused before any PIN is sent", "[iso-token]")
{
    using namespace scripted;
    ScriptedLayout layout = bcdLayout();
    layout.aodf
        = pin("Signature PIN", 0x02, { initialized, needsPadding }, 0, 4, 4, 8, 0x02, std::nullopt);
    auto card = scriptedCard(std::move(layout));
    Reader reader(card);
    const auto token = reader.open();
    CHECK(signError(*token, rightPin).code() == CardErrc::MalformedData);
    CHECK(reader.transport.pinVerifies() == 0);
    CHECK(card.pin().left() == 3);
}

TEST_CASE(
    "a card refusing the PIN block's format is a card error, not a length to fix", "[iso-token]")
{
    // The card wants 8 bytes where its own AODF says 4: it answers 6700. Whether that used a
    // try is the card's business, so the token must not claim "nothing was sent".
    ScriptedLayout layout = bcdLayout();
    layout.pinBlock = fromHex("31 32 33 34 35 36 FF FF");
    auto card = scriptedCard(std::move(layout));
    Reader reader(card);
    const auto token = reader.open();
    const CardError error = signError(*token, rightPin);
    CHECK(error.code() == CardErrc::WrongLength);
    CHECK(std::string(error.what()).find("may have been used") != std::string::npos);
    CHECK(reader.transport.pinVerifies() == 1);
}
