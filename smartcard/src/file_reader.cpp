#include "smartcard/file_reader.hpp"

#include "smartcard/errors.hpp"
#include "smartcard/pkcs15.hpp"

#include <algorithm>

namespace smartcard {

Bytes readBinary(ApduChannel& channel, const BinaryRead& how)
{
    Bytes content;
    const std::size_t limit = how.length.value_or(how.maxSize);
    std::size_t chunk = how.chunk;
    while (content.size() < limit) {
        const std::size_t offset = how.offset + content.size();
        if (offset > 0x7FFF)
            throw CardError(CardErrc::MalformedData, "file extends past READ BINARY addressing");
        const std::size_t want = std::min(chunk, limit - content.size());
        const ResponseApdu response = channel.transmit(
            CommandApdu::readBinary(static_cast<std::uint16_t>(offset), want, how.cla));
        if (response.sw() == 0x6987 && how.chunkAfter6987 && chunk > *how.chunkAfter6987) {
            chunk = *how.chunkAfter6987;
            continue;
        }
        const bool endOfFile = response.sw() == 0x6282;
        if (response.sw() == 0x6B00 && !content.empty())
            break; // offset just past the end: the previous chunk was the last
        if (!response.isOk() && !endOfFile)
            throwForStatus(response.sw());
        if (response.data.size() > want)
            throw CardError(CardErrc::MalformedResponse, "card returned more than Le asked");
        content.insert(content.end(), response.data.begin(), response.data.end());
        if (how.stopAtPadding) {
            if (const auto used = directoryContentEnd(content)) {
                content.resize(*used);
                return content;
            }
        }
        if (endOfFile || response.data.size() < want)
            break;
    }
    if (how.length && content.size() != *how.length)
        throw CardError(CardErrc::MalformedData,
            "file ended after " + std::to_string(content.size()) + " of "
                + std::to_string(*how.length) + " bytes");
    return content;
}

} // namespace smartcard
