#pragma once

#include "core/cards/card_report.hpp"

#include <QString>

namespace card_cli {

/// Human-readable, translated descriptions of what `info` and `certs` found.
QString kindDisplayName(const QString& kind);
QString usageDisplayName(const QString& usage);
QString certificateText(const core::pki::CertificateInfo& info);
QString reportText(const core::cards::CardReport& report, bool revealId);

} // namespace card_cli
