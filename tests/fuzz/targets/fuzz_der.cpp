// The DER/TLV reader and its decoders, on anything.
#include "smartcard/der.hpp"
#include "smartcard/errors.hpp"

namespace {

void walk(smartcard::DerReader reader, int depth)
{
    using namespace smartcard;
    while (!reader.atEnd()) {
        const Tlv tlv = reader.next();
        try {
            (void)derInteger(tlv);
        } catch (const CardError&) { }
        try {
            (void)derString(tlv);
        } catch (const CardError&) { }
        try {
            (void)derOid(tlv);
        } catch (const CardError&) { }
        try {
            (void)derBitString(tlv);
        } catch (const CardError&) { }
        if (tlv.constructed && depth < 32)
            walk(tlv.children(), depth + 1);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace smartcard;
    const ByteView input(data, size);
    try {
        walk(DerReader(input, DerReader::Padding::EndsContent), 0);
    } catch (const CardError&) { }
    try {
        (void)derElementSize(input);
    } catch (const CardError&) { }
    return 0;
}
