#pragma once

// The cryptography of HiCOS citizen cards (自然人憑證), transport-free: the gen1 protected VERIFY
// and private-key commands, the gen2 static-key diversification and the GlobalPlatform SCP03
// channel (security level 03) the gen2 PIN and key commands travel in. Facts: the HiCOS
// protocol reference (hicos-protocol.md) §6-§9. Nothing here talks to a card.
//
// Every secret (PIN block, static and session keys, MAC chaining value, plaintext) lives in a
// SecretBytes and is wiped when it goes. Every failure throws CardError; no message holds a PIN.

#include "smartcard/apdu.hpp"
#include "smartcard/bytes.hpp"
#include "smartcard/secret_bytes.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <vector>

namespace smartcard::hicos {

// ---- Primitives (hicos_primitives.cpp: the one file that calls the crypto library) ----------
// Wrong key, IV or data sizes throw CardError(InvalidArgument); a library failure throws
// CardError(CryptoFailure). No padding is added or removed by any of them.

inline constexpr std::size_t desBlockSize = 8;
inline constexpr std::size_t aesBlockSize = 16;

/// Two-key triple DES (EDE, K3 = K1), CBC. key 16, iv 8, data a multiple of 8.
SecretBytes tdes2CbcEncrypt(ByteView key, ByteView iv, ByteView data);
SecretBytes tdes2CbcDecrypt(ByteView key, ByteView iv, ByteView data);
/// AES-128 on one 16-byte block, ECB.
SecretBytes aes128EcbEncryptBlock(ByteView key, ByteView block);
SecretBytes aes128EcbDecryptBlock(ByteView key, ByteView block);
/// AES-128-CBC. key 16, iv 16, data a multiple of 16.
SecretBytes aes128CbcEncrypt(ByteView key, ByteView iv, ByteView data);
SecretBytes aes128CbcDecrypt(ByteView key, ByteView iv, ByteView data);
/// AES-128-CMAC (NIST SP 800-38B) over the parts one after the other: 16 bytes.
SecretBytes aesCmac(ByteView key, std::initializer_list<ByteView> message);
/// Cryptographically strong random bytes.
void randomBytes(std::span<std::uint8_t> out);
Bytes randomBytes(std::size_t count);
/// Same size and same bytes, in a time that does not depend on where they differ.
bool equalInConstantTime(ByteView a, ByteView b) noexcept;

// ---- PIN block (both generations, §5) -------------------------------------------------------

inline constexpr std::size_t pinBlockSize = 10;
/// The PIN reference both generations verify (P2 of VERIFY).
inline constexpr std::uint8_t pinReference = 0x01;

/// PIN ‖ FF… to 10 bytes. Throws PinLengthInvalid for an empty PIN or one over 10 bytes (the
/// 6-8 rule of the tokens is enforced before this is called).
SecretBytes pinBlock(ByteView pin);

// ---- gen1 (§6, §7) ---------------------------------------------------------------------------

/// The two-key 3DES key of the gen1 protected VERIFY: ASCII "CHTTL8f0HiCardV2".
ByteView gen1PinKey() noexcept;

/// `8C 20 00 01 20 ‖ IV ‖ C`: MAC = last block of 3DES-CBC(K, IV, PKCS#7(P)),
/// C = 3DES-CBC(K, IV, PKCS#7(P ‖ MAC)). `iv` is 8 bytes; use the overload without it, which
/// draws a fresh random IV, for anything but test vectors.
CommandApdu gen1ProtectedVerify(ByteView pin, ByteView iv);
CommandApdu gen1ProtectedVerify(ByteView pin);

/// The card's raw RSA private operation on a 256-byte block, as three commands.
struct PrivateKeyCommands {
    CommandApdu firstHalf; // 80 EA 82 <ref> 80 <block[0..128]>: the card answers 9000 alone
    CommandApdu secondHalf; // 80 EA 02 <ref> 80 <block[128..256]>: the first 128 result bytes
    CommandApdu rest; // 80 C1 00 80, Le 80: the last 128 result bytes
};
inline constexpr std::size_t privateKeyBlockSize = 256;

/// gen1: the second half has no Le. Throws InvalidArgument unless `block` is 256 bytes.
PrivateKeyCommands gen1PrivateKeyCommands(ByteView block, std::uint8_t keyReference);
/// gen2 (§9): the same commands in the clear, to be wrapped; the second half carries Le 80.
PrivateKeyCommands gen2PrivateKeyCommands(ByteView block, std::uint8_t keyReference);
/// `80 C1 <offset> <length>`: result bytes from `offset` on (the reference loops from 0x80
/// with offset = bytes received so far). length 1..256.
CommandApdu privateKeyResultCommand(std::uint16_t offset, std::size_t length);

/// EMSA-PKCS1-v1_5 block for a SHA-256 digest: 00 01 FF… 00 ‖ DigestInfo, `modulusBytes`
/// long. Throws InvalidArgument for a digest that is not 32 bytes or a modulus too small.
Bytes pkcs1v15SignatureBlock(ByteView sha256Digest, std::size_t modulusBytes);

// ---- gen2 card keys (§8.1) -------------------------------------------------------------------

/// ISD-CM, where GET DATA E0 is asked; the ISD, where GET DATA 45 is asked.
ByteView issuerSecurityDomainCmAid() noexcept;
ByteView issuerSecurityDomainAid() noexcept;
/// `00 A4 04 00 <Lc> <AID>`, no Le (as the reference selects the security domains).
CommandApdu selectSecurityDomain(ByteView aid);
/// `80 CA 00 E0 00`: key information template.
CommandApdu getKeyInformationCommand();
/// `80 CA 00 45 00`: card image number, the 10-byte id the static keys derive from.
CommandApdu getCardImageNumberCommand();

/// One key of the key information template (GP tag C0).
struct KeyInfo {
    std::uint8_t id = 0;
    std::uint8_t version = 0;
    std::uint8_t type = 0; // 88 = AES
    std::uint8_t length = 0; // bytes
};
struct KeyInformation {
    std::vector<KeyInfo> keys; // in the card's order
    /// The version INITIALIZE UPDATE names: the first template's (how the cards list them).
    std::uint8_t keyVersion = 0;
};
/// Parses `E0 L (C0 L id version (type length)+)+`. Throws MalformedData for anything else
/// (extra bytes included), UnsupportedCard when a key is not a 16-byte AES key.
KeyInformation parseKeyInformation(ByteView answer);

inline constexpr std::size_t cardIdSize = 10;
/// `45 0A <10 bytes>` → the 10 bytes; MalformedData for anything else.
Bytes parseCardImageNumber(ByteView answer);

/// GP SCP03 KDF (NIST SP 800-108 counter mode, AES-CMAC PRF), one block:
/// CMAC(key, 00×11 ‖ constant ‖ 00 ‖ L(2 bytes, bits) ‖ 01 ‖ context), cut to L bits.
/// lengthBits 64 or 128.
SecretBytes scp03Kdf(
    ByteView key, std::uint8_t derivationConstant, ByteView context, std::uint16_t lengthBits);

enum class StaticKeyRole { Enc, Mac, Dek };
/// One static key of a card: the KDF under the CHT master key, with context
/// role number ‖ card id ‖ 53 89 C0 00 14. Throws InvalidArgument unless cardId is 10 bytes.
SecretBytes deriveStaticKey(ByteView cardId, StaticKeyRole role);

struct StaticKeys {
    SecretBytes enc;
    SecretBytes mac;
};
StaticKeys deriveStaticKeys(ByteView cardId);

// ---- gen2 secure channel (§8.2-§8.4) ---------------------------------------------------------

inline constexpr std::size_t challengeSize = 8;
inline constexpr std::size_t initializeUpdateAnswerSize = 29;
inline constexpr std::uint8_t scp03Id = 0x03;

/// `80 50 <keyVersion> 00 08 <host challenge> 00`.
CommandApdu initializeUpdateCommand(ByteView hostChallenge, std::uint8_t keyVersion);

struct InitializeUpdateAnswer {
    Bytes diversificationData; // 10 bytes
    std::uint8_t keyVersion = 0;
    std::uint8_t scpId = 0;
    std::uint8_t scpParameter = 0; // "i"
    Bytes cardChallenge; // 8
    Bytes cardCryptogram; // 8
};
/// Throws MalformedData unless the answer is 29 bytes; UnsupportedCard when the SCP id is not
/// 03 or the key version is not the one asked for.
InitializeUpdateAnswer parseInitializeUpdateAnswer(ByteView answer, std::uint8_t keyVersion);

struct SessionKeys {
    SecretBytes enc;
    SecretBytes mac;
};
/// S-ENC and S-MAC for context host challenge ‖ card challenge.
SessionKeys deriveSessionKeys(
    const StaticKeys& keys, ByteView hostChallenge, ByteView cardChallenge);

/// The host end of one SCP03 session at security level 03 (C-MAC + C-DECRYPTION; responses
/// come back plain). Usage: send initializeUpdateCommand(), build the session from its answer,
/// send externalAuthenticate(), then wrap() every command, in order, each exactly once.
class Scp03Session {
public:
    static constexpr std::uint8_t securityLevel = 0x03;

    /// Parses the INITIALIZE UPDATE answer (see parseInitializeUpdateAnswer) and checks the
    /// card cryptogram. Throws CardAuthenticationFailed when it does not match: the card does
    /// not hold the keys derived for it (no PIN was involved, none may be sent to it).
    Scp03Session(const StaticKeys& keys, ByteView hostChallenge, std::uint8_t keyVersion,
        ByteView initializeUpdateAnswer);

    Scp03Session(Scp03Session&&) noexcept = default;
    Scp03Session& operator=(Scp03Session&&) noexcept = default;
    Scp03Session(const Scp03Session&) = delete;
    Scp03Session& operator=(const Scp03Session&) = delete;
    ~Scp03Session() = default; // the SecretBytes members wipe themselves

    /// `84 82 03 00 10 <host cryptogram> <MAC>`, the first command of the session.
    const CommandApdu& externalAuthenticate() const { return externalAuthenticate_; }

    /// The protected form of `plain` (§8.3): CLA | 04; data, when there is any, padded 80 00…
    /// and encrypted under S-ENC with ICV = AES(S-ENC, counter), the counter then advancing;
    /// the C-MAC chained over MCV ‖ header ‖ Lc' ‖ data', first 8 bytes appended; Le kept.
    /// Throws InvalidArgument for an already protected class or a command whose protected data
    /// would not fit a short APDU. Advances the MAC chain: send the result, and only once.
    CommandApdu wrap(const CommandApdu& plain);
    /// The protected VERIFY `00 20 00 01 <PIN block>`, without the PIN block ever sitting in
    /// a CommandApdu.
    CommandApdu wrapVerify(ByteView pin);

    /// The counter the next command with data is encrypted under (1 after the handshake).
    std::uint32_t encryptionCounter() const { return counter_; }
    /// The 16-byte MAC chaining value (diagnostics and tests).
    ByteView macChainingValue() const { return mcv_; }

private:
    // EXTERNAL AUTHENTICATE goes through here too, MACed but not encrypted.
    CommandApdu protect(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
        ByteView data, std::optional<std::size_t> le, bool encrypt);

    SessionKeys sessionKeys_;
    SecretBytes mcv_;
    std::uint32_t counter_ = 1;
    CommandApdu externalAuthenticate_;
};

} // namespace smartcard::hicos
