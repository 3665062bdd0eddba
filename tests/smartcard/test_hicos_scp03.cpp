// The gen2 key diversification and SCP03 channel, host side, against the reference vectors
// (§12 V2 and V3 of hicos-protocol.md), and the typed refusals of bad card answers.

#include "card_error_checks.hpp"
#include "hicos_test_support.hpp"
#include "smartcard/hicos_crypto.hpp"

#include <catch2/catch.hpp>
#include <openssl/evp.h>
#include <string>
#include <string_view>

using namespace smartcard;
using namespace smartcard::hicos;
using cardchecks::errcOf;
using hicostest::ascii;
using hicostest::hexOf;

namespace {

std::string sha256Hex(ByteView data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    REQUIRE(EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) == 1);
    return toHex(ByteView(digest, size));
}

// §12 V2: a made-up card whose key diversification data is its card id.
const Bytes v2CardId = fromHex("00112233445566778899");
const Bytes v2HostChallenge = fromHex("A0A1A2A3A4A5A6A7");
const Bytes v2CardChallenge = fromHex("B0B1B2B3B4B5B6B7");
const Bytes v2Answer = fromHex("00112233445566778899 010300 B0B1B2B3B4B5B6B7 F151227694907D3A");

Scp03Session v2Session()
{
    return Scp03Session(deriveStaticKeys(v2CardId), v2HostChallenge, 0x01, v2Answer);
}

CommandApdu plainSelect(std::uint16_t fid)
{
    return { 0x00, 0xA4, 0x00, 0x04,
        { static_cast<std::uint8_t>(fid >> 8), static_cast<std::uint8_t>(fid) }, std::nullopt };
}

} // namespace

TEST_CASE("V2: the master key and the static keys of a card id", "[hicos][gen2]")
{
    // The master key, unwrapped from its shipped form, and the KDF input of K-ENC.
    const SecretBytes master = aes128EcbDecryptBlock(
        ascii("CHT HiCOSPKCS#11"), fromHex("EEE765099E9B8D52A33734760DD0305E"));
    CHECK(toHex(master) == "DC4BAD21CF1842D5BE3E807A569F62A2");
    CHECK(toHex(aesCmac(master,
              { fromHex("0000000000000000000000040000800101001122334455667788995389C00014") }))
        == "5529EDA6029A4A01AD2BA36C17442E21");

    const StaticKeys keys = deriveStaticKeys(v2CardId);
    CHECK(toHex(keys.enc) == "5529EDA6029A4A01AD2BA36C17442E21");
    CHECK(toHex(keys.mac) == "9F3863EFA4DD0702FEA089D80FC9D0DF");
    CHECK(
        toHex(deriveStaticKey(v2CardId, StaticKeyRole::Dek)) == "32DCCBAA8B9D800816AA6EB2650E0AB3");
    CHECK(
        errcOf([] { deriveStaticKeys(fromHex("0011223344556677")); }) == CardErrc::InvalidArgument);
}

TEST_CASE("V2: session keys and cryptograms", "[hicos][gen2]")
{
    const SessionKeys session
        = deriveSessionKeys(deriveStaticKeys(v2CardId), v2HostChallenge, v2CardChallenge);
    CHECK(toHex(session.enc) == "4DAA15232939E092F82F14FE8D40E096");
    CHECK(toHex(session.mac) == "75E000BBEF01B6A691B846B492FEA646");

    const Bytes context = concat({ v2HostChallenge, v2CardChallenge });
    CHECK(toHex(scp03Kdf(session.mac, 0x00, context, 64)) == "F151227694907D3A");
    CHECK(toHex(scp03Kdf(session.mac, 0x01, context, 64)) == "8EC419389FCDFE77");
    CHECK(errcOf([&] { scp03Kdf(session.mac, 0x00, context, 32); }) == CardErrc::InvalidArgument);
}

TEST_CASE("V2: INITIALIZE UPDATE and its answer", "[hicos][gen2]")
{
    CHECK(hexOf(initializeUpdateCommand(v2HostChallenge, 0x01)) == "8050010008A0A1A2A3A4A5A6A700");
    const InitializeUpdateAnswer answer = parseInitializeUpdateAnswer(v2Answer, 0x01);
    CHECK(answer.diversificationData == v2CardId);
    CHECK(answer.keyVersion == 0x01);
    CHECK(answer.scpId == 0x03);
    CHECK(answer.scpParameter == 0x00);
    CHECK(answer.cardChallenge == v2CardChallenge);
    CHECK(toHex(answer.cardCryptogram) == "F151227694907D3A");
}

TEST_CASE("V2: the whole signing sequence under one session", "[hicos][gen2]")
{
    Scp03Session session = v2Session();
    CHECK(hexOf(session.externalAuthenticate()) == "84820300108EC419389FCDFE77B7A2DF5610668AB8");
    CHECK(toHex(session.macChainingValue()) == "B7A2DF5610668AB87A480619EB2033FD");
    CHECK(session.encryptionCounter() == 1);

    CHECK(hexOf(session.wrapVerify(ascii("123456")))
        == "04200001180B447AD8D232857D83EE9AD379AE11521887066D69ABC48B");
    CHECK(hexOf(session.wrap(plainSelect(0x5030)))
        == "04A400041844D4370B6CF26BF989E47A985399C07CA68E6E68F7845CF9");
    CHECK(hexOf(session.wrap(plainSelect(0x0810)))
        == "04A40004181CA03B7199B6537AFFA846BA70FCC59CC76D338D2EB50304");
    CHECK(session.encryptionCounter() == 4);

    const Bytes block = pkcs1v15SignatureBlock(
        fromHex("2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824"), 256);
    CHECK(sha256Hex(block) == "DF99E98A3DF7FEC49A4E1F5BBBCE1829FD835FD6A60BDA8C9F09D3F7EDEE81E5");
    const PrivateKeyCommands plain = gen2PrivateKeyCommands(block, 0x01);

    const Bytes first = session.wrap(plain.firstHalf).encode();
    CHECK(first.size() == 157);
    CHECK(toHex(ByteView(first).first(5)) == "84EA820198");
    CHECK(toHex(ByteView(first).last(8)) == "B981A01717A1EF54");
    CHECK(sha256Hex(first) == "E838B31B1520DB407412BF5517490F706DDF411DCDF46C995134540A58A79396");

    const Bytes second = session.wrap(plain.secondHalf).encode();
    CHECK(second.size() == 158);
    CHECK(toHex(ByteView(second).last(9)) == "4A146136C1424E0A80");
    CHECK(sha256Hex(second) == "B568E95752C12906ED8D2B3BD0933160B4C6C2826C2052C82AF657533A871DD7");

    CHECK(hexOf(session.wrap(plain.rest)) == "84C10080082D6859BEBA95ECBC80");
}

TEST_CASE("V2: wrapping a plain VERIFY equals wrapVerify", "[hicos][gen2]")
{
    Scp03Session session = v2Session();
    const CommandApdu verify { 0x00, 0x20, 0x00, 0x01, fromHex("313233343536FFFFFFFF"),
        std::nullopt };
    CHECK(hexOf(session.wrap(verify))
        == "04200001180B447AD8D232857D83EE9AD379AE11521887066D69ABC48B");
}

TEST_CASE("V3: PR1's synthetic vector", "[hicos][gen2]")
{
    const Bytes cardId = fromHex("0102030405060708090A");
    const StaticKeys keys = deriveStaticKeys(cardId);
    CHECK(toHex(keys.enc) == "E74571CB8ADBD46A9C287E194BEEE345");
    CHECK(toHex(keys.mac) == "951540551543048122E44A6123770382");

    const Bytes host = fromHex("1011121314151617");
    const Bytes card = fromHex("2021222324252627");
    const SessionKeys sessionKeys = deriveSessionKeys(keys, host, card);
    const Bytes context = concat({ host, card });
    CHECK(toHex(scp03Kdf(sessionKeys.mac, 0x00, context, 64)) == "EA240C98D4B4C8B7");
    CHECK(toHex(scp03Kdf(sessionKeys.mac, 0x01, context, 64)) == "BF6D8B63A4578BC8");

    // The answer a card holding these keys gives (diversification data: its id).
    const Bytes answer = concat({ cardId, fromHex("010300"), card, fromHex("EA240C98D4B4C8B7") });
    Scp03Session session(keys, host, 0x01, answer);
    CHECK(hexOf(session.externalAuthenticate()) == "8482030010BF6D8B63A4578BC8B562335731E25853");
    CHECK(hexOf(session.wrapVerify(ascii("123456")))
        == "04200001184329272E26507A3AB2B32463BD9723A3EC4A43FBD5D89C7B");
}

TEST_CASE("a wrong card cryptogram is a card without our keys, not a wrong PIN", "[hicos][gen2]")
{
    Bytes answer = v2Answer;
    answer.back() ^= 0x01;
    CHECK(errcOf([&] { Scp03Session(deriveStaticKeys(v2CardId), v2HostChallenge, 0x01, answer); })
        == CardErrc::CardAuthenticationFailed);

    // Another card's keys (V3's id) against V2's answer.
    CHECK(errcOf([&] {
        Scp03Session(
            deriveStaticKeys(fromHex("0102030405060708090A")), v2HostChallenge, 0x01, v2Answer);
    }) == CardErrc::CardAuthenticationFailed);
    // Our own challenge changed: the card's cryptogram no longer checks either.
    CHECK(errcOf([&] {
        Scp03Session(deriveStaticKeys(v2CardId), fromHex("A0A1A2A3A4A5A6A6"), 0x01, v2Answer);
    }) == CardErrc::CardAuthenticationFailed);

    const CardError error(CardErrc::CardAuthenticationFailed, "");
    CHECK_FALSE(error.isCardRefusal());
}

TEST_CASE("INITIALIZE UPDATE answers of the wrong shape are refused by type", "[hicos][gen2]")
{
    const StaticKeys keys = deriveStaticKeys(v2CardId);
    const auto sessionFrom = [&](const Bytes& answer, std::uint8_t keyVersion = 0x01) {
        return errcOf([&] { Scp03Session(keys, v2HostChallenge, keyVersion, answer); });
    };
    CHECK(sessionFrom(Bytes(v2Answer.begin(), v2Answer.end() - 1)) == CardErrc::MalformedData);
    CHECK(sessionFrom(concat({ v2Answer, fromHex("00") })) == CardErrc::MalformedData);
    CHECK(sessionFrom({}) == CardErrc::MalformedData);

    Bytes scp02 = v2Answer;
    scp02[11] = 0x02;
    CHECK(sessionFrom(scp02) == CardErrc::UnsupportedCard);
    CHECK(sessionFrom(v2Answer, 0x02) == CardErrc::UnsupportedCard);

    CHECK(errcOf([] { initializeUpdateCommand(fromHex("A0A1A2"), 0x01); })
        == CardErrc::InvalidArgument);
}

TEST_CASE("only commands with data advance the encryption counter", "[hicos][gen2]")
{
    Scp03Session session = v2Session();
    const CommandApdu fetch = privateKeyResultCommand(0x80, 0x80);
    const CommandApdu wrapped = session.wrap(fetch);
    CHECK(session.encryptionCounter() == 1);
    CHECK(wrapped.data.size() == 8); // the MAC alone: nothing to encrypt
    CHECK(wrapped.le == std::size_t { 0x80 });

    // The VERIFY after it is encrypted under counter 1: same ciphertext as V2's first VERIFY,
    // only the MAC differs (the chain went through the C1).
    const CommandApdu verify = session.wrapVerify(ascii("123456"));
    CHECK(toHex(ByteView(verify.data).first(16)) == "0B447AD8D232857D83EE9AD379AE1152");
    CHECK(toHex(ByteView(verify.data).last(8)) != "1887066D69ABC48B");
    CHECK(session.encryptionCounter() == 2);
}

TEST_CASE("wrap refuses what it cannot protect", "[hicos][gen2]")
{
    Scp03Session session = v2Session();
    const std::string before = toHex(session.macChainingValue());
    CHECK(errcOf([&] {
        session.wrap({ 0x84, 0xCA, 0x00, 0x45, {}, 0x100 });
    }) == CardErrc::InvalidArgument);
    // 240 bytes pad to 256: no room in a short APDU.
    CHECK(errcOf([&] {
        session.wrap({ 0x80, 0xEA, 0x82, 0x01, Bytes(240, 0), std::nullopt });
    }) == CardErrc::InvalidArgument);
    CHECK(errcOf([&] { session.wrapVerify(ascii("12345678901")); }) == CardErrc::PinLengthInvalid);
    // Nothing refused moved the chain or the counter.
    CHECK(toHex(session.macChainingValue()) == before);
    CHECK(session.encryptionCounter() == 1);
    CHECK(session.wrap({ 0x80, 0xEA, 0x82, 0x01, Bytes(239, 0), std::nullopt }).data.size() == 248);
}

TEST_CASE("GET DATA E0: the key information template", "[hicos][gen2]")
{
    const KeyInformation info
        = parseKeyInformation(fromHex("E012C00401018810C00402018810C00403018810"));
    REQUIRE(info.keys.size() == 3);
    CHECK(info.keyVersion == 0x01);
    CHECK(info.keys[1].id == 0x02);
    CHECK(info.keys[2].version == 0x01);
    CHECK(info.keys[0].type == 0x88);
    CHECK(info.keys[0].length == 16);
    CHECK(parseKeyInformation(fromHex("E006C00401308810")).keyVersion == 0x30);
    CHECK(hexOf(getKeyInformationCommand()) == "80CA00E000");
}

TEST_CASE("GET DATA E0 answers we cannot use are refused by type", "[hicos][gen2]")
{
    const auto errcFor
        = [](std::string_view hex) { return errcOf([&] { parseKeyInformation(fromHex(hex)); }); };
    CHECK(errcFor("") == CardErrc::MalformedData);
    CHECK(errcFor("E106C00401018810") == CardErrc::MalformedData); // wrong outer tag
    CHECK(errcFor("E000") == CardErrc::MalformedData); // no keys
    CHECK(errcFor("E006C00401018810FF") == CardErrc::MalformedData); // trailing byte
    CHECK(errcFor("E005C003010188") == CardErrc::MalformedData); // template too short
    CHECK(errcFor("E007C0050101881001") == CardErrc::MalformedData); // odd component
    CHECK(errcFor("E006C10401018810") == CardErrc::MalformedData); // not a C0 template
    CHECK(errcFor("E012C00401018810C004") == CardErrc::MalformedData); // truncated
    CHECK(errcFor("E006C00401018010") == CardErrc::UnsupportedCard); // DES key
    CHECK(errcFor("E006C00401018820") == CardErrc::UnsupportedCard); // AES-256
    CHECK(errcFor("E00CC00401018810C00402018818") == CardErrc::UnsupportedCard); // AES-192
}

TEST_CASE("GET DATA 45: the card image number", "[hicos][gen2]")
{
    CHECK(parseCardImageNumber(fromHex("450A00112233445566778899")) == v2CardId);
    CHECK(hexOf(getCardImageNumberCommand()) == "80CA004500");
    for (const char* bad : { "", "4509001122334455667788", "450B0011223344556677889900",
             "460A00112233445566778899", "450A0011223344556677889900", "450A0011" }) {
        INFO(bad);
        CHECK(errcOf([&] { parseCardImageNumber(fromHex(bad)); }) == CardErrc::MalformedData);
    }
}

TEST_CASE("the security domains are selected by AID without Le", "[hicos][gen2]")
{
    CHECK(hexOf(selectSecurityDomain(issuerSecurityDomainCmAid()))
        == "00A404000FA000000283FF088692535389C00014");
    CHECK(hexOf(selectSecurityDomain(issuerSecurityDomainAid())) == "00A4040007A0000001510000");
}

TEST_CASE("traces never show the data of a protected command", "[hicos][gen2][apdu]")
{
    Scp03Session session = v2Session();
    CHECK(redactedHex(session.externalAuthenticate()) == "84 82 03 00 <16 bytes redacted>");
    CHECK(redactedHex(session.wrapVerify(ascii("123456"))) == "04 20 00 01 <24 bytes redacted>");
    CHECK(redactedHex(session.wrap(plainSelect(0x5030))) == "04 A4 00 04 <24 bytes redacted>");
    // The MAC of a command without data is hidden too.
    CHECK(redactedHex(session.wrap(privateKeyResultCommand(0x80, 0x80)))
        == "84 C1 00 80 <8 bytes redacted>");
}
