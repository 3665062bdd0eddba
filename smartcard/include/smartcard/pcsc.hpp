#pragma once

#include "smartcard/channel.hpp"
#include "smartcard/errors.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace smartcard {

enum class Protocol { T0, T1, Raw };

struct ReaderStatus {
    std::string name;
    bool cardPresent = false;
    bool exclusive = false; // another program holds the card exclusively
    bool mute = false; // a card that does not answer reset
    Bytes atr; // empty when no card
};

class PcscContext;

/// A connected card (SCARDHANDLE). Shared mode; disconnects with SCARD_LEAVE_CARD on destruction.
class CardConnection final : public ApduTransport {
public:
    ~CardConnection() override;
    CardConnection(const CardConnection&) = delete;
    CardConnection& operator=(const CardConnection&) = delete;

    const std::string& reader() const { return reader_; }
    const Bytes& atr() const { return atr_; }
    Protocol protocol() const { return protocol_; }

    /// SCardTransmit. Any PC/SC failure becomes a typed CardError; a removed card is
    /// CardErrc::CardRemoved. The bytes are returned as they came (the channel checks length).
    Bytes transmitRaw(ByteView command) override;

    /// Disconnect with SCARD_RESET_CARD instead of leaving the card as it is: ends a verified
    /// PIN's security state once a signature is made, so no other program can use it.
    void resetWhenDone() noexcept { resetWhenDone_ = true; }

    /// RAII SCardBeginTransaction / SCardEndTransaction(SCARD_LEAVE_CARD).
    class Transaction {
    public:
        explicit Transaction(CardConnection& card);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;

    private:
        CardConnection& card_;
    };

private:
    friend class PcscContext;
    CardConnection(std::intptr_t handle, std::string reader, Bytes atr, Protocol protocol);

    std::intptr_t handle_;
    std::string reader_;
    Bytes atr_;
    Protocol protocol_;
    bool resetWhenDone_ = false;
};

/// RAII over SCARDCONTEXT. Not thread-safe except cancel(), which any thread may call.
class PcscContext {
public:
    /// Throws CardError(ServiceUnavailable) when pcscd is not running.
    PcscContext();
    ~PcscContext();
    PcscContext(const PcscContext&) = delete;
    PcscContext& operator=(const PcscContext&) = delete;

    /// Reader names; empty when there are none (SCARD_E_NO_READERS_AVAILABLE is not an error).
    std::vector<std::string> listReaders();
    /// Presence and ATR of every reader, without connecting.
    std::vector<ReaderStatus> readerStatuses();
    /// Connects in shared mode, T=0 or T=1. Throws NoCard, ReaderNotFound, SharingViolation, ...
    std::unique_ptr<CardConnection> connect(const std::string& reader);

    /// Raw handle for the monitor (same layer only).
    std::intptr_t handle() const { return handle_; }
    /// SCardCancel: wakes a blocking SCardGetStatusChange on this context.
    void cancel() noexcept;

private:
    std::intptr_t handle_ = 0;
};

/// The entry point for card operations: owns a context and makes a fresh one after pcscd went
/// away (SCARD_E_NO_SERVICE / SCARD_F_COMM_ERROR) — the old context never works again.
/// One PC/SC transaction per public operation. Not thread-safe: one worker thread owns it.
class Pcsc {
public:
    /// Touches nothing: the first call establishes the context, so this works without pcscd.
    Pcsc();
    ~Pcsc();
    Pcsc(const Pcsc&) = delete;
    Pcsc& operator=(const Pcsc&) = delete;

    std::vector<std::string> listReaders();
    std::vector<ReaderStatus> readerStatuses();

    /// Connects to `reader`, begins a transaction, runs `operation` on an ISO channel, ends the
    /// transaction and disconnects. Context-level service failures before the card is touched are
    /// retried once on a fresh context; nothing is retried once a command has been sent.
    void withCard(const std::string& reader,
        const std::function<void(CardConnection& card, ApduChannel& channel)>& operation,
        ApduChannel::TraceSink trace = {});

private:
    /// The current context, established on first use and after a service failure.
    PcscContext& context();
    /// Drops the context when `error` says pcscd went away, so the next call starts afresh.
    void forgetContextAfter(const CardError& error) noexcept;
    /// Runs `body` on the context; a service failure is retried once on a fresh context, unless
    /// `*committed` says the body got past the point where repeating it is safe.
    void retryingOnFreshContext(
        const std::function<void(PcscContext&)>& body, const bool* committed = nullptr);

    std::unique_ptr<PcscContext> context_;
};

/// PC/SC return code → typed error (exposed for the monitor and for tests).
[[noreturn]] void throwPcscError(long rv, const std::string& what);
CardErrc pcscErrc(long rv) noexcept;

} // namespace smartcard
