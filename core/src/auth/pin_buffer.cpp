#include "core/auth/pin_buffer.hpp"

#include <openssl/crypto.h>

namespace core::auth {

PinBuffer::~PinBuffer()
{
    clear();
}

bool PinBuffer::append(char c) noexcept
{
    if (size_ == capacity)
        return false;
    storage_[size_++] = static_cast<unsigned char>(c);
    return true;
}

void PinBuffer::removeLast() noexcept
{
    if (size_ == 0)
        return;
    OPENSSL_cleanse(&storage_[--size_], 1);
}

void PinBuffer::clear() noexcept
{
    // OPENSSL_cleanse, not memset: the compiler may not drop it as a dead store.
    OPENSSL_cleanse(storage_.data(), storage_.size());
    size_ = 0;
}

std::span<const unsigned char> PinBuffer::bytes() const noexcept
{
    return { storage_.data(), size_ };
}

} // namespace core::auth
