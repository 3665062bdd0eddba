#include "smartcard/vendor_marks.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace smartcard {

namespace {

bool isAsciiLetter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return std::ranges::equal(a, b, [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x))
            == std::tolower(static_cast<unsigned char>(y));
    });
}

// `word` anywhere in `text`; with `whole`, only where no ASCII letter touches it, so that
// "CHT" matches "CHT V32N" and "CHT-HiCOS" but not "yacht".
bool contains(std::string_view text, std::string_view word, bool whole)
{
    for (std::size_t at = 0; at + word.size() <= text.size(); ++at) {
        if (!equalsIgnoringCase(text.substr(at, word.size()), word))
            continue;
        if (!whole)
            return true;
        const bool before = at > 0 && isAsciiLetter(text[at - 1]);
        const bool after = at + word.size() < text.size() && isAsciiLetter(text[at + word.size()]);
        if (!before && !after)
            return true;
    }
    return false;
}

} // namespace

bool namesHicosVendor(std::string_view text) noexcept
{
    static constexpr std::array<std::string_view, 3> anywhere { "chunghwa", "hicos",
        "\xE4\xB8\xAD\xE8\x8F\xAF\xE9\x9B\xBB\xE4\xBF\xA1" /* 中華電信 */ };
    return std::ranges::any_of(anywhere, [&](auto word) { return contains(text, word, false); })
        || contains(text, "cht", true);
}

} // namespace smartcard
