// The HiCOS primitives, PIN block and gen1 commands against the reference vectors (§12 V1, V4
// of hicos-protocol.md) and published known answers. The gen2 channel: test_hicos_scp03.cpp.

#include "card_error_checks.hpp"
#include "hicos_test_support.hpp"
#include "smartcard/hicos_crypto.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

using namespace smartcard;
using namespace smartcard::hicos;
using cardchecks::errcOf;
using hicostest::ascii;
using hicostest::hexOf;

TEST_CASE("AES-128 and AES-CMAC give the published known answers", "[hicos][crypto]")
{
    // FIPS-197 appendix C.1.
    const Bytes fipsKey = fromHex("000102030405060708090A0B0C0D0E0F");
    const Bytes plain = fromHex("00112233445566778899AABBCCDDEEFF");
    const SecretBytes cipher = aes128EcbEncryptBlock(fipsKey, plain);
    CHECK(toHex(cipher) == "69C4E0D86A7B0430D8CDB78070B4C55A");
    CHECK(toHex(aes128EcbDecryptBlock(fipsKey, cipher)) == toHex(plain));

    // RFC 4493 §4, examples 1 and 2; the parts of a message are MACed as one.
    const Bytes cmacKey = fromHex("2B7E151628AED2A6ABF7158809CF4F3C");
    CHECK(toHex(aesCmac(cmacKey, {})) == "BB1D6929E95937287FA37D129B756746");
    const Bytes block = fromHex("6BC1BEE22E409F96E93D7E117393172A");
    CHECK(toHex(aesCmac(cmacKey, { block })) == "070A16B46B4D4144F79BDD9DD04A287C");
    CHECK(toHex(aesCmac(cmacKey, { ByteView(block).first(5), ByteView(block).subspan(5) }))
        == "070A16B46B4D4144F79BDD9DD04A287C");
}

TEST_CASE("CBC encryption and decryption are inverses and chain from the IV", "[hicos][crypto]")
{
    const Bytes aesKey = fromHex("000102030405060708090A0B0C0D0E0F");
    const Bytes iv(16, 0x00);
    const Bytes data = fromHex("00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF");
    const SecretBytes cipher = aes128CbcEncrypt(aesKey, iv, data);
    // With a zero IV the first block is plain ECB; the second one is chained.
    CHECK(toHex(cipher.view().first(16)) == "69C4E0D86A7B0430D8CDB78070B4C55A");
    CHECK(toHex(cipher.view().last(16)) != "69C4E0D86A7B0430D8CDB78070B4C55A");
    CHECK(toHex(aes128CbcDecrypt(aesKey, iv, cipher)) == toHex(data));

    const Bytes desIv = fromHex("0001020304050607");
    const Bytes desData = fromHex("313233343536FFFFFFFF060606060606");
    const SecretBytes desCipher = tdes2CbcEncrypt(gen1PinKey(), desIv, desData);
    CHECK(toHex(tdes2CbcDecrypt(gen1PinKey(), desIv, desCipher)) == toHex(desData));
}

TEST_CASE("the primitives refuse wrong sizes before touching the data", "[hicos][crypto]")
{
    const Bytes key16(16, 0x01);
    CHECK(errcOf([&] { aes128EcbEncryptBlock(Bytes(15, 0), Bytes(16, 0)); })
        == CardErrc::InvalidArgument);
    CHECK(errcOf([&] { aes128EcbEncryptBlock(key16, Bytes(17, 0)); }) == CardErrc::InvalidArgument);
    CHECK(errcOf([&] { aes128CbcEncrypt(key16, Bytes(16, 0), Bytes(15, 0)); })
        == CardErrc::InvalidArgument);
    CHECK(errcOf([&] { aes128CbcDecrypt(key16, Bytes(8, 0), Bytes(16, 0)); })
        == CardErrc::InvalidArgument);
    CHECK(errcOf([&] { tdes2CbcEncrypt(Bytes(24, 0), Bytes(8, 0), Bytes(8, 0)); })
        == CardErrc::InvalidArgument);
    CHECK(errcOf([&] { tdes2CbcEncrypt(key16, Bytes(8, 0), Bytes(12, 0)); })
        == CardErrc::InvalidArgument);
    CHECK(errcOf([&] { aesCmac(Bytes(32, 0), {}); }) == CardErrc::InvalidArgument);
}

TEST_CASE("random bytes differ from draw to draw; constant-time equality", "[hicos][crypto]")
{
    // Two equal 16-byte draws would happen once in 2^128.
    CHECK(randomBytes(16) != randomBytes(16));
    CHECK(randomBytes(0).empty());

    CHECK(equalInConstantTime(fromHex("0102"), fromHex("0102")));
    CHECK_FALSE(equalInConstantTime(fromHex("0102"), fromHex("0103")));
    CHECK_FALSE(equalInConstantTime(fromHex("0102"), fromHex("010200")));
    CHECK(equalInConstantTime({}, {}));
}

TEST_CASE("the PIN block is the PIN padded with FF to 10 bytes", "[hicos][pin]")
{
    CHECK(toHex(pinBlock(ascii("123456"))) == "313233343536FFFFFFFF");
    CHECK(toHex(pinBlock(ascii("A1b2C3d4"))) == "4131623243336434FFFF");
    CHECK(toHex(pinBlock(ascii("1234567890"))) == "31323334353637383930");
}

TEST_CASE("a PIN that does not fit the block is refused without showing it", "[hicos][pin]")
{
    const Bytes tooLong = ascii("12345678901");
    CHECK(errcOf([&] { pinBlock(tooLong); }) == CardErrc::PinLengthInvalid);
    CHECK(errcOf([&] { pinBlock({}); }) == CardErrc::PinLengthInvalid);
    CHECK(errcOf([&] { gen1ProtectedVerify(tooLong); }) == CardErrc::PinLengthInvalid);
    try {
        gen1ProtectedVerify(tooLong, fromHex("0001020304050607"));
        FAIL("an 11-byte PIN was accepted");
    } catch (const CardError& error) {
        CHECK(std::string(error.what()).find("12345678901") == std::string::npos);
        CHECK(std::string(error.what()).find("3132") == std::string::npos);
    }
}

TEST_CASE("V1: the gen1 protected VERIFY of the reference vectors", "[hicos][gen1]")
{
    const Bytes iv = fromHex("0001020304050607");
    CHECK(hexOf(gen1ProtectedVerify(ascii("123456"), iv))
        == "8C200001200001020304050607C905A82B9358355D903740717A6D37DDBAC960C043F17382");
    CHECK(hexOf(gen1ProtectedVerify(ascii("A1b2C3d4"), iv))
        == "8C2000012000010203040506075D6299E0CDD5C3D8225478E8A33206A3E518AB82116BD934");

    // The MACs of V1: the last block of 3DES-CBC over the PKCS#7-padded PIN block.
    const auto macOf = [&](std::string_view pin) {
        const SecretBytes block = pinBlock(ascii(pin));
        const Bytes padded = concat({ block, Bytes(6, 0x06) });
        return toHex(tdes2CbcEncrypt(gen1PinKey(), iv, padded).view().last(8));
    };
    CHECK(macOf("123456") == "CBE9E885C0B14D19");
    CHECK(macOf("A1b2C3d4") == "9D1713AD90D3A532");
    CHECK(toHex(gen1PinKey()) == toHex(ascii("CHTTL8f0HiCardV2")));
}

TEST_CASE("the gen1 VERIFY draws a fresh IV each time", "[hicos][gen1]")
{
    const CommandApdu first = gen1ProtectedVerify(ascii("123456"));
    const CommandApdu second = gen1ProtectedVerify(ascii("123456"));
    CHECK(toHex(ByteView(first.encode()).first(5)) == "8C20000120");
    CHECK(first.data.size() == 32);
    CHECK_FALSE(first.le);
    CHECK(first.data != second.data);
    CHECK(errcOf([] { gen1ProtectedVerify(ascii("123456"), fromHex("00010203")); })
        == CardErrc::InvalidArgument);
}

TEST_CASE("V4: the gen1 signature block and its three commands", "[hicos][gen1]")
{
    const Bytes digest
        = fromHex("2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824");
    const Bytes block = pkcs1v15SignatureBlock(digest, 256);
    const std::string expected = "0001" + std::string(202 * 2, 'F') + "00"
        + "3031300D060960864801650304020105000420" + toHex(digest);
    REQUIRE(toHex(block) == expected);

    const PrivateKeyCommands commands = gen1PrivateKeyCommands(block, 0x01);
    CHECK(hexOf(commands.firstHalf) == "80EA820180" + expected.substr(0, 256));
    CHECK(hexOf(commands.secondHalf) == "80EA020180" + expected.substr(256));
    CHECK(hexOf(commands.rest) == "80C1008080");
}

TEST_CASE("gen2 private-key commands in the clear carry Le on the second half", "[hicos][gen2]")
{
    const Bytes block(256, 0x5A);
    const PrivateKeyCommands commands = gen2PrivateKeyCommands(block, 0x11);
    CHECK(hexOf(commands.firstHalf) == "80EA821180" + toHex(Bytes(128, 0x5A)));
    CHECK_FALSE(commands.firstHalf.le);
    CHECK(commands.secondHalf.le == std::size_t { 0x80 });
    CHECK(toHex(ByteView(commands.secondHalf.encode()).first(5)) == "80EA021180");
    CHECK(hexOf(commands.rest) == "80C1008080");
    CHECK(hexOf(privateKeyResultCommand(0x0100, 0x40)) == "80C1010040");
}

TEST_CASE("private-key blocks of the wrong size are refused", "[hicos][gen1]")
{
    CHECK(errcOf([] { gen1PrivateKeyCommands(Bytes(255, 0), 0x01); }) == CardErrc::InvalidArgument);
    CHECK(errcOf([] { gen2PrivateKeyCommands(Bytes(512, 0), 0x01); }) == CardErrc::InvalidArgument);
    CHECK(errcOf([] { pkcs1v15SignatureBlock(Bytes(20, 0), 256); }) == CardErrc::InvalidArgument);
    CHECK(errcOf([] { pkcs1v15SignatureBlock(Bytes(32, 0), 61); }) == CardErrc::InvalidArgument);
    CHECK(pkcs1v15SignatureBlock(Bytes(32, 0), 62).size() == 62);
    CHECK(errcOf([] { privateKeyResultCommand(0, 0); }) == CardErrc::InvalidArgument);
}

TEST_CASE("traces never show the protected VERIFY's data", "[hicos][gen1][apdu]")
{
    const CommandApdu verify = gen1ProtectedVerify(ascii("123456"), fromHex("0001020304050607"));
    CHECK(redactedHex(verify) == "8C 20 00 01 <32 bytes redacted>");
    CHECK(redactedHex(verify.encode()) == "8C 20 00 01 <32 bytes redacted>");
}
