#include "pkcs15_object.hpp"

namespace smartcard {

using namespace pkcs15detail;

std::vector<OdfEntry> parseOdf(ByteView file)
{
    std::vector<OdfEntry> entries;
    DerReader reader = directoryReader(file);
    while (!reader.atEnd()) {
        const Tlv choice = reader.next();
        // PKCS15Objects: [0]..[8], each an explicitly tagged PathOrObjects CHOICE.
        if (choice.tag < dertag::contextConstructed(0)
            || choice.tag > dertag::contextConstructed(8)) {
            if (isContextTag(choice.tag))
                continue; // a kind added after v1.1
            malformed("unexpected element in ODF");
        }
        DerReader inner = choice.children();
        if (inner.atEnd())
            malformed("empty ODF entry");
        const Tlv target = inner.next();
        if (target.tag != dertag::Sequence)
            continue; // objects [0] or a protected form: the list is not in a separate file
        entries.push_back({ static_cast<OdfKind>(choice.tag - dertag::contextConstructed(0)),
            parsePath(target) });
    }
    return entries;
}

} // namespace smartcard
