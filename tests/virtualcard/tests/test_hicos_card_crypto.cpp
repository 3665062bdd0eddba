// The card's end of the HiCOS cryptography against what the host builds: gen1 protected VERIFY,
// the SCP03 handshake and the unwrapping of protected commands, and what a tampered byte does.

#include "model/hicos_card_crypto.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

using namespace virtualcard::hicos;
namespace host = smartcard::hicos;
using smartcard::fromHex;
using smartcard::toHex;

namespace {

Bytes ascii(std::string_view text)
{
    return Bytes(text.begin(), text.end());
}

const Bytes cardId = fromHex("00112233445566778899");
const Bytes hostChallenge = fromHex("A0A1A2A3A4A5A6A7");
const Bytes cardChallenge = fromHex("B0B1B2B3B4B5B6B7");

// Both ends after INITIALIZE UPDATE, before EXTERNAL AUTHENTICATE.
struct Handshake {
    CardScp03Session cardEnd { host::deriveStaticKeys(cardId), hostChallenge, cardChallenge };
    host::Scp03Session hostEnd { host::deriveStaticKeys(cardId), hostChallenge, 0x01,
        cardEnd.initializeUpdateAnswer(cardId, 0x01) };
};

// Both ends with the channel open.
struct OpenChannel : Handshake {
    OpenChannel()
    {
        const auto failure = cardEnd.externalAuthenticate(hostEnd.externalAuthenticate().encode());
        REQUIRE_FALSE(failure);
        REQUIRE(cardEnd.isOpen());
    }

    // Wraps on the host, unwraps on the card; fails the test unless the card takes it.
    CommandApdu roundTrip(const CommandApdu& plain)
    {
        CardScp03Session::Unwrapped opened = cardEnd.unwrap(hostEnd.wrap(plain).encode());
        REQUIRE(opened.ok());
        return std::move(opened.command);
    }
};

void checkSameCommand(const CommandApdu& got, const CommandApdu& expected)
{
    CHECK(toHex(got.encode()) == toHex(expected.encode()));
}

} // namespace

TEST_CASE("gen1: the card opens the host's protected VERIFY to the PIN")
{
    for (const char* pin : { "123456", "A1b2C3d4", "1234567890", "7" }) {
        INFO(pin);
        const CommandApdu verify = host::gen1ProtectedVerify(ascii(pin));
        const Gen1VerifyResult opened = openGen1Verify(verify.data);
        REQUIRE(opened.ok());
        CHECK(toHex(opened.pin) == toHex(ascii(pin)));
    }
    // V1 of the reference, fixed IV.
    const Gen1VerifyResult v1 = openGen1Verify(
        fromHex("0001020304050607C905A82B9358355D903740717A6D37DDBAC960C043F17382"));
    REQUIRE(v1.ok());
    CHECK(toHex(v1.pin) == toHex(ascii("123456")));
}

TEST_CASE("gen1: no changed byte of the protected VERIFY opens to the right PIN")
{
    const CommandApdu verify = host::gen1ProtectedVerify(ascii("123456"));
    for (std::size_t i = 0; i < verify.data.size(); ++i) {
        INFO("byte " << i);
        Bytes tampered = verify.data;
        tampered[i] ^= 0x01;
        const Gen1VerifyResult opened = openGen1Verify(tampered);
        // Plaintext: PIN block 0-9, MAC 10-17, padding 18-23, after the 8-byte IV.
        if (i < 10) {
            // The scheme's MAC is a CBC-MAC under the encryption's own key and IV: a change
            // to the IV or to the first two bytes of C cancels out of it and only alters the
            // PIN block. The card opens a different PIN: a wrong PIN, never the right one.
            REQUIRE(opened.ok());
            CHECK(toHex(opened.pin) != toHex(ascii("123456")));
        } else {
            CHECK(opened.failure
                == (i < 18 ? Gen1VerifyFailure::BadMac : Gen1VerifyFailure::BadPadding));
            CHECK(opened.pin.empty());
        }
    }
    CHECK(openGen1Verify(Bytes(verify.data.begin(), verify.data.end() - 8)).failure
        == Gen1VerifyFailure::WrongLength);
    CHECK(openGen1Verify({}).failure == Gen1VerifyFailure::WrongLength);
}

TEST_CASE("SCP03: the card's answer and EXTERNAL AUTHENTICATE check on both ends")
{
    Handshake ends;
    // The card computes the reference's V2 answer by itself.
    CHECK(toHex(ends.cardEnd.initializeUpdateAnswer(cardId, 0x01))
        == "00112233445566778899010300B0B1B2B3B4B5B6B7F151227694907D3A");
    CHECK_FALSE(ends.cardEnd.isOpen());
    CHECK_FALSE(ends.cardEnd.externalAuthenticate(ends.hostEnd.externalAuthenticate().encode()));
    CHECK(ends.cardEnd.isOpen());
    // A second one in the same session is refused and ends it.
    CHECK(ends.cardEnd.externalAuthenticate(ends.hostEnd.externalAuthenticate().encode())
        == SmFailure::AlreadyAuthenticated);
    CHECK(ends.cardEnd.isClosed());
}

TEST_CASE("SCP03: the card opens the reference's V2 commands by itself")
{
    CardScp03Session card(host::deriveStaticKeys(cardId), hostChallenge, cardChallenge);
    REQUIRE_FALSE(card.externalAuthenticate(fromHex("84820300108EC419389FCDFE77B7A2DF5610668AB8")));

    const auto verify
        = card.unwrap(fromHex("04200001180B447AD8D232857D83EE9AD379AE11521887066D69ABC48B"));
    REQUIRE(verify.ok());
    CHECK(toHex(verify.command.encode()) == "002000010A313233343536FFFFFFFF");

    const auto select5030
        = card.unwrap(fromHex("04A400041844D4370B6CF26BF989E47A985399C07CA68E6E68F7845CF9"));
    REQUIRE(select5030.ok());
    CHECK(toHex(select5030.command.encode()) == "00A40004025030");

    const auto select0810
        = card.unwrap(fromHex("04A40004181CA03B7199B6537AFFA846BA70FCC59CC76D338D2EB50304"));
    REQUIRE(select0810.ok());
    CHECK(toHex(select0810.command.encode()) == "00A40004020810");
}

TEST_CASE("SCP03: the card refuses a host without its keys or a wrong level")
{
    const Bytes authenticate = Handshake().hostEnd.externalAuthenticate().encode();

    SECTION("another card's keys: the host cryptogram does not match")
    {
        CardScp03Session card(
            host::deriveStaticKeys(fromHex("0102030405060708090A")), hostChallenge, cardChallenge);
        CHECK(card.externalAuthenticate(authenticate) == SmFailure::BadCryptogram);
        CHECK(card.isClosed());
        CHECK(card.externalAuthenticate(authenticate) == SmFailure::SessionClosed);
    }
    SECTION("a changed MAC byte")
    {
        Bytes tampered = authenticate;
        tampered.back() ^= 0x80;
        Handshake ends;
        CHECK(ends.cardEnd.externalAuthenticate(tampered) == SmFailure::BadMac);
    }
    SECTION("security level 01 instead of 03")
    {
        Bytes level1 = authenticate;
        level1[2] = 0x01;
        Handshake ends;
        CHECK(ends.cardEnd.externalAuthenticate(level1) == SmFailure::WrongSecurityLevel);
    }
    SECTION("not an EXTERNAL AUTHENTICATE")
    {
        Handshake ends;
        CHECK(ends.cardEnd.externalAuthenticate(fromHex("8482030008AABBCCDDEEFF0011"))
            == SmFailure::Malformed);
    }
    SECTION("a protected command before the handshake")
    {
        Handshake ends;
        const auto opened = ends.cardEnd.unwrap(fromHex("04A4000418" + std::string(48, '0')));
        CHECK(opened.failure == SmFailure::NotAuthenticated);
        CHECK(ends.cardEnd.isClosed());
    }
}

TEST_CASE("SCP03: protected commands unwrap to the plain ones, in order")
{
    OpenChannel ends;
    const CommandApdu verify { 0x00, 0x20, 0x00, 0x01, fromHex("313233343536FFFFFFFF"),
        std::nullopt };
    checkSameCommand(ends.roundTrip(verify), verify);

    const CommandApdu select { 0x00, 0xA4, 0x00, 0x04, fromHex("5030"), std::nullopt };
    checkSameCommand(ends.roundTrip(select), select);

    const Bytes block = host::pkcs1v15SignatureBlock(Bytes(32, 0x42), 256);
    const host::PrivateKeyCommands sign = host::gen2PrivateKeyCommands(block, 0x01);
    checkSameCommand(ends.roundTrip(sign.firstHalf), sign.firstHalf);
    checkSameCommand(ends.roundTrip(sign.secondHalf), sign.secondHalf);
    // No data: MAC only, and the counter stays; the next command still decrypts.
    checkSameCommand(ends.roundTrip(sign.rest), sign.rest);
    checkSameCommand(ends.roundTrip(select), select);

    // Data ending in zeros and a whole block: the 80 00… padding is stripped, nothing more.
    const CommandApdu zeros { 0x80, 0xCA, 0x00, 0x01, fromHex("0102000000000000000000000000000000"),
        0x10 };
    checkSameCommand(ends.roundTrip(zeros), zeros);

    // The host's SM VERIFY reaches the card as the plain one.
    const auto opened = ends.cardEnd.unwrap(ends.hostEnd.wrapVerify(ascii("123456")).encode());
    REQUIRE(opened.ok());
    checkSameCommand(opened.command, verify);
}

TEST_CASE("SCP03: a tampered command is refused and the card's session is over")
{
    OpenChannel ends;
    const CommandApdu select { 0x00, 0xA4, 0x00, 0x04, fromHex("5030"), std::nullopt };
    const Bytes wrapped = ends.hostEnd.wrap(select).encode();

    const std::size_t position = GENERATE(0, 1, 2, 3, 4, 5, 20, 28);
    INFO("byte " << position);
    Bytes tampered = wrapped;
    tampered[position] ^= 0x01;
    const auto refused = ends.cardEnd.unwrap(tampered);
    // A changed Lc no longer matches the command's length.
    CHECK(refused.failure == (position == 4 ? SmFailure::Malformed : SmFailure::BadMac));
    CHECK(ends.cardEnd.isClosed());

    // Even the untouched command is refused now, and so is everything after it.
    CHECK(ends.cardEnd.unwrap(wrapped).failure == SmFailure::SessionClosed);
    CHECK(ends.cardEnd.unwrap(ends.hostEnd.wrap(select).encode()).failure
        == SmFailure::SessionClosed);
}

TEST_CASE("SCP03: a replayed or skipped command breaks the chain")
{
    OpenChannel ends;
    const CommandApdu select { 0x00, 0xA4, 0x00, 0x04, fromHex("5030"), std::nullopt };

    SECTION("replay")
    {
        const Bytes first = ends.hostEnd.wrap(select).encode();
        REQUIRE(ends.cardEnd.unwrap(first).ok());
        CHECK(ends.cardEnd.unwrap(first).failure == SmFailure::BadMac);
    }
    SECTION("a command the card never saw")
    {
        (void)ends.hostEnd.wrap(select);
        CHECK(ends.cardEnd.unwrap(ends.hostEnd.wrap(select).encode()).failure == SmFailure::BadMac);
    }
}
