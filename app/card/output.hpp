#pragma once

#include <QJsonDocument>
#include <QString>

namespace card_cli {

/// Writes UTF-8 text to stdout / stderr (the terminal's encoding on Debian is UTF-8).
void printOut(const QString& text);
void printErr(const QString& text);
void printJson(const QJsonDocument& document);

} // namespace card_cli
