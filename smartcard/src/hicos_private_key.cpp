// The HiCOS private-key operation (EA in two halves, C1 for the rest of the result) and the
// PKCS#1 v1.5 block the host hands it: the card adds no padding of its own.

#include "smartcard/errors.hpp"
#include "smartcard/hicos_crypto.hpp"
#include "smartcard/token.hpp"

#include <string>

namespace smartcard::hicos {

namespace {

constexpr std::size_t halfBlock = privateKeyBlockSize / 2;

PrivateKeyCommands privateKeyCommands(
    ByteView block, std::uint8_t keyReference, std::optional<std::size_t> secondHalfLe)
{
    if (block.size() != privateKeyBlockSize)
        throw CardError(CardErrc::InvalidArgument,
            "the HiCOS private-key block is 256 bytes, got " + std::to_string(block.size()));
    const ByteView first = block.first(halfBlock);
    const ByteView second = block.last(halfBlock);
    return {
        { 0x80, 0xEA, 0x82, keyReference, Bytes(first.begin(), first.end()), std::nullopt },
        { 0x80, 0xEA, 0x02, keyReference, Bytes(second.begin(), second.end()), secondHalfLe },
        privateKeyResultCommand(halfBlock, halfBlock),
    };
}

} // namespace

PrivateKeyCommands gen1PrivateKeyCommands(ByteView block, std::uint8_t keyReference)
{
    return privateKeyCommands(block, keyReference, std::nullopt);
}

PrivateKeyCommands gen2PrivateKeyCommands(ByteView block, std::uint8_t keyReference)
{
    return privateKeyCommands(block, keyReference, halfBlock);
}

CommandApdu privateKeyResultCommand(std::uint16_t offset, std::size_t length)
{
    if (length == 0 || length > CommandApdu::maxShortLe)
        throw CardError(CardErrc::InvalidArgument, "a result slice is 1 to 256 bytes");
    return { 0x80, 0xC1, static_cast<std::uint8_t>(offset >> 8),
        static_cast<std::uint8_t>(offset & 0xFF), {}, length };
}

Bytes pkcs1v15SignatureBlock(ByteView sha256Digest, std::size_t modulusBytes)
{
    const Bytes digestInfo = sha256DigestInfo(sha256Digest);
    // RFC 8017 §9.2: at least eight FF bytes between 00 01 and the 00 before the DigestInfo.
    constexpr std::size_t minimumPadding = 8;
    if (modulusBytes < digestInfo.size() + 3 + minimumPadding)
        throw CardError(CardErrc::InvalidArgument,
            "a " + std::to_string(modulusBytes) + "-byte modulus cannot hold a SHA-256 block");
    Bytes block(modulusBytes, 0xFF);
    block[0] = 0x00;
    block[1] = 0x01;
    block[modulusBytes - digestInfo.size() - 1] = 0x00;
    std::ranges::copy(digestInfo, block.end() - static_cast<std::ptrdiff_t>(digestInfo.size()));
    return block;
}

} // namespace smartcard::hicos
