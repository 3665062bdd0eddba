#pragma once

#include <QString>
#include <QUrl>
#include <optional>

namespace ui {

/// Why a server address cannot be used (設定 → 伺服器網址).
enum class ServerUrlProblem {
    None,
    Empty,
    NotAnAddress, ///< not scheme://host[:port][/path]
    NotHttps, ///< plain http to a host that is not this computer, or another scheme
    ExtraParts, ///< a user name, password, query or fragment in it
};

/// https://host[:port][/path], or http:// only for a loopback host (localhost, 127.x, ::1).
ServerUrlProblem checkServerUrl(const QString& text);
/// The address as it is kept: trimmed, no trailing slash.
QUrl normalizedServerUrl(const QString& text);
/// The sentence for a problem (empty for None).
QString serverUrlProblemText(ServerUrlProblem problem);

/// The origin card logins are signed for, typed as https://host[:port] (http:// only for a
/// loopback host, a trailing '/' allowed): "scheme://host[:port]" in lower case, the default port
/// left out; nothing when it is not one (a path, query, user…). An empty text gives an empty one.
std::optional<QString> normalizedLoginOrigin(const QString& text);

/// A certificate SHA-256 typed as 64 hex digits, with or without ':' or spaces between the
/// pairs: the lower-case digits; nothing when it is not one. An empty text gives an empty pin.
std::optional<QString> normalizedCertificatePin(const QString& text);

} // namespace ui
