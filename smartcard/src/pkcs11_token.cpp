#include "smartcard/pkcs11_token.hpp"

#include "pkcs11_api.hpp"
#include "pkcs11_session.hpp"
#include "smartcard/errors.hpp"

#include <type_traits>

namespace smartcard {

static_assert(std::is_same_v<CK_SLOT_ID, unsigned long>, "the header stores a CK_SLOT_ID");
static_assert(std::is_same_v<CK_RV, unsigned long>, "the header passes a CK_RV");

namespace {

std::vector<CK_SLOT_ID> slotsWithToken(pkcs11::Api& api)
{
    std::vector<CK_SLOT_ID> slots;
    for (;;) { // a reader may appear between the two calls: ask again when it did
        CK_ULONG count = 0;
        CK_RV rv = api.getSlotList(CK_TRUE, nullptr, &count);
        if (rv != CKR_OK)
            pkcs11::throwCallFailure(api, "C_GetSlotList", rv);
        slots.resize(count);
        rv = api.getSlotList(CK_TRUE, slots.data(), &count);
        if (rv == CKR_BUFFER_TOO_SMALL)
            continue;
        if (rv != CKR_OK)
            pkcs11::throwCallFailure(api, "C_GetSlotList", rv);
        slots.resize(count);
        return slots;
    }
}

/// The CKA_ID of the certificate object equal to `der`, when this token holds it. Certificates
/// are compared by value, read back one by one: matching CKA_VALUE in the search template is
/// optional for a module, and the PC/SC read is the truth about which card this is.
std::optional<Bytes> certificateId(pkcs11::Session& session, const Bytes& der)
{
    const CK_OBJECT_CLASS certificateClass = CKO_CERTIFICATE;
    for (const auto object : session.find(
             { pkcs11::attributeOf(CKA_CLASS, &certificateClass, sizeof certificateClass) })) {
        if (session.attribute(object, CKA_VALUE) == der) // no CKA_ID: keys with an empty one
            return session.attribute(object, CKA_ID).value_or(Bytes {});
    }
    return std::nullopt;
}

/// Whether the key with `keyId` can sign, as far as one can tell before login. A module that
/// shows private keys before login (most card modules do) is taken at its word; one that shows
/// none hides them until login (CKA_PRIVATE keys, as SoftHSM2 stores them), and the key is looked
/// for again after C_Login.
bool keyMayBeUsable(pkcs11::Session& session, const Bytes& keyId)
{
    if (!pkcs11::signingKeys(session, keyId).empty())
        return true;
    const CK_OBJECT_CLASS keyClass = CKO_PRIVATE_KEY;
    return session.find({ pkcs11::attributeOf(CKA_CLASS, &keyClass, sizeof keyClass) }).empty();
}

int pinLength(CK_ULONG value)
{
    // CK_UNAVAILABLE_INFORMATION, CK_EFFECTIVELY_INFINITE and absurd figures mean "no limit we
    // can enforce"; 0 is how PinState says so.
    return value == CK_UNAVAILABLE_INFORMATION || value > 1024 ? 0 : static_cast<int>(value);
}

} // namespace

std::unique_ptr<Pkcs11Token> Pkcs11Token::open(
    const Bytes& signingCertificate, const std::string& configuredModule)
{
    return open(pkcs11::loadModule(pkcs11ModuleCandidates(configuredModule)), signingCertificate);
}

std::unique_ptr<Pkcs11Token> Pkcs11Token::open(
    std::shared_ptr<pkcs11::Api> module, const Bytes& signingCertificate)
{
    if (signingCertificate.empty())
        throw CardError(CardErrc::InvalidArgument, "no signing certificate to look for");
    const auto slots = slotsWithToken(*module);
    bool keyWithoutSign = false;
    std::optional<CardError> failure;
    for (const auto slot : slots) {
        std::optional<Bytes> keyId;
        try {
            pkcs11::Session session(*module, slot);
            keyId = certificateId(session, signingCertificate);
            if (keyId && !keyMayBeUsable(session, *keyId)) {
                keyWithoutSign = true;
                continue;
            }
        } catch (const CardError& error) {
            // Another reader's card (one the module does not recognise, or pulled out meanwhile)
            // is simply not ours. Any other failure in one slot must not hide the card in another
            // either, but is reported when no slot holds the certificate.
            const bool notOurs = error.code() == CardErrc::UnsupportedCard
                || error.code() == CardErrc::CardRemoved;
            if (!notOurs && !failure)
                failure = error;
            continue;
        }
        if (keyId)
            return std::unique_ptr<Pkcs11Token>(
                new Pkcs11Token(std::move(module), slot, signingCertificate, std::move(*keyId)));
    }
    if (keyWithoutSign)
        throw CardError(CardErrc::KeyNotFound,
            "the card's signing certificate is in " + module->path()
                + ", but no private key with its id can sign");
    if (failure)
        throw *failure;
    throw CardError(CardErrc::KeyNotFound,
        "no token in " + module->path() + " (" + std::to_string(slots.size())
            + " with a card) holds the card's signing certificate");
}

Pkcs11Token::Pkcs11Token(
    std::shared_ptr<pkcs11::Api> module, unsigned long slot, Bytes certificate, Bytes keyId)
    : module_(std::move(module))
    , slot_(slot)
    , certificate_(std::move(certificate))
    , keyId_(std::move(keyId))
{ }

Pkcs11Token::~Pkcs11Token() = default;

const std::string& Pkcs11Token::modulePath() const
{
    return module_->path();
}

PinState Pkcs11Token::readPinState()
{
    CK_TOKEN_INFO info {};
    const CK_RV rv = module_->getTokenInfo(slot_, &info);
    if (rv != CKR_OK)
        pkcs11::throwCallFailure(*module_, "C_GetTokenInfo", rv);

    PinState state;
    state.minLength = pinLength(info.ulMinPinLen);
    state.maxLength = pinLength(info.ulMaxPinLen);
    state.lettersAllowed = true; // a PKCS#11 PIN is a string; HiCOS PINs mix letters and digits
    if (state.maxLength < state.minLength)
        state.maxLength = 0;
    state.countLow = (info.flags & CKF_USER_PIN_COUNT_LOW) != 0;
    // The most pessimistic of what the module and this token's own memory say.
    if (blocked_ || (info.flags & CKF_USER_PIN_LOCKED)) {
        state.blocked = true;
        state.triesLeft = 0;
    } else if (info.flags & CKF_USER_PIN_FINAL_TRY) {
        state.triesLeft = 1;
    } else {
        state.triesLeft = lastTriesLeft_;
    }
    const bool moduleSaidSomething = state.blocked || state.triesLeft || state.countLow;
    state.source = moduleSaidSomething ? PinSource::Module : PinSource::Unknown;
    return state;
}

} // namespace smartcard
