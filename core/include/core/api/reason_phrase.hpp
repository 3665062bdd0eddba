#pragma once

#include <QByteArray>

namespace core::api {

/// The reason phrase of an HTTP status line (RFC 9110), for the statuses this project sends;
/// "Status" for any other. Clients ignore it, but people reading a trace do not.
QByteArray reasonPhrase(int status);

} // namespace core::api
