// Everything the HiCOS read and sign paths parse from a card: the whole read (recognition, the
// version, the card number, directory files over several reads, certificates) against a card
// that answers anything, and the gen2 secure channel's answers (GET DATA E0/45, INITIALIZE
// UPDATE) and the signing conversation after them.
#include "fuzz_support.hpp"
#include "smartcard/card_reader.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/hicos_crypto.hpp"
#include "smartcard/hicos_signing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace smartcard;
    fuzzing::Pieces pieces(data, size);
    const std::uint8_t mode = pieces.byte();
    const Bytes atr = pieces.next();
    fuzzing::ScriptedCard card(pieces);
    ApduChannel channel(card);
    try {
        switch (mode % 4) {
        case 0:
            (void)readCardInfo(channel, "fuzz", atr);
            break;
        case 1:
            (void)hicos::parseKeyInformation(atr);
            (void)hicos::parseCardImageNumber(pieces.next());
            break;
        case 2: {
            const hicos::StaticKeys keys = hicos::deriveStaticKeys(Bytes(10, mode));
            (void)hicos::Scp03Session(keys, Bytes(8, 0xA0), 0x01, atr);
            break;
        }
        case 3: {
            HicosSigningProfile profile;
            profile.generation = (mode & 4) ? HicosGeneration::Gen2 : HicosGeneration::Gen1;
            profile.keyReference = 0x01;
            const Bytes pin { 'A', 'b', '1', '2', '3', '4' };
            (void)hicosVerifyAndSign(channel, profile, pin, Bytes(32, 0x5A));
            break;
        }
        }
    } catch (const CardError&) { }
    return 0;
}
