// IsoToken over the real stack (pcscd + vpcd + the iso-eid virtual card): signatures that
// verify, the three-strike rules as the card's own counter sees them, and a card pulled right
// after the VERIFY.
#include "card_wait.hpp"
#include "read_card.hpp"
#include "rs256_verify.hpp"
#include "smartcard/iso_token.hpp"
#include "smartcard/pcsc.hpp"
#include "virtual_card.hpp"

#include <QRegularExpression>
#include <catch2/catch.hpp>
#include <memory>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

using namespace testsupport;
using smartcard::Bytes;
using smartcard::CardErrc;
using smartcard::CardError;

namespace {

const Bytes rightPin { '1', '2', '3', '4', '5', '6' }; // the emulator's default
const Bytes wrongPin { '6', '5', '4', '3', '2', '1' };

Bytes digestOf(std::string_view text)
{
    Bytes digest(32);
    unsigned int size = 0;
    REQUIRE(EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha256(), nullptr));
    return digest;
}

/// RSASSA-PKCS1-v1_5 / SHA-256 over exactly `digest`, with the key of citizen-sign.der.
bool verifiesWithCitizenCertificate(const Bytes& digest, const Bytes& signature)
{
    const QByteArray der = pkiFile(QStringLiteral("citizen-sign.der"));
    return testsupport::rs256Verifies({ reinterpret_cast<const std::uint8_t*>(der.constData()),
                                          static_cast<std::size_t>(der.size()) },
        digest, signature);
}

/// VERIFY commands that carried a PIN, as the emulator logged them (data redacted, size kept).
int pinVerifiesLogged(const VirtualCard& card)
{
    static const QRegularExpression pinVerify(
        QStringLiteral("VERIFY <[1-9][0-9]* bytes redacted>"));
    int count = 0;
    for (auto it = pinVerify.globalMatch(card.log()); it.hasNext(); it.next())
        ++count;
    return count;
}

Bytes sign(smartcard::IsoToken& token, const Bytes& pin, bool confirm = false)
{
    return token.verifyAndSign(
        pin, digestOf("challenge"), smartcard::SignatureAlgorithm::RsaPkcs1Sha256, confirm);
}

CardError signError(smartcard::IsoToken& token, const Bytes& pin, bool confirm = false)
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

TEST_CASE("iso-eid: a right PIN signs and the signature verifies over the exact digest",
    "[pcsc][iso-token]")
{
    const std::string reader = virtualReaderName().toStdString();
    const auto card = insertCard(QStringLiteral("iso-eid"));
    smartcard::Pcsc pcsc;
    const auto token = smartcard::IsoToken::open(pcsc, reader);
    CHECK(qbytes(token->certificate()) == pkiFile(QStringLiteral("citizen-sign.der")));

    const Bytes signature = sign(*token, rightPin);
    CHECK(verifiesWithCitizenCertificate(digestOf("challenge"), signature));
    CHECK_FALSE(verifiesWithCitizenCertificate(digestOf("something else"), signature));
    const auto stats = card->stats();
    CHECK(stats.at("signatures") == 1);
    CHECK(stats.at("tries") == 3);
    CHECK(pinVerifiesLogged(*card) == 1);
}

TEST_CASE("iso-eid: wrong, wrong, right puts the card's counter back to three", "[pcsc][iso-token]")
{
    const std::string reader = virtualReaderName().toStdString();
    const auto card = insertCard(QStringLiteral("iso-eid"));
    smartcard::Pcsc pcsc;
    const auto token = smartcard::IsoToken::open(pcsc, reader);

    CHECK(signError(*token, wrongPin).triesLeft() == 2);
    CHECK(card->stats().at("tries") == 2);
    CHECK(signError(*token, wrongPin).triesLeft() == 1);
    CHECK(card->stats().at("tries") == 1);
    CHECK_NOTHROW(sign(*token, rightPin, true));
    CHECK(card->stats().at("tries") == 3);
}

TEST_CASE(
    "iso-eid: one try left and no confirmation: nothing reaches the card", "[pcsc][iso-token]")
{
    const std::string reader = virtualReaderName().toStdString();
    const auto card = insertCard(QStringLiteral("iso-eid"));
    smartcard::Pcsc pcsc;
    const auto token = smartcard::IsoToken::open(pcsc, reader);
    signError(*token, wrongPin);
    signError(*token, wrongPin);

    const auto before = card->stats();
    const int loggedBefore = pinVerifiesLogged(*card);
    const CardError refused = signError(*token, rightPin);
    CHECK(refused.code() == CardErrc::LastTryNeedsConfirmation);
    const auto after = card->stats();
    CHECK(after.at("verifies") == before.at("verifies"));
    CHECK(after.at("apdus") == before.at("apdus"));
    CHECK(after.at("tries") == 1);
    CHECK(pinVerifiesLogged(*card) == loggedBefore);
}

TEST_CASE(
    "iso-eid: three wrong PINs block it, and every later call sends nothing", "[pcsc][iso-token]")
{
    const std::string reader = virtualReaderName().toStdString();
    const auto card = insertCard(QStringLiteral("iso-eid"));
    smartcard::Pcsc pcsc;
    const auto token = smartcard::IsoToken::open(pcsc, reader);
    signError(*token, wrongPin);
    signError(*token, wrongPin);
    CHECK(signError(*token, wrongPin, true).code() == CardErrc::AuthenticationBlocked);
    CHECK(card->stats().at("tries") == 0);

    const auto before = card->stats();
    for (int call = 0; call < 3; ++call)
        CHECK(signError(*token, rightPin, true).code() == CardErrc::AuthenticationBlocked);
    CHECK(token->pinState().blocked);
    CHECK(card->stats().at("apdus") == before.at("apdus"));

    // Opened afresh, the token learns it from the free status query, never from a PIN.
    const int loggedBefore = pinVerifiesLogged(*card);
    const auto fresh = smartcard::IsoToken::open(pcsc, reader);
    CHECK(fresh->pinState().blocked);
    CHECK(signError(*fresh, rightPin, true).code() == CardErrc::AuthenticationBlocked);
    CHECK(pinVerifiesLogged(*card) == loggedBefore);
    CHECK(card->stats().at("tries") == 0);
}

TEST_CASE("iso-eid: a PIN shorter than the AODF allows is not sent", "[pcsc][iso-token]")
{
    const bool statusQuerySafe = GENERATE(true, false);
    INFO("statusQuerySafe " << statusQuerySafe);
    const std::string reader = virtualReaderName().toStdString();
    const auto card = insertCard(QStringLiteral("iso-eid"));
    smartcard::Pcsc pcsc;
    const auto token
        = smartcard::IsoToken::open(pcsc, reader, { .statusQuerySafe = statusQuerySafe });

    const auto before = card->stats();
    CHECK(signError(*token, Bytes { '1', '2', '3' }).code() == CardErrc::PinLengthInvalid);
    const auto after = card->stats();
    CHECK(after.at("tries") == 3);
    CHECK(pinVerifiesLogged(*card) == 0);
    if (!statusQuerySafe)
        CHECK(after.at("apdus") == before.at("apdus")); // not even the status query
}

TEST_CASE("iso-eid: the card pulled right after the VERIFY is a typed error after one VERIFY",
    "[pcsc][iso-token]")
{
    const std::string reader = virtualReaderName().toStdString();
    const auto card = insertCard(QStringLiteral("iso-eid"));
    smartcard::Pcsc pcsc;
    const auto token = smartcard::IsoToken::open(pcsc, reader);

    // A successful run tells how many APDUs verifyAndSign sends; its last two are MSE:SET and
    // PSO, so the one before them is the VERIFY and pulling on the next one pulls right after.
    const auto start = card->stats();
    sign(*token, rightPin);
    const auto done = card->stats();
    const long perRun = done.at("apdus") - start.at("apdus");
    const long verifiesPerRun = done.at("verifies") - start.at("verifies");
    REQUIRE(perRun >= 3);
    const long mse = perRun - 1;

    const int loggedBefore = pinVerifiesLogged(*card);
    card->control("pull-on-apdu " + std::to_string(mse));
    const CardError error = signError(*token, rightPin);
    INFO(error.what());
    CHECK((error.code() == CardErrc::CardRemoved || error.code() == CardErrc::MalformedResponse
        || error.code() == CardErrc::TransactionFailed));
    CHECK(pinVerifiesLogged(*card) == loggedBefore + 1);
    const auto pulled = card->stats();
    CHECK(pulled.at("apdus") - done.at("apdus") == mse); // nothing after the pull, no retry
    CHECK(pulled.at("verifies") - done.at("verifies") == verifiesPerRun);
    CHECK(pulled.at("present") == 0);
}

TEST_CASE("iso-eid: the card's verified state ends with the signature", "[pcsc][iso-token]")
{
    const std::string reader = virtualReaderName().toStdString();
    const auto card = insertCard(QStringLiteral("iso-eid"));
    smartcard::Pcsc pcsc;
    const auto token = smartcard::IsoToken::open(pcsc, reader);
    sign(*token, rightPin);

    // Another program (here: we, without a VERIFY) asks the card to sign right after us.
    const Bytes digestInfo = smartcard::sha256DigestInfo(digestOf("someone else's data"));
    smartcard::ResponseApdu answer;
    pcsc.withCard(reader, [&](smartcard::CardConnection&, smartcard::ApduChannel& channel) {
        channel.transmitChecked(
            smartcard::CommandApdu::selectByAid(smartcard::fromHex("A000000063504B43532D3135")));
        // MSE:SET with the key reference the card's PrKDF gives (the emulator's signing key: 02).
        channel.transmitChecked(
            { 0x00, 0x22, 0x41, 0xB6, smartcard::fromHex("840102"), std::nullopt });
        answer = channel.transmit({ 0x00, 0x2A, 0x9E, 0x9A, digestInfo, 256 });
    });
    CHECK(answer.sw() == 0x6982); // security status not satisfied: the PIN is no longer verified
    CHECK(card->stats().at("signatures") == 1);
}
