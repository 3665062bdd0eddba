// UTF-8, UTF-16 and code pages through MultiByteToWideChar / WideCharToMultiByte (Windows only).

#include "windows_text.hpp"

#if defined(_WIN32)

#include "windows_api.hpp"

namespace smartcard::detail {

namespace {

// Both directions: the size first, then the text; every input here is far below INT_MAX.
std::optional<std::wstring> widen(unsigned codePage, DWORD flags, std::string_view bytes)
{
    if (bytes.empty())
        return std::wstring();
    const int length = static_cast<int>(bytes.size());
    const int size = MultiByteToWideChar(codePage, flags, bytes.data(), length, nullptr, 0);
    if (size <= 0)
        return std::nullopt;
    std::wstring wide(static_cast<std::size_t>(size), L'\0');
    MultiByteToWideChar(codePage, flags, bytes.data(), length, wide.data(), size);
    return wide;
}

} // namespace

std::wstring toWide(std::string_view utf8)
{
    return widen(CP_UTF8, 0, utf8).value_or(std::wstring());
}

std::string toUtf8(std::wstring_view wide)
{
    if (wide.empty())
        return {};
    const int length = static_cast<int>(wide.size());
    const int size
        = WideCharToMultiByte(CP_UTF8, 0, wide.data(), length, nullptr, 0, nullptr, nullptr);
    if (size <= 0)
        return {};
    std::string text(static_cast<std::size_t>(size), '\0');
    WideCharToMultiByte(CP_UTF8, 0, wide.data(), length, text.data(), size, nullptr, nullptr);
    return text;
}

std::optional<std::string> fromCodePage(unsigned codePage, std::string_view bytes)
{
    const auto wide = widen(codePage, MB_ERR_INVALID_CHARS, bytes);
    if (!wide)
        return std::nullopt;
    return toUtf8(*wide);
}

} // namespace smartcard::detail

#endif
