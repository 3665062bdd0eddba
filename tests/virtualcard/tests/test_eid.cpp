#include "model/atr.hpp"
#include "model/eid_card.hpp"
#include "model/eid_pkcs15.hpp"
#include "model/response_chain.hpp"

#include <catch2/catch.hpp>
#include <memory>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

using namespace virtualcard;
using smartcard::Bytes;
using smartcard::fromHex;

namespace {

const RsaKey& testKey()
{
    static const RsaKey key = RsaKey::generate(2048); // once per test binary: ~0.1 s
    return key;
}

EidConfig config(bool wrongLe6c = false)
{
    EidConfig c;
    c.signCertificate = Bytes(900, 0x5A);
    c.caCertificate = Bytes(200, 0xCA);
    c.wrongLe6c = wrongLe6c;
    return c;
}

Bytes sw(std::uint16_t v)
{
    return { static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v) };
}

const Bytes verify123456 = fromHex("00 20 00 81 08 31 32 33 34 35 36 FF FF");
const Bytes verifyWrong = fromHex("00 20 00 81 08 39 39 39 39 39 39 FF FF");
const Bytes mse = fromHex("00 22 41 B6 06 80 01 42 84 01 02");
Bytes pso()
{
    Bytes digestInfo = fromHex("30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20");
    digestInfo.resize(51, 0x77);
    return smartcard::concat({ fromHex("00 2A 9E 9A 33"), digestInfo, fromHex("00") });
}

bool verifies(const Bytes& signature, smartcard::ByteView digestInfo)
{
    const Bytes spki = testKey().publicKeyDer();
    const unsigned char* p = spki.data();
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> pub(
        d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size())), EVP_PKEY_free);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new(pub.get(), nullptr), EVP_PKEY_CTX_free);
    return EVP_PKEY_verify_init(ctx.get()) == 1
        && EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) == 1
        && EVP_PKEY_verify(
               ctx.get(), signature.data(), signature.size(), digestInfo.data(), digestInfo.size())
        == 1;
}

} // namespace

TEST_CASE("iso-eid SELECT forms")
{
    EidCard card(config(), testKey());
    CHECK(atr::checkByteValid(card.atr()));
    CHECK(card.process(fromHex("00 A4 04 0C 0C A0 00 00 00 63 50 4B 43 53 2D 31 35")).response
        == sw(0x9000));
    CHECK(card.process(fromHex("00 A4 04 0C 10 A0 00 00 02 83 00 00 06 22 01 69 64 00 01 01 01"))
              .response
        == sw(0x6A82));
    CHECK(card.process(fromHex("00 A4 00 0C 02 50 31")).response == sw(0x9000));
    auto r = card.process(fromHex("00 A4 00 00 02 44 31 00"));
    CHECK(r.response == fromHex("62 0B 80 02 03 84 82 01 01 83 02 44 31 90 00"));
    CHECK(card.process(fromHex("00 A4 08 0C 04 50 15 44 04")).response == sw(0x9000));
    CHECK(card.process(fromHex("00 A4 08 0C 06 3F 00 50 15 44 04")).response == sw(0x6A82));
    CHECK(card.process(fromHex("00 A4 09 0C 02 44 32")).response
        == sw(0x9000)); // from the current DF 5015
    CHECK(card.process(fromHex("00 A4 00 0C 02 3F 00")).response == sw(0x9000));
    CHECK(card.process(fromHex("00 A4 09 0C 02 44 32")).response == sw(0x6A82)); // MF has no 4432
    r = card.process(fromHex("00 A4 00 04 02 50 15 00"));
    CHECK(r.response
        == smartcard::concat(
            { fromHex("62 15 82 01 38 83 02 50 15 84 0C"), eid::pkcs15Aid(), sw(0x9000) }));
    CHECK(card.process(fromHex("00 A4 00 01 02 50 15")).response == sw(0x6A86));
    CHECK(card.process(fromHex("80 A4 00 0C 02 3F 00")).response == sw(0x6E00));
    CHECK(card.process(fromHex("00 CA 01 00 00")).response == sw(0x6D00));
}

TEST_CASE("iso-eid READ BINARY with short and extended Le")
{
    EidCard card(config(), testKey());
    REQUIRE(swOf(card.process(fromHex("00 A4 08 0C 04 50 15 44 31"))) == 0x9000);
    auto r = card.process(fromHex("00 B0 00 00 00")); // Le 256 of 900
    CHECK(swOf(r) == 0x9000);
    CHECK(r.response.size() == 258);
    r = card.process(fromHex("00 B0 00 00 00 00 00")); // extended Le 65536
    CHECK(swOf(r) == 0x6282);
    CHECK(r.response.size() == 902);
    r = card.process(fromHex("00 B0 03 00 00 01 00")); // offset 768, extended Le 256
    CHECK(swOf(r) == 0x6282);
    CHECK(r.response.size() == 132 + 2);
    CHECK(card.process(fromHex("00 B0 03 84 01")).response == sw(0x6B00));
    CHECK(card.process(fromHex("00 B0 00 00")).response == sw(0x6700));
}

TEST_CASE("iso-eid VERIFY counter, blocking and the status query")
{
    EidCard card(config(), testKey());
    CHECK(card.process(fromHex("00 20 00 81")).response == sw(0x63C3));
    CHECK(card.process(fromHex("00 20 00 81 06 31 32 33 34 35 36")).response
        == sw(0x6700)); // unpadded
    CHECK(card.pin().left() == 3);
    CHECK(card.process(verifyWrong).response == sw(0x63C2));
    CHECK(card.process(fromHex("00 20 00 81")).response == sw(0x63C2));
    CHECK(card.process(verify123456).response == sw(0x9000));
    CHECK(card.process(fromHex("00 20 00 81")).response == sw(0x9000));
    CHECK(card.process(fromHex("00 20 00 01 08 31 32 33 34 35 36 FF FF")).response == sw(0x6A88));
    CHECK(card.process(verifyWrong).response == sw(0x63C2));
    CHECK(card.process(verifyWrong).response == sw(0x63C1));
    CHECK(card.process(verifyWrong).response == sw(0x6983));
    CHECK(card.process(verify123456).response == sw(0x6983));
    CHECK(card.process(fromHex("00 20 00 81")).response == sw(0x6983));
}

TEST_CASE("iso-eid signing needs the PIN and MSE in this session")
{
    EidCard card(config(), testKey());
    CHECK(card.process(pso()).response == sw(0x6982));
    CHECK(card.process(fromHex("00 22 41 B6 06 80 01 42 84 01 01")).response == sw(0x6A88));
    REQUIRE(card.process(verify123456).response == sw(0x9000));
    CHECK(card.process(pso()).response == sw(0x6985));
    REQUIRE(card.process(mse).response == sw(0x9000));
    Bytes bad = pso();
    bad[5 + 8] ^= 0x01; // breaks the SHA-256 OID
    CHECK(card.process(bad).response == sw(0x6A80));
    const auto r = card.process(pso());
    REQUIRE(swOf(r) == 0x9000);
    CHECK(r.signature);
    const Bytes signature(r.response.begin(), r.response.end() - 2);
    CHECK(signature.size() == 256);
    const Bytes command = pso();
    CHECK(verifies(signature, smartcard::ByteView(command).subspan(5, 51)));

    card.endSession(); // power off / reset
    CHECK(card.process(pso()).response == sw(0x6982));
    card.process(verify123456);
    CHECK(card.process(pso()).response == sw(0x6985));
}

TEST_CASE("iso-eid --wrong-le-6c answers 6Cxx for small files")
{
    EidCard card(config(true), testKey());
    REQUIRE(swOf(card.process(fromHex("00 A4 08 0C 04 50 15 44 32"))) == 0x9000); // 200 bytes
    CHECK(card.process(fromHex("00 B0 00 00 00")).response == sw(0x6CC8));
    CHECK(card.process(fromHex("00 B0 00 10 10")).response == sw(0x6CB8));
    auto r = card.process(fromHex("00 B0 00 00 C8"));
    CHECK(swOf(r) == 0x9000);
    CHECK(r.response.size() == 202);
    REQUIRE(swOf(card.process(fromHex("00 A4 08 0C 04 50 15 44 31")))
        == 0x9000); // 900 bytes: not small
    CHECK(swOf(card.process(fromHex("00 B0 00 00 00"))) == 0x9000);
}

TEST_CASE("--force-61xx hands data out through GET RESPONSE")
{
    ResponseChain card(std::make_unique<EidCard>(config(), testKey()), true);
    CHECK(card.process(fromHex("00 C0 00 00 10")).response == sw(0x6985)); // nothing pending
    CHECK(card.process(fromHex("00 A4 08 0C 04 50 15 44 31")).response
        == sw(0x9000)); // no data: as is
    auto r = card.process(fromHex("00 B0 00 00 00 03 84"));
    CHECK(r.response == sw(0x6100)); // 900 bytes pending: "256 or more"
    Bytes data;
    for (int i = 0; i < 3; ++i) {
        r = card.process(fromHex("00 C0 00 00 00"));
        REQUIRE(r.response.size() == 258);
        data.insert(data.end(), r.response.begin(), r.response.end() - 2);
        CHECK(swOf(r) == (i < 2 ? 0x6100 : 0x6184));
    }
    r = card.process(fromHex("00 C0 00 00 84"));
    CHECK(swOf(r) == 0x9000);
    data.insert(data.end(), r.response.begin(), r.response.end() - 2);
    CHECK(data == Bytes(900, 0x5A));
    CHECK(card.process(fromHex("00 C0 00 00 01")).response == sw(0x6985));

    card.process(fromHex("00 B0 00 00 10"));
    card.process(fromHex("00 A4 00 0C 02 3F 00")); // another command drops what is pending
    CHECK(card.process(fromHex("00 C0 00 00 10")).response == sw(0x6985));

    r = card.process(fromHex("00 A4 08 0C 04 50 15 44 31"));
    r = card.process(fromHex("00 B0 03 80 10")); // 4 bytes + 6282 at EOF
    CHECK(r.response == sw(0x6104));
    r = card.process(fromHex("00 C0 00 00 04"));
    CHECK(r.response == fromHex("5A 5A 5A 5A 62 82"));
}
