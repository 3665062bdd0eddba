#include "softhsm_token.hpp"

#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <fstream>
#include <openssl/x509.h>
#include <spawn.h>
#include <sys/wait.h>
#include <vector>

extern char** environ;

namespace p11test {

namespace {

/// Runs a program to completion (stdout discarded: softhsm2-util chatters there); fails the
/// test when it does not exit 0.
void run(const std::vector<std::string>& args)
{
    std::vector<char*> argv;
    for (const auto& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        FAIL("cannot start " << args[0] << ": " << std::strerror(spawned));
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        FAIL(args[0] << ' ' << args[1] << " failed (status " << status << ")");
}

smartcard::Bytes subjectOf(const smartcard::Bytes& der)
{
    const unsigned char* cursor = der.data();
    X509* certificate = d2i_X509(nullptr, &cursor, static_cast<long>(der.size()));
    REQUIRE(certificate);
    unsigned char* encoded = nullptr;
    const int length = i2d_X509_NAME(X509_get_subject_name(certificate), &encoded);
    smartcard::Bytes subject(encoded, encoded + (length > 0 ? length : 0));
    OPENSSL_free(encoded);
    X509_free(certificate);
    return subject;
}

void require(CK_RV rv, const char* what)
{
    if (rv != CKR_OK)
        FAIL(what << " failed: " << smartcard::pkcs11::rvName(rv));
}

/// Writes the certificate next to the imported key, through the module itself (SoftHSM2's
/// utility imports keys only). Returns the slot the token is in.
CK_SLOT_ID writeCertificate(const smartcard::Bytes& der, const smartcard::Bytes& id)
{
    void* library = dlopen(SoftHsmToken::modulePath().c_str(), RTLD_NOW | RTLD_LOCAL);
    REQUIRE(library);
    auto getList = reinterpret_cast<CK_C_GetFunctionList>(dlsym(library, "C_GetFunctionList"));
    REQUIRE(getList);
    CK_FUNCTION_LIST* f = nullptr;
    require(getList(&f), "C_GetFunctionList");
    require(f->C_Initialize(nullptr), "C_Initialize");

    CK_ULONG count = 16;
    CK_SLOT_ID slots[16];
    require(f->C_GetSlotList(CK_TRUE, slots, &count), "C_GetSlotList");
    std::optional<CK_SLOT_ID> slot;
    for (CK_ULONG i = 0; i < count && !slot; ++i) {
        CK_TOKEN_INFO info {};
        if (f->C_GetTokenInfo(slots[i], &info) == CKR_OK
            && std::memcmp(info.label, SoftHsmToken::label, std::strlen(SoftHsmToken::label)) == 0)
            slot = slots[i];
    }
    REQUIRE(slot);

    CK_SESSION_HANDLE session = 0;
    require(
        f->C_OpenSession(*slot, CKF_SERIAL_SESSION | CKF_RW_SESSION, nullptr, nullptr, &session),
        "C_OpenSession");
    std::string pin = SoftHsmToken::userPin;
    require(f->C_Login(session, CKU_USER, reinterpret_cast<CK_UTF8CHAR*>(pin.data()), pin.size()),
        "C_Login");
    CK_OBJECT_CLASS certificateClass = CKO_CERTIFICATE;
    CK_CERTIFICATE_TYPE x509 = CKC_X_509;
    CK_BBOOL yes = CK_TRUE;
    char certificateLabel[] = "citizen-sign";
    smartcard::Bytes subject = subjectOf(der);
    smartcard::Bytes value = der;
    smartcard::Bytes objectId = id;
    CK_ATTRIBUTE templ[] = {
        { CKA_CLASS, &certificateClass, sizeof certificateClass },
        { CKA_CERTIFICATE_TYPE, &x509, sizeof x509 },
        { CKA_TOKEN, &yes, sizeof yes },
        { CKA_LABEL, certificateLabel, sizeof certificateLabel - 1 },
        { CKA_ID, objectId.data(), objectId.size() },
        { CKA_SUBJECT, subject.data(), subject.size() },
        { CKA_VALUE, value.data(), value.size() },
    };
    CK_OBJECT_HANDLE object = 0;
    require(f->C_CreateObject(session, templ, std::size(templ), &object), "C_CreateObject");
    f->C_Logout(session);
    f->C_CloseSession(session);
    f->C_Finalize(nullptr);
    dlclose(library);
    return *slot;
}

} // namespace

std::string SoftHsmToken::modulePath()
{
    return SHIQIUREN_SOFTHSM2_MODULE;
}

SoftHsmToken& SoftHsmToken::instance()
{
    static SoftHsmToken token;
    return token;
}

SoftHsmToken::SoftHsmToken()
{
    const auto tokens = dir_.path() / "tokens";
    std::filesystem::create_directory(tokens);
    const auto conf = dir_.path() / "softhsm2.conf";
    std::ofstream(conf) << "directories.tokendir = " << tokens.string() << "\n"
                        << "objectstore.backend = file\n"
                        << "log.level = ERROR\n"
                        << "slots.removable = false\n";
    // This process's own environment only: the module and the utility read it, nothing global.
    setenv("SOFTHSM2_CONF", conf.c_str(), 1);

    const std::string util = SHIQIUREN_SOFTHSM2_UTIL;
    run({ util, "--init-token", "--free", "--label", label, "--so-pin", "87654321", "--pin",
        userPin });
    const std::string id = "45a1";
    run({ util, "--import", (testPki() / "citizen-sign.key").string(), "--token", label, "--label",
        "citizen-sign", "--id", id, "--pin", userPin });
    certificate_ = readFile(testPki() / "citizen-sign.der");
    slot_ = writeCertificate(certificate_, smartcard::fromHex(id));
}

} // namespace p11test
