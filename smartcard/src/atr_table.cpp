#include "smartcard/atr_table.hpp"

#include <sstream>
#include <string_view>

namespace smartcard {

extern const char* const builtinAtrTableText; // generated from resources/atr/taiwan-cards.txt

namespace {

std::string normalisedPattern(std::string_view line)
{
    std::string out;
    for (char c : line) {
        if (c == ' ')
            continue;
        if (c >= 'a' && c <= 'f')
            c = static_cast<char>(c - 'a' + 'A');
        const bool hex = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
        if (!hex && c != '.')
            return {}; // a regex feature we do not evaluate
        out += c;
    }
    return out;
}

AtrHint hintFromName(std::string_view name)
{
    if (name == "hicos-gen1")
        return AtrHint::HicosGen1;
    if (name == "hicos-gen2")
        return AtrHint::HicosGen2;
    if (name == "hicos")
        return AtrHint::Hicos;
    if (name == "nhi")
        return AtrHint::Nhi;
    return AtrHint::None;
}

} // namespace

bool AtrEntry::matches(ByteView atr) const
{
    const std::string hex = toHex(atr);
    if (hex.size() != pattern.size())
        return false;
    for (std::size_t i = 0; i < hex.size(); ++i)
        if (pattern[i] != '.' && pattern[i] != hex[i])
            return false;
    return true;
}

AtrTable AtrTable::parse(std::istream& in)
{
    AtrTable table;
    bool skipping = false; // inside the descriptions of an entry we could not use
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        if (line[0] == '\t') {
            if (skipping || table.entries_.empty())
                continue;
            const std::string_view text = std::string_view(line).substr(1);
            constexpr std::string_view hintPrefix = "hint: ";
            constexpr std::string_view probablePrefix = "probable: ";
            if (text.starts_with(hintPrefix))
                table.entries_.back().hint = hintFromName(text.substr(hintPrefix.size()));
            else if (text.starts_with(probablePrefix))
                table.entries_.back().probable = text.substr(probablePrefix.size());
            else
                table.entries_.back().descriptions.emplace_back(text);
            continue;
        }
        std::string pattern = normalisedPattern(line);
        skipping = pattern.empty() || pattern.size() % 2 != 0;
        if (!skipping)
            table.entries_.push_back({ std::move(pattern), {}, AtrHint::None });
    }
    return table;
}

const AtrTable& AtrTable::builtin()
{
    static const AtrTable table = [] {
        std::istringstream in(builtinAtrTableText);
        return parse(in);
    }();
    return table;
}

const AtrEntry* AtrTable::match(ByteView atr) const
{
    for (const auto& entry : entries_)
        if (entry.matches(atr))
            return &entry;
    return nullptr;
}

Bytes normalisedAtr(ByteView atr)
{
    if (atr.size() > 2 && atr[0] == 0x00 && (atr[1] == 0x3B || atr[1] == 0x3F))
        atr = atr.subspan(1);
    return Bytes(atr.begin(), atr.end());
}

Bytes atrHistoricalBytes(ByteView atr)
{
    if (atr.size() < 2)
        return {};
    const std::size_t historicalCount = atr[1] & 0x0F;
    std::size_t pos = 1; // T0, then each TDi announces the next interface bytes
    std::uint8_t indicator = atr[1];
    while (true) {
        std::size_t present = 0;
        for (int bit = 4; bit < 8; ++bit)
            if (indicator & (1 << bit))
                ++present;
        const bool moreFollow = indicator & 0x80;
        pos += present;
        if (pos >= atr.size())
            return {};
        if (!moreFollow)
            break;
        indicator = atr[pos];
    }
    const std::size_t start = pos + 1;
    if (start + historicalCount > atr.size())
        return {};
    return Bytes(atr.begin() + static_cast<long>(start),
        atr.begin() + static_cast<long>(start + historicalCount));
}

} // namespace smartcard
