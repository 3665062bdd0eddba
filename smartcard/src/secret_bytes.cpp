#include "smartcard/secret_bytes.hpp"

#include <algorithm>
#include <openssl/crypto.h>

namespace smartcard {

void wipe(std::span<std::uint8_t> bytes) noexcept
{
    if (!bytes.empty())
        OPENSSL_cleanse(bytes.data(), bytes.size());
}

SecretBytes::SecretBytes(std::size_t size)
    : bytes_(size == 0 ? nullptr : new std::uint8_t[size]())
    , size_(size)
{ }

SecretBytes::SecretBytes(ByteView bytes)
    : SecretBytes(bytes.size())
{
    std::ranges::copy(bytes, bytes_.get());
}

SecretBytes SecretBytes::concat(std::initializer_list<ByteView> parts)
{
    std::size_t total = 0;
    for (const ByteView part : parts)
        total += part.size();
    SecretBytes out(total);
    std::uint8_t* cursor = out.data();
    for (const ByteView part : parts)
        cursor = std::ranges::copy(part, cursor).out;
    return out;
}

SecretBytes::~SecretBytes()
{
    release();
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : bytes_(std::move(other.bytes_))
    , size_(other.size_)
{
    other.size_ = 0;
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        release();
        bytes_ = std::move(other.bytes_);
        size_ = other.size_;
        other.size_ = 0;
    }
    return *this;
}

void SecretBytes::release() noexcept
{
    wipe(span());
    bytes_.reset();
    size_ = 0;
}

} // namespace smartcard
