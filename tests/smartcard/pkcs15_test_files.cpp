#include "pkcs15_test_files.hpp"

#include <catch2/catch.hpp>

namespace pkcs15test {

using smartcard::fromHex;

Bytes tlv(std::uint32_t tag, const Bytes& content)
{
    Bytes out;
    for (int shift = 24; shift >= 0; shift -= 8) {
        if ((tag >> shift) != 0 || shift == 0)
            out.push_back(static_cast<std::uint8_t>(tag >> shift));
    }
    const std::size_t length = content.size();
    if (length < 0x80) {
        out.push_back(static_cast<std::uint8_t>(length));
    } else if (length < 0x100) {
        out.push_back(0x81);
        out.push_back(static_cast<std::uint8_t>(length));
    } else {
        out.push_back(0x82);
        out.push_back(static_cast<std::uint8_t>(length >> 8));
        out.push_back(static_cast<std::uint8_t>(length));
    }
    out.insert(out.end(), content.begin(), content.end());
    return out;
}

Bytes cat(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const auto& part : parts)
        out.insert(out.end(), part.begin(), part.end());
    return out;
}

Bytes seq(std::initializer_list<Bytes> parts)
{
    return tlv(0x30, cat(parts));
}

Bytes utf8(const std::string& text)
{
    return tlv(0x0C, Bytes(text.begin(), text.end()));
}

Bytes octets(const char* hex)
{
    return tlv(0x04, fromHex(hex));
}

Bytes hicosFile(const Bytes& content, std::size_t size)
{
    REQUIRE(content.size() + 2 <= size);
    Bytes file = content;
    file.resize(size - 2, 0x00);
    file.push_back(static_cast<std::uint8_t>(content.size()));
    file.push_back(static_cast<std::uint8_t>(content.size() >> 8));
    return file;
}

Bytes ffPadded(const Bytes& content, std::size_t size)
{
    Bytes file = content;
    file.resize(size, 0xFF);
    return file;
}

const char* const realCardPath = "30 0F 04 06 3F 00 50 30 08 F2 02 01 00 80 02 06 08";

Bytes hicosCertPath(const char* indexHex, const char* lengthHex)
{
    return seq(
        { octets("3F00503008F2"), tlv(0x02, fromHex(indexHex)), tlv(0x80, fromHex(lengthHex)) });
}

Bytes certificateObject(
    const std::string& label, const char* idHex, bool authority, const Bytes& value)
{
    return seq({
        seq({ utf8(label), tlv(0x03, fromHex("0640")) }), // flags: modifiable
        seq({ octets(idHex), authority ? tlv(0x01, fromHex("FF")) : Bytes {} }),
        tlv(0xA1,
            seq({ value,
                seq({ tlv(0x31, seq({ tlv(0x06, fromHex("550403")), utf8("CN") })) }), // subject
                tlv(0xA0, seq({})), // issuer
                tlv(0x02, fromHex("0123")) })), // serialNumber
    });
}

// The four certificates of a MOICA card, all in 3F00/5030/08F2 (smartcards.md §2).
Bytes hicosCdfContent()
{
    return cat({
        certificateObject("ROOTCACert", "524F4F54434143657274", true, fromHex(realCardPath)),
        certificateObject("CACert", "434143657274", true, hicosCertPath("0700", "0600")),
        certificateObject("cert1", "4B455958", false, hicosCertPath("0E00", "05F0")),
        certificateObject("cert2", "5349474E", false, hicosCertPath("1500", "05F4")),
    });
}

Bytes prkdfContent()
{
    const Bytes rsaSign = seq({
        seq({ utf8("SIGN"), tlv(0x03, fromHex("0780")), octets("01") }),
        seq({ octets("5349474E"), tlv(0x03, fromHex("062040")), // sign + nonRepudiation
            tlv(0x01, fromHex("FF")), tlv(0x03, fromHex("03B8")), tlv(0x02, fromHex("81")) }),
        tlv(0xA0, seq({ seq({}) })), // subClassAttributes
        tlv(0xA1, seq({ seq({ octets("3F0050300810") }), tlv(0x02, fromHex("0800")) })),
    });
    const Bytes rsaDecrypt = seq({
        seq({ utf8("KEYX") }),
        seq({ octets("4B455958"), tlv(0x03, fromHex("0244")), // decrypt + unwrap
            tlv(0x02, fromHex("0084")) }),
        tlv(0xA1, seq({ seq({ octets("4402") }), tlv(0x02, fromHex("0C00")) })),
    });
    const Bytes ecKey = tlv(0xA0,
        cat({
            seq({}),
            seq({ octets("45"), tlv(0x03, fromHex("0520")) }),
            tlv(0xA1,
                seq({ seq({ octets("3F0050154403") }),
                    seq({ tlv(0x06, fromHex("2A8648CE3D030107")) }) })),
        }));
    const Bytes dhKey
        = tlv(0xA1, cat({ seq({}), seq({ octets("46"), tlv(0x03, fromHex("0780")) }) }));
    return cat({ rsaSign, rsaDecrypt, ecKey, dhKey });
}

Bytes aodfContent()
{
    const Bytes userPin = seq({
        seq({ utf8("User PIN"), tlv(0x03, fromHex("0640")), octets("02") }),
        seq({ octets("01") }),
        tlv(0xA1,
            seq({ tlv(0x03, fromHex("024C")), // local, initialized, needs-padding
                tlv(0x0A, fromHex("01")), tlv(0x02, fromHex("06")), tlv(0x02, fromHex("08")),
                tlv(0x02, fromHex("08")), tlv(0x80, fromHex("81")), octets("FF"),
                tlv(0x18, Bytes(15, '0')), seq({ octets("3F005015") }) })),
    });
    const Bytes puk = seq({
        seq({ utf8("PUK") }),
        seq({ octets("02") }),
        tlv(0xA1,
            seq({ tlv(0x03, fromHex("0102")), // unblockingPin
                tlv(0x0A, fromHex("00")), tlv(0x02, fromHex("08")), tlv(0x02, fromHex("08")) })),
    });
    const Bytes biometric = tlv(0xA0, cat({ seq({}), seq({ octets("03") }), tlv(0xA1, seq({})) }));
    const Bytes futurePinType = seq({
        seq({ utf8("future") }),
        seq({ octets("04") }),
        tlv(0xA1,
            seq({ tlv(0x03, fromHex("0780")), tlv(0x0A, fromHex("07")), tlv(0x02, fromHex("04")),
                tlv(0x02, fromHex("08")) })),
    });
    return cat({ userPin, puk, biometric, futurePinType });
}

Bytes odfContent()
{
    return cat({
        tlv(0xA0, seq({ octets("3F0050154402") })), tlv(0xA4, seq({ octets("4404") })),
        tlv(0xA1, tlv(0xA0, seq({}))), // objects [0]: embedded list, skipped
        tlv(0xA8, seq({ octets("4401"), tlv(0x02, fromHex("10")), tlv(0x80, fromHex("20")) })),
        tlv(0xA9, seq({ octets("4409") })), // a kind this client does not know
    });
}

Bytes tokenInfoContent()
{
    const std::string card = "MT00000002872688"; // the number printed on the card
    const Bytes serialNumber(card.begin(), card.end());
    return seq({ tlv(0x02, fromHex("00")), tlv(0x04, serialNumber), utf8("Chunghwa Telecom"),
        tlv(0x80, Bytes { 'M', 'O', 'I', 'C', 'A' }), tlv(0x03, fromHex("0480")), seq({}) });
}

std::vector<Bytes> validFiles()
{
    return { hicosFile(hicosCdfContent(), 1024), ffPadded(prkdfContent(), 400), aodfContent(),
        hicosFile(odfContent(), 128), ffPadded(tokenInfoContent(), 96), fromHex(realCardPath) };
}

} // namespace pkcs15test
