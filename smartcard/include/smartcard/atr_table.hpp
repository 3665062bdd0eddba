#pragma once

#include "smartcard/bytes.hpp"

#include <istream>
#include <string>
#include <vector>

namespace smartcard {

/// What an ATR suggests probing first. Only a suggestion: recognition confirms by behaviour.
enum class AtrHint { None, Hicos, HicosGen1, HicosGen2, Nhi };

struct AtrEntry {
    std::string pattern; // upper-case hex digits and '.', no spaces
    std::vector<std::string> descriptions;
    AtrHint hint = AtrHint::None;
    /// Set from a "\tprobable: <why>" line: our guess at the family, not a listed fact.
    std::string probable;

    bool matches(ByteView atr) const;
};

/// An ATR list in pcsc-tools' smartcard_list.txt syntax (ATR line, then tab-indented text),
/// with our optional "\thint: <family>" line. Entries whose pattern uses regular-expression
/// features beyond "." are skipped: we match hex digit by hex digit.
class AtrTable {
public:
    static AtrTable parse(std::istream& in);
    /// The Taiwan cards we know, compiled in from resources/atr/taiwan-cards.txt.
    static const AtrTable& builtin();

    /// First matching entry, or nullptr.
    const AtrEntry* match(ByteView atr) const;
    std::size_t size() const { return entries_.size(); }
    const AtrEntry& entry(std::size_t index) const { return entries_.at(index); }

private:
    std::vector<AtrEntry> entries_;
};

/// The ATR as the card sent it: without the 00 that some reader drivers (the macOS EZ100PU
/// driver, reportedly) put before TS (3B or 3F).
Bytes normalisedAtr(ByteView atr);

/// The ATR's historical bytes (ISO 7816-3 §8.2), or empty when the ATR is malformed.
Bytes atrHistoricalBytes(ByteView atr);

} // namespace smartcard
