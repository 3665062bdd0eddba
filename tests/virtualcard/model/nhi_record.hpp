#pragma once

// The 57-byte basic-data record of the NHI card (健保卡), answered to GET DATA 00 CA 11 00:
//   0-11 card number | 12-31 name, Big5, NUL-padded | 32-41 ID number | 42-48 birth (ROC yyyMMdd)
//   49 sex M/F | 50-56 issue date (ROC yyyMMdd)

#include "smartcard/bytes.hpp"

#include <string>
#include <string_view>

namespace virtualcard::nhi {

using smartcard::Bytes;

inline constexpr std::size_t recordSize = 57;
inline constexpr std::size_t nameOffset = 12;
inline constexpr std::size_t nameSize = 20;

struct Holder {
    std::string cardNumber = "000012345678";
    std::string nameUtf8 = "王小明";
    std::string idNumber = "A123456789";
    std::string birthDate = "0700101";
    std::string sex = "M";
    std::string issueDate = "1100315";
};

/// UTF-8 → Big5 through iconv; throws std::invalid_argument naming the text when a character
/// has no Big5 code.
Bytes toBig5(std::string_view utf8);
/// Throws std::invalid_argument with a message fit for the command line when a field does not
/// fit its slot (wrong length, not digits, name longer than 20 Big5 bytes...).
Bytes record(const Holder& holder);

} // namespace virtualcard::nhi
