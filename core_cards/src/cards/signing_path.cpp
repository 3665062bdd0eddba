#include "signing_path.hpp"

namespace core::cards {

QString signingPathName(smartcard::SigningPath path)
{
    switch (path) {
    case smartcard::SigningPath::Direct:
        return QStringLiteral("direct");
    case smartcard::SigningPath::Module:
        return QStringLiteral("module");
    case smartcard::SigningPath::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace core::cards
