#include "model/nhi_record.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>

#if defined(_WIN32)
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#else
#include <cerrno>
#include <iconv.h>
#endif

namespace virtualcard::nhi {

namespace {

#if !defined(_WIN32)
struct IconvClose {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};
#endif

bool allDigits(std::string_view s)
{
    return std::ranges::all_of(
        s, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

void require(bool ok, const std::string& message)
{
    if (!ok)
        throw std::invalid_argument(message);
}

void put(Bytes& out, std::size_t offset, std::string_view text)
{
    std::copy(text.begin(), text.end(), out.begin() + static_cast<long>(offset));
}

} // namespace

#if defined(_WIN32)
// Windows has no iconv: UTF-8 → UTF-16 → code page 950 (its Big5), refusing substitutes.
Bytes toBig5(std::string_view utf8)
{
    const std::string text(utf8);
    const int length = static_cast<int>(text.size());
    std::wstring wide(text.size(), L'\0');
    const int wideLength = MultiByteToWideChar(
        CP_UTF8, MB_ERR_INVALID_CHARS, text.data(), length, wide.data(), length);
    if (wideLength == 0 && length != 0)
        throw std::invalid_argument("\"" + text + "\" cannot be encoded in Big5 (invalid UTF-8)");
    Bytes out(text.size() * 2 + 4);
    BOOL substituted = FALSE;
    const int size = WideCharToMultiByte(950, WC_NO_BEST_FIT_CHARS, wide.data(), wideLength,
        reinterpret_cast<char*>(out.data()), static_cast<int>(out.size()), nullptr, &substituted);
    if ((size == 0 && wideLength != 0) || substituted)
        throw std::invalid_argument(
            "\"" + text + "\" cannot be encoded in Big5 (a character has no Big5 code)");
    out.resize(static_cast<std::size_t>(size));
    return out;
}
#else
Bytes toBig5(std::string_view utf8)
{
    iconv_t raw = iconv_open("BIG5", "UTF-8");
    if (raw == reinterpret_cast<iconv_t>(-1))
        throw std::runtime_error("iconv has no UTF-8 → BIG5 converter");
    const std::unique_ptr<void, IconvClose> cd(raw);
    std::string in(utf8);
    Bytes out(in.size() * 2 + 4);
    char* inPtr = in.data();
    std::size_t inLeft = in.size();
    char* outPtr = reinterpret_cast<char*>(out.data());
    std::size_t outLeft = out.size();
    if (iconv(raw, &inPtr, &inLeft, &outPtr, &outLeft) == static_cast<std::size_t>(-1))
        throw std::invalid_argument("\"" + in + "\" cannot be encoded in Big5"
            + (errno == EILSEQ ? " (a character has no Big5 code)" : " (invalid UTF-8)"));
    out.resize(out.size() - outLeft);
    return out;
}
#endif

Bytes record(const Holder& h)
{
    require(
        h.cardNumber.size() == 12 && allDigits(h.cardNumber), "NHI card number must be 12 digits");
    const bool idOk = h.idNumber.size() == 10
        && std::isupper(static_cast<unsigned char>(h.idNumber[0]))
        && allDigits(std::string_view(h.idNumber).substr(1));
    require(idOk, "NHI ID number must be a capital letter + 9 digits");
    require(h.birthDate.size() == 7 && allDigits(h.birthDate),
        "NHI birth date must be ROC yyyMMdd (7 digits)");
    require(h.issueDate.size() == 7 && allDigits(h.issueDate),
        "NHI issue date must be ROC yyyMMdd (7 digits)");
    require(h.sex == "M" || h.sex == "F", "NHI sex must be M or F");
    const Bytes name = toBig5(h.nameUtf8);
    require(!name.empty() && name.size() <= nameSize,
        "NHI name \"" + h.nameUtf8 + "\" is " + std::to_string(name.size())
            + " Big5 bytes; the card holds 1..20");

    Bytes out(recordSize, 0x00);
    put(out, 0, h.cardNumber);
    std::copy(name.begin(), name.end(), out.begin() + static_cast<long>(nameOffset));
    put(out, 32, h.idNumber);
    put(out, 42, h.birthDate);
    put(out, 49, h.sex);
    put(out, 50, h.issueDate);
    return out;
}

} // namespace virtualcard::nhi
