// Certificate facts and the Taiwan subject directory attributes from any bytes a card holds.
#include "smartcard/certificate_facts.hpp"
#include "smartcard/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace smartcard;
    const ByteView der(data, size);
    try {
        (void)inspectCertificate(der);
    } catch (const CardError&) { }
    try {
        (void)certificateSerialHex(der);
    } catch (const CardError&) { }
    (void)derSequenceLength(der);
    return 0;
}
