#pragma once

#include "smartcard/card_reader.hpp"
#include "smartcard/pcsc.hpp"

#include <QByteArray>

namespace testsupport {

/// One `info`-style read through the real stack, as the program does it.
inline smartcard::CardInfo readCard(const std::string& reader,
    smartcard::CertificateCache* cache = nullptr, std::size_t* exchanges = nullptr)
{
    smartcard::Pcsc pcsc;
    smartcard::CardInfo info;
    pcsc.withCard(reader, [&](smartcard::CardConnection& card, smartcard::ApduChannel& channel) {
        info = smartcard::readCardInfo(channel, reader, card.atr(), cache);
        if (exchanges)
            *exchanges = channel.exchangeCount();
    });
    return info;
}

inline QByteArray qbytes(const smartcard::Bytes& bytes)
{
    return QByteArray(
        reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
}

} // namespace testsupport
