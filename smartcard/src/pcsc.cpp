// RAII over the PC/SC context and card handles, and Pcsc::withCard (one transaction per call).

#include "smartcard/pcsc.hpp"

#include "pcsc_internal.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace smartcard {

namespace {

SCARDCONTEXT toContext(std::intptr_t handle)
{
    return static_cast<SCARDCONTEXT>(handle);
}
SCARDHANDLE toCard(std::intptr_t handle)
{
    return static_cast<SCARDHANDLE>(handle);
}

// A multi-string ("a\0b\0\0") → names; stops at the first empty string.
std::vector<std::string> splitMultiString(const std::vector<char>& buffer)
{
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start < buffer.size() && buffer[start] != '\0') {
        std::string name(&buffer[start]);
        start += name.size() + 1;
        names.push_back(std::move(name));
    }
    return names;
}

Protocol toProtocol(DWORD active)
{
    switch (active) {
    case SCARD_PROTOCOL_T0:
        return Protocol::T0;
    case SCARD_PROTOCOL_T1:
        return Protocol::T1;
    default:
        return Protocol::Raw;
    }
}

struct CardStatus {
    LONG rv = SCARD_S_SUCCESS;
    DWORD state = 0;
    Bytes atr;
};

CardStatus queryStatus(SCARDHANDLE card)
{
    DWORD protocol = 0;
    std::array<BYTE, detail::atrRoom> atr {};
    DWORD atrLength = atr.size();
    CardStatus status;
#if defined(_WIN32)
    // Windows takes no name buffer, and has no limit a fixed one could be sized by.
    status.rv
        = SCardStatus(card, nullptr, nullptr, &status.state, &protocol, atr.data(), &atrLength);
#else
    // pcsc-lite is picky about NULL name arguments: a buffer of its own limit.
    std::array<char, MAX_READERNAME + 2> name {}; // room for a multi-string end
    DWORD nameLength = name.size();
    status.rv = SCardStatus(
        card, name.data(), &nameLength, &status.state, &protocol, atr.data(), &atrLength);
#endif
    if (status.rv == SCARD_S_SUCCESS)
        status.atr.assign(atr.begin(), atr.begin() + std::min<DWORD>(atrLength, atr.size()));
    return status;
}

// SCardStatus's dwState: bits in pcsc-lite (SCARD_PRESENT | SCARD_POWERED | ...), one rung of a
// ladder on Windows (SCARD_ABSENT < SCARD_PRESENT < SCARD_SWALLOWED < SCARD_POWERED < ...).
bool cardInReader(DWORD state)
{
#if defined(_WIN32)
    return state >= SCARD_PRESENT;
#else
    return (state & SCARD_PRESENT) != 0;
#endif
}

// After SCARD_E_NOT_TRANSACTED the card may simply be gone (it died mid-APDU and pcscd has
// not polled yet, virtual-card.md §6.2); SCardStatus tells which, so the caller gets CardRemoved.
bool cardIsGone(SCARDHANDLE card)
{
    const CardStatus status = queryStatus(card);
    if (status.rv == SCARD_W_REMOVED_CARD || status.rv == SCARD_E_NO_SMARTCARD)
        return true;
    return status.rv == SCARD_S_SUCCESS && !cardInReader(status.state);
}

std::vector<ReaderStatus> toStatuses(const std::vector<SCARD_READERSTATE>& states)
{
    std::vector<ReaderStatus> result;
    for (const SCARD_READERSTATE& state : states) {
        if (state.dwEventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE))
            continue; // unplugged while we looked
        ReaderStatus status;
        status.name = state.szReader;
        status.cardPresent = (state.dwEventState & SCARD_STATE_PRESENT) != 0;
        status.exclusive = (state.dwEventState & SCARD_STATE_EXCLUSIVE) != 0;
        status.mute = (state.dwEventState & SCARD_STATE_MUTE) != 0;
        if (status.cardPresent) {
            const std::size_t length = std::min<std::size_t>(state.cbAtr, detail::atrRoom);
            status.atr.assign(state.rgbAtr, state.rgbAtr + length);
        }
        result.push_back(std::move(status));
    }
    return result;
}

} // namespace

// --- CardConnection -------------------------------------------------------------------------

CardConnection::CardConnection(
    std::intptr_t handle, std::string reader, Bytes atr, Protocol protocol)
    : handle_(handle)
    , reader_(std::move(reader))
    , atr_(std::move(atr))
    , protocol_(protocol)
{ }

CardConnection::~CardConnection()
{
    // LEAVE_CARD unless asked: a reset also logs out every other program using the card.
    SCardDisconnect(toCard(handle_), resetWhenDone_ ? SCARD_RESET_CARD : SCARD_LEAVE_CARD);
}

Bytes CardConnection::transmitRaw(ByteView command)
{
    const SCARD_IO_REQUEST* pci = protocol_ == Protocol::T0 ? SCARD_PCI_T0
        : protocol_ == Protocol::T1                         ? SCARD_PCI_T1
                                                            : SCARD_PCI_RAW;
    // Room for an extended response: 65536 data bytes + SW (pcsc-lite adds its own margin).
    Bytes response(detail::responseRoom);
    DWORD length = static_cast<DWORD>(response.size());
    const LONG rv = SCardTransmit(toCard(handle_), pci, command.data(),
        static_cast<DWORD>(command.size()), nullptr, response.data(), &length);
    if (rv == SCARD_E_NOT_TRANSACTED && cardIsGone(toCard(handle_)))
        throw CardError(CardErrc::CardRemoved,
            "SCardTransmit: " + detail::pcscCodeText(rv) + ", and the card is gone");
    if (rv != SCARD_S_SUCCESS)
        throwPcscError(rv, "SCardTransmit");
    response.resize(length);
    return response;
}

CardConnection::Transaction::Transaction(CardConnection& card)
    : card_(card)
{
    const LONG rv = SCardBeginTransaction(toCard(card_.handle_));
    if (rv != SCARD_S_SUCCESS)
        throwPcscError(rv, "SCardBeginTransaction");
}

CardConnection::Transaction::~Transaction()
{
    // Errors are ignored: the card or pcscd may be gone, and the transaction with them.
    SCardEndTransaction(toCard(card_.handle_), SCARD_LEAVE_CARD);
}

// --- PcscContext ----------------------------------------------------------------------------

PcscContext::PcscContext()
{
    SCARDCONTEXT context = 0;
    const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
    if (rv != SCARD_S_SUCCESS)
        throwPcscError(rv, "SCardEstablishContext");
    handle_ = static_cast<std::intptr_t>(context);
}

PcscContext::~PcscContext()
{
    SCardReleaseContext(toContext(handle_));
}

void PcscContext::cancel() noexcept
{
    SCardCancel(toContext(handle_));
}

std::vector<std::string> PcscContext::listReaders()
{
    // A reader may arrive between the size query and the fetch: then ask again.
    for (int attempt = 0; attempt < 5; ++attempt) {
        DWORD length = 0;
        LONG rv = SCardListReaders(toContext(handle_), nullptr, nullptr, &length);
        if (rv == SCARD_E_NO_READERS_AVAILABLE)
            return {};
        if (rv != SCARD_S_SUCCESS)
            detail::throwContextError(rv, "SCardListReaders");
        std::vector<char> buffer(length + 1, '\0'); // +1: always terminated, whatever comes
        rv = SCardListReaders(toContext(handle_), nullptr, buffer.data(), &length);
        if (rv == SCARD_E_INSUFFICIENT_BUFFER)
            continue;
        if (rv == SCARD_E_NO_READERS_AVAILABLE)
            return {};
        if (rv != SCARD_S_SUCCESS)
            detail::throwContextError(rv, "SCardListReaders");
        buffer.resize(std::min<std::size_t>(buffer.size(), length + std::size_t { 1 }));
        buffer.back() = '\0';
        return splitMultiString(buffer);
    }
    throw CardError(CardErrc::PcscFailure, "SCardListReaders: the reader list kept changing");
}

std::vector<ReaderStatus> PcscContext::readerStatuses()
{
    // pcsc-lite refuses the whole query when one named reader has gone since the list was
    // taken (SCARD_E_UNKNOWN_READER): take the list again.
    for (int attempt = 0;; ++attempt) {
        const std::vector<std::string> names = listReaders();
        std::vector<SCARD_READERSTATE> states(names.size());
        for (std::size_t i = 0; i < names.size(); ++i) {
            states[i] = {};
            states[i].szReader = names[i].c_str();
            states[i].dwCurrentState = SCARD_STATE_UNAWARE;
        }
        LONG rv = SCARD_S_SUCCESS;
        // pcsc-lite takes at most 16 entries per call, Windows 10.
        for (std::size_t first = 0; first < states.size() && rv == SCARD_S_SUCCESS;
             first += detail::readerStatesPerCall) {
            const std::size_t count
                = std::min<std::size_t>(detail::readerStatesPerCall, states.size() - first);
            rv = SCardGetStatusChange(
                toContext(handle_), 0, &states[first], static_cast<DWORD>(count));
            if (rv == SCARD_E_TIMEOUT) // UNAWARE entries count as changed; filled in either way
                rv = SCARD_S_SUCCESS;
        }
        if (rv == SCARD_E_UNKNOWN_READER && attempt < 3)
            continue;
        if (rv != SCARD_S_SUCCESS)
            detail::throwContextError(rv, "SCardGetStatusChange");
        return toStatuses(states);
    }
}

std::unique_ptr<CardConnection> PcscContext::connect(const std::string& reader)
{
    SCARDHANDLE card = 0;
    DWORD active = 0;
    const LONG rv = SCardConnect(toContext(handle_), reader.c_str(), SCARD_SHARE_SHARED,
        SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card, &active);
    if (rv != SCARD_S_SUCCESS)
        detail::throwContextError(rv, "SCardConnect(" + reader + ")");
    // Owned from here on, so a failing SCardStatus still disconnects.
    std::unique_ptr<CardConnection> connection(
        new CardConnection(static_cast<std::intptr_t>(card), reader, {}, toProtocol(active)));

    CardStatus status = queryStatus(card);
    if (status.rv != SCARD_S_SUCCESS)
        throwPcscError(status.rv, "SCardStatus(" + reader + ")");
    connection->atr_ = std::move(status.atr);
    return connection;
}

// --- Pcsc -----------------------------------------------------------------------------------

Pcsc::Pcsc() = default;
Pcsc::~Pcsc() = default;

PcscContext& Pcsc::context()
{
    if (!context_)
        context_ = std::make_unique<PcscContext>();
    return *context_;
}

void Pcsc::forgetContextAfter(const CardError& error) noexcept
{
    // pcscd never takes an old context back (virtual-card.md §6.9): start afresh next time.
    if (error.isServiceFailure())
        context_.reset();
}

void Pcsc::retryingOnFreshContext(
    const std::function<void(PcscContext&)>& body, const bool* committed)
{
    try {
        body(context());
        return;
    } catch (const CardError& error) {
        forgetContextAfter(error);
        if (!error.isServiceFailure() || (committed && *committed))
            throw;
    }
    try {
        body(context());
    } catch (const CardError& error) {
        forgetContextAfter(error);
        throw;
    }
}

std::vector<std::string> Pcsc::listReaders()
{
    std::vector<std::string> names;
    retryingOnFreshContext([&](PcscContext& context) { names = context.listReaders(); });
    return names;
}

std::vector<ReaderStatus> Pcsc::readerStatuses()
{
    std::vector<ReaderStatus> statuses;
    retryingOnFreshContext([&](PcscContext& context) { statuses = context.readerStatuses(); });
    return statuses;
}

void Pcsc::withCard(const std::string& reader,
    const std::function<void(CardConnection& card, ApduChannel& channel)>& operation,
    ApduChannel::TraceSink trace)
{
    // Only the part before `operation` is retried: once it runs, a command may have reached the
    // card, and sending it again (a VERIFY, a signature) is not ours to decide.
    bool operationStarted = false;
    retryingOnFreshContext(
        [&](PcscContext& context) {
            std::unique_ptr<CardConnection> card = context.connect(reader);
            CardConnection::Transaction transaction(*card);
            ApduChannel channel(*card, trace);
            operationStarted = true;
            operation(*card, channel);
        },
        &operationStarted);
}

} // namespace smartcard
