#include "pkcs15_object.hpp"
#include "smartcard/errors.hpp"

#include <algorithm>

namespace smartcard {

namespace {

// True when `content` is a run of complete elements and nothing else.
bool isWholeElements(ByteView content)
{
    try {
        DerReader reader(content);
        while (!reader.atEnd())
            reader.next();
        return true;
    } catch (const CardError&) {
        return false;
    }
}

} // namespace

std::size_t directoryContentLength(ByteView file)
{
    // HiCOS: the last two bytes hold the content length, little-endian. Trust them only when
    // they agree with the bytes (whole elements, then nothing but fill), so a standard file
    // whose last two bytes happen to look like a length is not cut short.
    if (file.size() >= 2) {
        const std::size_t trailerAt = file.size() - 2;
        const std::size_t declared = file[trailerAt] | std::size_t { file[trailerAt + 1] } << 8;
        if (declared <= trailerAt) {
            const ByteView fill = file.subspan(declared, trailerAt - declared);
            const bool onlyFill = std::all_of(fill.begin(), fill.end(),
                [](std::uint8_t byte) { return byte == 0x00 || byte == 0xFF; });
            if (onlyFill && isWholeElements(file.first(declared)))
                return declared;
        }
    }
    DerReader reader(file, DerReader::Padding::EndsContent);
    while (!reader.atEnd())
        reader.next();
    return reader.offset();
}

std::optional<std::size_t> directoryContentEnd(ByteView readSoFar)
{
    std::size_t at = 0;
    while (at < readSoFar.size()) {
        if (isPadding(readSoFar.subspan(at)))
            return at;
        const std::optional<std::uint64_t> size = derElementSize(readSoFar.subspan(at));
        if (!size || *size > readSoFar.size() - at)
            return std::nullopt; // the element goes on in the next chunk
        at += static_cast<std::size_t>(*size);
    }
    return std::nullopt;
}

namespace pkcs15detail {

DerReader directoryReader(ByteView file)
{
    return DerReader(file.first(directoryContentLength(file)));
}

} // namespace pkcs15detail

} // namespace smartcard
