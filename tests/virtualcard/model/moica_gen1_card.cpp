#include "model/atr.hpp"
#include "model/hicos_model_support.hpp"
#include "model/moica_card.hpp"

namespace virtualcard {

using hicos::parseCommand;

MoicaGen1Card::MoicaGen1Card(const MoicaConfig& config)
    : HicosCardModel(config, atr::moicaGen1())
{
    addFiles(fs_.mf(), config, hicos::Root::Mf, "M-" + config.cardNumber.substr(2));
    if (config.layout == hicos::Layout::Faithful)
        fs_.addEf(fs_.mf(), 0x2F00, hicos::efDir());
}

Reply MoicaGen1Card::process(ByteView command)
{
    if (command.size() < 4)
        return status(0x6700);
    // VERIFY first, whatever the class: the real card counts even a CLA 00 attempt.
    if (command[1] == 0x20) {
        const auto c = parseCommand(command);
        if (command[0] == 0x8C && c && c->p1 == 0x00 && c->p2 == 0x01)
            return protectedVerify(*c);
        return plainVerify();
    }
    if (isYankHook(command, false))
        return yank();
    if (command[0] != 0x80)
        return status(0x6E00); // gen1 rejects CLA 00, which keeps ISO probes harmless
    switch (command[1]) {
    case 0xA4:
        return select(command);
    case 0xB0:
        return readBinary(command, 0x80);
    case 0xEA:
    case 0xC1:
        if (const auto c = parseCommand(command))
            return keys_.privateKey(*c, pin_, keyFileSelected());
        return status(0x6700);
    default:
        return status(0x6D00);
    }
}

Reply MoicaGen1Card::protectedVerify(const smartcard::CommandApdu& command)
{
    if (pin_.blocked())
        return keys_.verify(pin_, {}, "protected VERIFY");
    const auto opened = hicos::openGen1Verify(command.data);
    if (!opened.ok()) {
        // A block that does not decrypt to a PIN with its MAC: the card counts a wrong PIN.
        return keys_.verify(pin_, {}, "protected VERIFY whose cryptogram does not check");
    }
    return keys_.verify(pin_, opened.pin, "protected VERIFY");
}

Reply MoicaGen1Card::select(ByteView command)
{
    const auto c = parseCommand(command);
    if (!c)
        return status(0x6700);
    if (c->p1 != 0x00 || c->p2 != 0x00)
        return status(0x6A86);
    if (c->data.size() != 2)
        return status(0x6700);
    const auto fid = static_cast<std::uint16_t>(c->data[0] << 8 | c->data[1]);
    return status(fs_.selectFid(fid) ? 0x9000 : 0x6A82); // no FCP, like the real card
}

} // namespace virtualcard
