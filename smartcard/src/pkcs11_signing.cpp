#include "pkcs11_api.hpp"
#include "pkcs11_session.hpp"
#include "smartcard/errors.hpp"
#include "smartcard/pkcs11_token.hpp"

namespace smartcard {

namespace {

/// Logs out when it goes, so no path leaves the card logged in for whoever uses it next.
class LoggedIn {
public:
    explicit LoggedIn(pkcs11::Session& session)
        : session_(session)
    { }
    ~LoggedIn() { session_.api().logout(session_.handle()); }
    LoggedIn(const LoggedIn&) = delete;
    LoggedIn& operator=(const LoggedIn&) = delete;

private:
    pkcs11::Session& session_;
};

Bytes signDigestInfo(pkcs11::Session& session, CK_OBJECT_HANDLE key, Bytes digestInfo)
{
    pkcs11::Api& api = session.api();
    // CKM_RSA_PKCS over a DigestInfo the host builds: the one RSA mechanism every card module
    // offers, where the hash-and-sign mechanisms are advertised but not always usable.
    CK_MECHANISM mechanism { CKM_RSA_PKCS, nullptr, 0 };
    CK_RV rv = api.signInit(session.handle(), &mechanism, key);
    if (rv != CKR_OK)
        pkcs11::throwCallFailure(api, "C_SignInit", rv);
    const auto length = static_cast<CK_ULONG>(digestInfo.size());
    CK_ULONG signatureLength = 0;
    rv = api.sign(session.handle(), digestInfo.data(), length, nullptr, &signatureLength);
    if (rv != CKR_OK)
        pkcs11::throwCallFailure(api, "C_Sign", rv);
    Bytes signature(signatureLength);
    rv = api.sign(session.handle(), digestInfo.data(), length, signature.data(), &signatureLength);
    if (rv != CKR_OK)
        pkcs11::throwCallFailure(api, "C_Sign", rv);
    signature.resize(signatureLength);
    return signature;
}

} // namespace

Bytes Pkcs11Token::verifyAndSignOnce(ByteView pin, ByteView digest, SignatureAlgorithm algorithm)
{
    switch (algorithm) {
    case SignatureAlgorithm::RsaPkcs1Sha256:
        break; // CKM_RSA_PKCS over a SHA-256 DigestInfo
    }
    Bytes digestInfo = sha256DigestInfo(digest);

    pkcs11::Session session(*module_, slot_);
    // The caller's buffer goes straight to the module: no copy of the PIN is made here. C_Login
    // takes a non-const pointer but only reads it.
    auto* pinBytes = const_cast<CK_UTF8CHAR*>(reinterpret_cast<const CK_UTF8CHAR*>(pin.data()));
    const CK_RV rv
        = module_->login(session.handle(), CKU_USER, pinBytes, static_cast<CK_ULONG>(pin.size()));
    // Already logged in (another session of this process): the PIN was not needed, carry on;
    // logging out afterwards is still right, no one else here should be signing meanwhile.
    if (rv != CKR_OK && rv != CKR_USER_ALREADY_LOGGED_IN)
        throwLoginFailure(rv);
    lastTriesLeft_.reset(); // a right PIN restored the counter
    LoggedIn loggedIn(session);

    const auto keys = pkcs11::signingKeys(session, keyId_);
    if (keys.empty())
        throw CardError(CardErrc::KeyNotFound,
            "after login, no private key in " + module_->path()
                + " with the certificate's id can sign");
    return signDigestInfo(session, keys.front(), std::move(digestInfo));
}

void Pkcs11Token::throwLoginFailure(unsigned long rv)
{
    if (const int vendorTries = pkcs11::vendorTriesLeft(rv)) {
        lastTriesLeft_ = vendorTries;
        throw CardError(CardErrc::PinIncorrect,
            "wrong PIN; " + std::to_string(vendorTries) + " tries left (the module said so)",
            vendorTries);
    }
    switch (rv) {
    case CKR_PIN_INCORRECT: {
        // What is left is whatever the token flags say now; a vendor figure from an earlier
        // failure is stale after this one, so without flags the count is unknown.
        lastTriesLeft_.reset();
        CK_TOKEN_INFO info {};
        if (module_->getTokenInfo(slot_, &info) == CKR_OK) {
            if (info.flags & CKF_USER_PIN_LOCKED) {
                blocked_ = true;
                throw CardError(CardErrc::AuthenticationBlocked,
                    "wrong PIN, and that was the last try: the PIN is now blocked", 0);
            }
            if (info.flags & CKF_USER_PIN_FINAL_TRY)
                lastTriesLeft_ = 1;
        }
        throw CardError(CardErrc::PinIncorrect, "wrong PIN", lastTriesLeft_);
    }
    case CKR_PIN_LEN_RANGE:
        throw CardError(
            CardErrc::PinLengthInvalid, "the module refused the PIN's length (CKR_PIN_LEN_RANGE)");
    case CKR_PIN_LOCKED:
        blocked_ = true;
        throw CardError(CardErrc::AuthenticationBlocked, "the PIN is blocked (CKR_PIN_LOCKED)", 0);
    default:
        pkcs11::throwCallFailure(*module_, "C_Login", rv);
    }
}

} // namespace smartcard
