#pragma once

#include "smartcard/bytes.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>

namespace smartcard {

/// Overwrites `bytes` with zeros in a way the compiler may not optimise away (OPENSSL_cleanse).
void wipe(std::span<std::uint8_t> bytes) noexcept;

/// Wipes a buffer the caller owns on every way out of a scope, or earlier through wipeNow():
/// for secrets that must live in a plain Bytes, such as the data of a VERIFY command.
class WipeOnExit {
public:
    explicit WipeOnExit(Bytes& bytes)
        : bytes_(bytes)
    { }
    ~WipeOnExit() { wipeNow(); }
    WipeOnExit(const WipeOnExit&) = delete;
    WipeOnExit& operator=(const WipeOnExit&) = delete;

    void wipeNow() noexcept { wipe(bytes_); }

private:
    Bytes& bytes_;
};

/// A fixed-size buffer for PIN blocks, keys and other secrets. Move-only: the bytes exist in
/// one place only, are wiped when the owner goes, and move with the object (the moved-from
/// object is left empty). It never grows, so no reallocation can leave a copy behind.
class SecretBytes {
public:
    SecretBytes() = default;
    /// `size` zero bytes.
    explicit SecretBytes(std::size_t size);
    explicit SecretBytes(ByteView bytes);
    /// The parts one after the other, copied straight into the secret buffer.
    static SecretBytes concat(std::initializer_list<ByteView> parts);

    ~SecretBytes();
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    std::uint8_t* data() noexcept { return bytes_.get(); }
    const std::uint8_t* data() const noexcept { return bytes_.get(); }
    std::uint8_t& operator[](std::size_t index) noexcept { return bytes_[index]; }
    std::uint8_t operator[](std::size_t index) const noexcept { return bytes_[index]; }

    std::span<std::uint8_t> span() noexcept { return { bytes_.get(), size_ }; }
    ByteView view() const noexcept { return { bytes_.get(), size_ }; }
    operator ByteView() const noexcept { return view(); }

    /// A plain copy, for what stops being secret once computed (a ciphertext, a MAC on the
    /// wire). Never call it on a key or a PIN block.
    Bytes toBytes() const { return Bytes(view().begin(), view().end()); }

private:
    void release() noexcept;

    std::unique_ptr<std::uint8_t[]> bytes_;
    std::size_t size_ = 0;
};

} // namespace smartcard
