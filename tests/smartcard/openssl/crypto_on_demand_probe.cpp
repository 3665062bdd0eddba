// Prints SHA-256("abc") through the forwarding functions; the test runs it with a libcrypto.so.3
// that is not OpenSSL first on the library path.
#include <cstdio>
#include <openssl/evp.h>

int main()
{
    unsigned char digest[EVP_MAX_MD_SIZE] = {};
    unsigned int length = 0;
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    const bool done = context && EVP_DigestInit_ex(context, EVP_sha256(), nullptr) == 1
        && EVP_DigestUpdate(context, "abc", 3) == 1
        && EVP_DigestFinal_ex(context, digest, &length) == 1;
    EVP_MD_CTX_free(context);
    for (unsigned int i = 0; i < length; ++i)
        std::printf("%02x", digest[i]);
    std::printf("\n");
    return done ? 0 : 1;
}
