#include "core/api/service_config.hpp"

#include <arpa/inet.h>
#include <array>
#include <cstring>

namespace core::api {

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    // An address in the forms QUrl leaves in host(): dotted IPv4, or IPv6 without brackets.
    const QByteArray text = host.toLatin1();
    if (text.contains('\0'))
        return false; // inet_pton would stop at it
    std::array<unsigned char, 16> address {};
    if (inet_pton(AF_INET, text.constData(), address.data()) == 1)
        return address[0] == 127;
    if (inet_pton(AF_INET6, text.constData(), address.data()) != 1)
        return false;
    static constexpr std::array<unsigned char, 16> loopback6 { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 1 };
    static constexpr std::array<unsigned char, 12> mappedPrefix { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0xff, 0xff };
    if (address == loopback6)
        return true;
    // ::ffff:127.x.y.z is IPv4's loopback written as IPv6.
    return std::memcmp(address.data(), mappedPrefix.data(), mappedPrefix.size()) == 0
        && address[12] == 127;
}

} // namespace core::api
