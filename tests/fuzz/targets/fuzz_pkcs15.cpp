// The PKCS#15 directory files as cards store them (ODF, TokenInfo, CDF, PrKDF, AODF), padding
// and the HiCOS length trailer included, and the forward read's end-of-records test.
#include "smartcard/errors.hpp"
#include "smartcard/pin_encoding.hpp"
#include "smartcard/pkcs15.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace smartcard;
    const ByteView file(data, size);
    try {
        (void)parseOdf(file);
    } catch (const CardError&) { }
    try {
        (void)parseTokenInfo(file);
    } catch (const CardError&) { }
    try {
        (void)parseCdf(file);
    } catch (const CardError&) { }
    try {
        (void)parsePrkdf(file);
    } catch (const CardError&) { }
    try {
        for (const PinEntry& pin : parseAodf(file)) {
            const Bytes sample { '1', '2', '3', '4', '5', '6' };
            try {
                (void)encodePin(sample, pin);
            } catch (const CardError&) { }
            (void)maxPinCharacters(pin);
        }
    } catch (const CardError&) { }
    try {
        const std::size_t length = directoryContentLength(file);
        if (length > file.size())
            __builtin_trap();
    } catch (const CardError&) { }
    try {
        if (const auto end = directoryContentEnd(file); end && *end > file.size())
            __builtin_trap();
    } catch (const CardError&) { }
    return 0;
}
