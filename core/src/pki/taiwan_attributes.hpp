#pragma once

#include <QString>
#include <openssl/x509.h>

namespace core::pki::detail {

/// The identity facts Taiwan's GPKI puts outside the subject name.
struct TaiwanAttributes {
    QString idLastFour; // MOICA: last four digits of the holder's ID number
    QString agencyCode; // GCA: the agency's code (機關代碼)
};

/// Reads the subject directory attributes (2.5.29.9) and, for the ID digits, the older custom
/// extension 2.16.886.1.100.1.1. Malformed or absent data leaves the fields empty; never throws.
TaiwanAttributes readTaiwanAttributes(const X509* certificate);

} // namespace core::pki::detail
