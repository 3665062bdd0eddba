// The SCard* functions of winscard.h for the programs, forwarded to PC/SC-lite's client library,
// which is opened with the first call instead of by the dynamic loader. The desktop client
// starts without touching a card, so libpcsclite is not mapped before its first window is drawn;
// a machine without it gets SCARD_E_NO_SERVICE from every call, as with a stopped pcscd.
#include "pcsclite_on_demand.hpp"

#include "on_demand_library.hpp"

#include <mutex>

// The protocol headers SCARD_PCI_T0/T1/RAW point to: PC/SC-lite reads only their two fields.
const SCARD_IO_REQUEST g_rgSCardT0Pci { SCARD_PROTOCOL_T0, sizeof(SCARD_IO_REQUEST) };
const SCARD_IO_REQUEST g_rgSCardT1Pci { SCARD_PROTOCOL_T1, sizeof(SCARD_IO_REQUEST) };
const SCARD_IO_REQUEST g_rgSCardRawPci { SCARD_PROTOCOL_RAW, sizeof(SCARD_IO_REQUEST) };

namespace smartcard::pcsclite {

Entries open(const char* soname)
{
    using on_demand::find;
    // Never closed: the monitor thread may be inside the library until the process ends.
    void* library = on_demand::openLibrary(soname);
    if (!library)
        return {};
    Entries found;
    const bool complete = find(library, "SCardEstablishContext", found.establishContext)
        && find(library, "SCardReleaseContext", found.releaseContext)
        && find(library, "SCardIsValidContext", found.isValidContext)
        && find(library, "SCardListReaders", found.listReaders)
        && find(library, "SCardGetStatusChange", found.getStatusChange)
        && find(library, "SCardCancel", found.cancel)
        && find(library, "SCardConnect", found.connect)
        && find(library, "SCardReconnect", found.reconnect)
        && find(library, "SCardDisconnect", found.disconnect)
        && find(library, "SCardBeginTransaction", found.beginTransaction)
        && find(library, "SCardEndTransaction", found.endTransaction)
        && find(library, "SCardStatus", found.status)
        && find(library, "SCardTransmit", found.transmit);
    return complete ? found : Entries {};
}

} // namespace smartcard::pcsclite

namespace {

using smartcard::pcsclite::Entries;

const Entries& pcscLite()
{
    static std::once_flag once;
    static Entries library;
    std::call_once(
        once, [] { library = smartcard::pcsclite::open(smartcard::pcsclite::libraryName); });
    return library;
}

/// Calls the library's `member`, or answers SCARD_E_NO_SERVICE without it.
template <auto member, typename... Args> LONG forward(Args... args)
{
    const auto function = pcscLite().*member;
    return function ? function(args...) : SCARD_E_NO_SERVICE;
}

} // namespace

extern "C" {

LONG SCardEstablishContext(
    DWORD scope, LPCVOID reserved1, LPCVOID reserved2, LPSCARDCONTEXT context)
{
    return forward<&Entries::establishContext>(scope, reserved1, reserved2, context);
}

LONG SCardReleaseContext(SCARDCONTEXT context)
{
    return forward<&Entries::releaseContext>(context);
}

LONG SCardIsValidContext(SCARDCONTEXT context)
{
    return forward<&Entries::isValidContext>(context);
}

LONG SCardListReaders(SCARDCONTEXT context, LPCSTR groups, LPSTR readers, LPDWORD readersLength)
{
    return forward<&Entries::listReaders>(context, groups, readers, readersLength);
}

LONG SCardGetStatusChange(
    SCARDCONTEXT context, DWORD timeout, SCARD_READERSTATE* states, DWORD count)
{
    return forward<&Entries::getStatusChange>(context, timeout, states, count);
}

LONG SCardCancel(SCARDCONTEXT context)
{
    return forward<&Entries::cancel>(context);
}

LONG SCardConnect(SCARDCONTEXT context, LPCSTR reader, DWORD shareMode, DWORD preferredProtocols,
    LPSCARDHANDLE card, LPDWORD activeProtocol)
{
    return forward<&Entries::connect>(
        context, reader, shareMode, preferredProtocols, card, activeProtocol);
}

LONG SCardReconnect(SCARDHANDLE card, DWORD shareMode, DWORD preferredProtocols,
    DWORD initialization, LPDWORD activeProtocol)
{
    return forward<&Entries::reconnect>(
        card, shareMode, preferredProtocols, initialization, activeProtocol);
}

LONG SCardDisconnect(SCARDHANDLE card, DWORD disposition)
{
    return forward<&Entries::disconnect>(card, disposition);
}

LONG SCardBeginTransaction(SCARDHANDLE card)
{
    return forward<&Entries::beginTransaction>(card);
}

LONG SCardEndTransaction(SCARDHANDLE card, DWORD disposition)
{
    return forward<&Entries::endTransaction>(card, disposition);
}

LONG SCardStatus(SCARDHANDLE card, LPSTR readerName, LPDWORD readerLength, LPDWORD state,
    LPDWORD protocol, LPBYTE atr, LPDWORD atrLength)
{
    return forward<&Entries::status>(
        card, readerName, readerLength, state, protocol, atr, atrLength);
}

LONG SCardTransmit(SCARDHANDLE card, const SCARD_IO_REQUEST* sendPci, LPCBYTE send,
    DWORD sendLength, SCARD_IO_REQUEST* receivePci, LPBYTE receive, LPDWORD receiveLength)
{
    return forward<&Entries::transmit>(
        card, sendPci, send, sendLength, receivePci, receive, receiveLength);
}

} // extern "C"
