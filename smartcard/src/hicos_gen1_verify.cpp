// The PIN block of both generations and the gen1 protected VERIFY (8C 20).

#include "smartcard/errors.hpp"
#include "smartcard/hicos_crypto.hpp"

#include <algorithm>
#include <array>

namespace smartcard::hicos {

namespace {

// ASCII "CHTTL8f0HiCardV2": one fixed key for every gen1 card, MAC and encryption alike.
constexpr std::array<std::uint8_t, 16> gen1Key { 0x43, 0x48, 0x54, 0x54, 0x4C, 0x38, 0x66, 0x30,
    0x48, 0x69, 0x43, 0x61, 0x72, 0x64, 0x56, 0x32 };

constexpr std::uint8_t pinFiller = 0xFF;

// PKCS#7 to the next multiple of the DES block (always at least one byte of padding).
SecretBytes pkcs7Padded(ByteView data)
{
    const std::size_t padding = desBlockSize - data.size() % desBlockSize;
    SecretBytes out(data.size() + padding);
    std::ranges::copy(data, out.data());
    std::fill(
        out.data() + data.size(), out.data() + out.size(), static_cast<std::uint8_t>(padding));
    return out;
}

} // namespace

SecretBytes pinBlock(ByteView pin)
{
    if (pin.empty() || pin.size() > pinBlockSize)
        throw CardError(
            CardErrc::PinLengthInvalid, "a HiCOS PIN is 1 to 10 bytes long; nothing was sent");
    SecretBytes block(pinBlockSize);
    std::ranges::copy(pin, block.data());
    std::fill(block.data() + pin.size(), block.data() + block.size(), pinFiller);
    return block;
}

ByteView gen1PinKey() noexcept
{
    return gen1Key;
}

CommandApdu gen1ProtectedVerify(ByteView pin, ByteView iv)
{
    if (iv.size() != desBlockSize)
        throw CardError(CardErrc::InvalidArgument, "the gen1 VERIFY IV is 8 bytes");
    const SecretBytes block = pinBlock(pin);
    const SecretBytes chain = tdes2CbcEncrypt(gen1Key, iv, pkcs7Padded(block));
    const ByteView mac = chain.view().last(desBlockSize);
    const SecretBytes cryptogram
        = tdes2CbcEncrypt(gen1Key, iv, pkcs7Padded(SecretBytes::concat({ block, mac })));

    CommandApdu verify { 0x8C, 0x20, 0x00, pinReference, {}, std::nullopt };
    verify.data.reserve(iv.size() + cryptogram.size());
    verify.data.insert(verify.data.end(), iv.begin(), iv.end());
    verify.data.insert(verify.data.end(), cryptogram.view().begin(), cryptogram.view().end());
    return verify;
}

CommandApdu gen1ProtectedVerify(ByteView pin)
{
    std::array<std::uint8_t, desBlockSize> iv {};
    randomBytes(iv);
    return gen1ProtectedVerify(pin, iv);
}

} // namespace smartcard::hicos
