// The 健保卡 basic data record (57 bytes or more, Big5 name, ROC dates) from any answer.
#include "smartcard/errors.hpp"
#include "smartcard/nhi_card.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        (void)smartcard::parseNhiBasicData(smartcard::ByteView(data, size));
    } catch (const smartcard::CardError&) { }
    return 0;
}
