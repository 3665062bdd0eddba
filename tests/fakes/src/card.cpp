// The card-level SCard* functions of the fake: connect, transactions, status, scripted transmit.

#include "world.hpp"

#include <algorithm>
#include <cstring>

using pcscfake::Exchange;
using pcscfake::detail::Card;
using pcscfake::detail::Reader;
using pcscfake::detail::World;
using pcscfake::detail::world;

extern "C" {

const SCARD_IO_REQUEST g_rgSCardT0Pci { SCARD_PROTOCOL_T0, sizeof(SCARD_IO_REQUEST) };
const SCARD_IO_REQUEST g_rgSCardT1Pci { SCARD_PROTOCOL_T1, sizeof(SCARD_IO_REQUEST) };
const SCARD_IO_REQUEST g_rgSCardRawPci { SCARD_PROTOCOL_RAW, sizeof(SCARD_IO_REQUEST) };

#if defined(_WIN32)
// winscard.h declares the three as data of winscard.dll, so code built against it reads them
// through the import slots an import library provides; the fake provides those slots too.
const SCARD_IO_REQUEST* __imp_g_rgSCardT0Pci = &g_rgSCardT0Pci;
const SCARD_IO_REQUEST* __imp_g_rgSCardT1Pci = &g_rgSCardT1Pci;
const SCARD_IO_REQUEST* __imp_g_rgSCardRawPci = &g_rgSCardRawPci;
#endif

LONG SCardConnect(SCARDCONTEXT hContext, LPCSTR szReader, DWORD dwShareMode,
    DWORD dwPreferredProtocols, LPSCARDHANDLE phCard, LPDWORD pdwActiveProtocol)
{
    auto& w = world();
    LONG rv = SCARD_S_SUCCESS;
    {
        std::lock_guard lock(w.mutex);
        if (rv = w.takeInjected("SCardConnect"); rv != SCARD_S_SUCCESS)
            return rv;
        if (rv = w.checkContext(hContext); rv != SCARD_S_SUCCESS)
            return rv;
        if (!szReader || !phCard || !pdwActiveProtocol)
            return SCARD_E_INVALID_PARAMETER;
        const Reader* reader = w.findReader(szReader);
        if (!reader)
            return SCARD_E_UNKNOWN_READER;
        if (dwShareMode != SCARD_SHARE_SHARED && dwShareMode != SCARD_SHARE_EXCLUSIVE) {
            w.fail("SCardConnect: share mode " + std::to_string(dwShareMode) + " not modelled");
            return SCARD_E_INVALID_VALUE;
        }
        if (!reader->present)
            return SCARD_E_NO_SMARTCARD;
        if (reader->heldExclusive)
            return SCARD_E_SHARING_VIOLATION;
        const bool othersConnected = std::any_of(w.cards.begin(), w.cards.end(),
            [&](const auto& item) { return item.second.reader == reader->name; });
        const bool exclusiveHeld
            = std::any_of(w.cards.begin(), w.cards.end(), [&](const auto& item) {
                  return item.second.reader == reader->name && item.second.exclusive;
              });
        if (exclusiveHeld || (dwShareMode == SCARD_SHARE_EXCLUSIVE && othersConnected))
            return SCARD_E_SHARING_VIOLATION;
        if ((dwPreferredProtocols & reader->protocol) == 0)
            return SCARD_E_PROTO_MISMATCH;
        const SCARDHANDLE handle = w.nextCard++;
        w.cards[handle] = Card { hContext, reader->name, reader->protocol, reader->eventCounter,
            dwShareMode == SCARD_SHARE_EXCLUSIVE, false };
        *phCard = handle;
        *pdwActiveProtocol = reader->protocol;
    }
    w.changed.notify_all(); // INUSE changed
    return rv;
}

LONG SCardReconnect(
    SCARDHANDLE hCard, DWORD, DWORD dwPreferredProtocols, DWORD, LPDWORD pdwActiveProtocol)
{
    auto& w = world();
    std::lock_guard lock(w.mutex);
    if (const LONG rv = w.takeInjected("SCardReconnect"); rv != SCARD_S_SUCCESS)
        return rv;
    const LONG rv = w.checkCard(hCard);
    if (rv != SCARD_S_SUCCESS && rv != SCARD_W_REMOVED_CARD)
        return rv;
    Card& card = w.cards[hCard];
    Reader* reader = w.findReader(card.reader);
    if (!reader->present)
        return SCARD_E_NO_SMARTCARD;
    if ((dwPreferredProtocols & reader->protocol) == 0)
        return SCARD_E_PROTO_MISMATCH;
    card.eventCounter = reader->eventCounter; // bound to whatever card is there now
    card.protocol = reader->protocol;
    card.inTransaction = false;
    if (pdwActiveProtocol)
        *pdwActiveProtocol = card.protocol;
    return SCARD_S_SUCCESS;
}

LONG SCardDisconnect(SCARDHANDLE hCard, DWORD dwDisposition)
{
    auto& w = world();
    LONG rv = SCARD_S_SUCCESS;
    {
        std::lock_guard lock(w.mutex);
        if (rv = w.takeInjected("SCardDisconnect"); rv != SCARD_S_SUCCESS)
            return rv;
        const auto found = w.cards.find(hCard);
        if (found == w.cards.end())
            return SCARD_E_INVALID_HANDLE;
        if (dwDisposition != SCARD_LEAVE_CARD)
            w.fail("SCardDisconnect: disposition " + std::to_string(dwDisposition)
                + " would reset the card for every other program");
        rv = w.checkContext(found->second.context);
        w.cards.erase(found); // the client side forgets the handle either way
    }
    w.changed.notify_all();
    return rv;
}

LONG SCardBeginTransaction(SCARDHANDLE hCard)
{
    auto& w = world();
    std::lock_guard lock(w.mutex);
    if (const LONG rv = w.takeInjected("SCardBeginTransaction"); rv != SCARD_S_SUCCESS)
        return rv;
    if (const LONG rv = w.checkCard(hCard); rv != SCARD_S_SUCCESS)
        return rv;
    Card& card = w.cards[hCard];
    if (card.inTransaction)
        w.fail("SCardBeginTransaction: nested transaction on one handle");
    for (const auto& [handle, other] : w.cards) {
        if (handle != hCard && other.reader == card.reader && other.inTransaction
            && w.checkCard(handle) == SCARD_S_SUCCESS)
            return SCARD_E_SHARING_VIOLATION; // real pcscd would block here
    }
    card.inTransaction = true;
    ++w.counts.transactionsBegun;
    return SCARD_S_SUCCESS;
}

LONG SCardEndTransaction(SCARDHANDLE hCard, DWORD dwDisposition)
{
    auto& w = world();
    std::lock_guard lock(w.mutex);
    const auto found = w.cards.find(hCard);
    // Counted before any injected failure: the caller did end what it began.
    if (found != w.cards.end() && found->second.inTransaction) {
        found->second.inTransaction = false;
        ++w.counts.transactionsEnded;
    } else if (found != w.cards.end()) {
        w.fail("SCardEndTransaction without a transaction");
    }
    if (const LONG rv = w.takeInjected("SCardEndTransaction"); rv != SCARD_S_SUCCESS)
        return rv;
    if (dwDisposition != SCARD_LEAVE_CARD)
        w.fail("SCardEndTransaction: disposition " + std::to_string(dwDisposition)
            + " would reset the card for every other program");
    return found == w.cards.end() ? SCARD_E_INVALID_HANDLE : w.checkCard(hCard);
}

LONG SCardStatus(SCARDHANDLE hCard, LPSTR mszReaderName, LPDWORD pcchReaderLen, LPDWORD pdwState,
    LPDWORD pdwProtocol, LPBYTE pbAtr, LPDWORD pcbAtrLen)
{
    auto& w = world();
    std::lock_guard lock(w.mutex);
    if (const LONG rv = w.takeInjected("SCardStatus"); rv != SCARD_S_SUCCESS)
        return rv;
    if (const LONG rv = w.checkCard(hCard); rv != SCARD_S_SUCCESS)
        return rv;
    const Card& card = w.cards[hCard];
    const Reader* reader = w.findReader(card.reader);
    if (pcchReaderLen) {
        const DWORD needed = static_cast<DWORD>(card.reader.size() + 2); // multi-string
        if (mszReaderName && *pcchReaderLen < needed) {
            *pcchReaderLen = needed;
            return SCARD_E_INSUFFICIENT_BUFFER;
        }
        if (mszReaderName) {
            std::memcpy(mszReaderName, card.reader.c_str(), card.reader.size() + 1);
            mszReaderName[card.reader.size() + 1] = '\0';
        }
        *pcchReaderLen = needed;
    }
    if (pdwState) {
#if defined(_WIN32)
        *pdwState = SCARD_SPECIFIC; // the top rung of Windows' ladder
#else
        *pdwState = SCARD_PRESENT | SCARD_POWERED | SCARD_NEGOTIABLE | SCARD_SPECIFIC;
#endif
    }
    if (pdwProtocol)
        *pdwProtocol = card.protocol;
    if (pcbAtrLen) {
        if (pbAtr && *pcbAtrLen < reader->atr.size()) {
            *pcbAtrLen = static_cast<DWORD>(reader->atr.size());
            return SCARD_E_INSUFFICIENT_BUFFER;
        }
        if (pbAtr)
            std::copy(reader->atr.begin(), reader->atr.end(), pbAtr);
        *pcbAtrLen = static_cast<DWORD>(reader->atr.size());
    }
    return SCARD_S_SUCCESS;
}

LONG SCardTransmit(SCARDHANDLE hCard, const SCARD_IO_REQUEST* pioSendPci, LPCBYTE pbSendBuffer,
    DWORD cbSendLength, SCARD_IO_REQUEST*, LPBYTE pbRecvBuffer, LPDWORD pcbRecvLength)
{
    auto& w = world();
    LONG rv = SCARD_S_SUCCESS;
    bool removed = false;
    {
        std::lock_guard lock(w.mutex);
        ++w.transmits;
        if (rv = w.takeInjected("SCardTransmit"); rv != SCARD_S_SUCCESS)
            return rv;
        if (rv = w.checkCard(hCard); rv != SCARD_S_SUCCESS)
            return rv;
        if (!pioSendPci || !pbSendBuffer || !pbRecvBuffer || !pcbRecvLength)
            return SCARD_E_INVALID_PARAMETER;
        const Card& card = w.cards[hCard];
        if (pioSendPci->dwProtocol != card.protocol) {
            w.fail("SCardTransmit: PCI protocol " + std::to_string(pioSendPci->dwProtocol)
                + " on a card that negotiated " + std::to_string(card.protocol));
            return SCARD_E_PROTO_MISMATCH;
        }
        Reader& reader = *w.findReader(card.reader);
        const pcscfake::Bytes command(pbSendBuffer, pbSendBuffer + cbSendLength);
        if (reader.scriptPosition == reader.script.size()) {
            w.fail("SCardTransmit on " + reader.name + ": script exhausted, got "
                + pcscfake::detail::hex(command));
            return SCARD_F_INTERNAL_ERROR;
        }
        const Exchange& expected = reader.script[reader.scriptPosition];
        if (command != expected.command) {
            w.fail("SCardTransmit on " + reader.name + ": exchange "
                + std::to_string(reader.scriptPosition) + " expected "
                + pcscfake::detail::hex(expected.command) + ", got "
                + pcscfake::detail::hex(command));
            return SCARD_F_INTERNAL_ERROR;
        }
        ++reader.scriptPosition;
        if (expected.removeCardAfter) {
            reader.present = false;
            reader.atr.clear();
            ++reader.eventCounter;
            removed = true;
        }
        if (expected.rv != SCARD_S_SUCCESS) {
            rv = static_cast<LONG>(expected.rv);
        } else if (expected.response.size() > *pcbRecvLength) {
            w.fail("SCardTransmit: receive buffer of " + std::to_string(*pcbRecvLength)
                + " bytes for a " + std::to_string(expected.response.size()) + "-byte response");
            *pcbRecvLength = static_cast<DWORD>(expected.response.size());
            rv = SCARD_E_INSUFFICIENT_BUFFER;
        } else {
            std::copy(expected.response.begin(), expected.response.end(), pbRecvBuffer);
            *pcbRecvLength = static_cast<DWORD>(expected.response.size());
        }
    }
    if (removed)
        w.changed.notify_all();
    return rv;
}

} // extern "C"
