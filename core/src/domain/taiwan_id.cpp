#include "core/domain/taiwan_id.hpp"

namespace core::domain {

namespace {

/// The two-digit value of the leading letter. Not alphabetical: I, O, W … were added to the
/// scheme later and took the numbers left over.
int letterValue(QChar letter)
{
    static constexpr int values[26] = { 10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35,
        23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33 };
    const char16_t c = letter.unicode();
    if (c < u'A' || c > u'Z')
        return -1;
    return values[c - u'A'];
}

} // namespace

bool isValidTaiwanId(const QString& id)
{
    if (id.size() != 10)
        return false;
    const int letter = letterValue(id.at(0));
    if (letter < 0)
        return false;
    for (qsizetype i = 1; i < 10; ++i)
        if (id.at(i).unicode() < u'0' || id.at(i).unicode() > u'9')
            return false;
    // 1/2: citizens (male/female); 8/9: the 2021 resident certificates, same checksum.
    const char16_t kind = id.at(1).unicode();
    if (kind != u'1' && kind != u'2' && kind != u'8' && kind != u'9')
        return false;
    // Weights 1, 9 for the letter's two digits, then 8 … 1 for digits 2–9, 1 for the check digit;
    // the sum must be a multiple of 10.
    int sum = letter / 10 + (letter % 10) * 9;
    for (qsizetype i = 1; i < 9; ++i)
        sum += (id.at(i).unicode() - u'0') * static_cast<int>(9 - i);
    sum += id.at(9).unicode() - u'0';
    return sum % 10 == 0;
}

} // namespace core::domain
