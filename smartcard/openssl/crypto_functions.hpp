// The libcrypto functions the desktop client calls, for crypto_on_demand.cpp: name, return type,
// parameters, arguments. Each line must match OpenSSL's own declaration (the compiler checks).
// A new OpenSSL call in smartcard/ or core/ fails the client's link until it is listed here.
#pragma once

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <openssl/stack.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <type_traits>

// clang-format off
#define SHIQIUREN_CRYPTO_FUNCTIONS(X) \
    X(ASN1_INTEGER_to_BN, BIGNUM *, (const ASN1_INTEGER *a0, BIGNUM *a1), (a0, a1)) \
    X(ASN1_STRING_get0_data, const unsigned char *, (const ASN1_STRING *a0), (a0)) \
    X(ASN1_STRING_length, int, (const ASN1_STRING *a0), (a0)) \
    X(ASN1_STRING_to_UTF8, int, (unsigned char **a0, const ASN1_STRING *a1), (a0, a1)) \
    X(ASN1_TIME_to_tm, int, (const ASN1_TIME *a0, struct tm *a1), (a0, a1)) \
    X(ASN1_TYPE_free, void, (ASN1_TYPE *a0), (a0)) \
    X(ASN1_TYPE_get, int, (const ASN1_TYPE *a0), (a0)) \
    X(BIO_ctrl, long, (BIO *a0, int a1, long a2, void *a3), (a0, a1, a2, a3)) \
    X(BIO_free, int, (BIO *a0), (a0)) \
    X(BIO_new, BIO *, (const BIO_METHOD *a0), (a0)) \
    X(BIO_s_mem, const BIO_METHOD *, (void), ()) \
    X(BN_bn2hex, char *, (const BIGNUM *a0), (a0)) \
    X(BN_free, void, (BIGNUM *a0), (a0)) \
    X(CRYPTO_free, void, (void *a0, const char *a1, int a2), (a0, a1, a2)) \
    X(CRYPTO_memcmp, int, (const void *a0, const void *a1, size_t a2), (a0, a1, a2)) \
    X(ERR_pop_to_mark, int, (void), ()) \
    X(ERR_set_mark, int, (void), ()) \
    X(EVP_CIPHER_CTX_free, void, (EVP_CIPHER_CTX *a0), (a0)) \
    X(EVP_CIPHER_CTX_new, EVP_CIPHER_CTX *, (void), ()) \
    X(EVP_CIPHER_CTX_set_padding, int, (EVP_CIPHER_CTX *a0, int a1), (a0, a1)) \
    X(EVP_CipherFinal_ex, int, (EVP_CIPHER_CTX *a0, unsigned char *a1, int *a2), (a0, a1, a2)) \
    X(EVP_CipherInit_ex2, int, \
        (EVP_CIPHER_CTX *a0, const EVP_CIPHER *a1, const unsigned char *a2, \
         const unsigned char *a3, int a4, const OSSL_PARAM *a5), \
        (a0, a1, a2, a3, a4, a5)) \
    X(EVP_CipherUpdate, int, \
        (EVP_CIPHER_CTX *a0, unsigned char *a1, int *a2, const unsigned char *a3, int a4), \
        (a0, a1, a2, a3, a4)) \
    X(EVP_DigestFinal_ex, int, \
        (EVP_MD_CTX *a0, unsigned char *a1, unsigned int *a2), \
        (a0, a1, a2)) \
    X(EVP_DigestInit_ex, int, (EVP_MD_CTX *a0, const EVP_MD *a1, ENGINE *a2), (a0, a1, a2)) \
    X(EVP_DigestUpdate, int, (EVP_MD_CTX *a0, const void *a1, size_t a2), (a0, a1, a2)) \
    X(EVP_MAC_CTX_free, void, (EVP_MAC_CTX *a0), (a0)) \
    X(EVP_MAC_CTX_new, EVP_MAC_CTX *, (EVP_MAC *a0), (a0)) \
    X(EVP_MAC_fetch, EVP_MAC *, (OSSL_LIB_CTX *a0, const char *a1, const char *a2), (a0, a1, a2)) \
    X(EVP_MAC_final, int, \
        (EVP_MAC_CTX *a0, unsigned char *a1, size_t *a2, size_t a3), \
        (a0, a1, a2, a3)) \
    X(EVP_MAC_free, void, (EVP_MAC *a0), (a0)) \
    X(EVP_MAC_init, int, \
        (EVP_MAC_CTX *a0, const unsigned char *a1, size_t a2, const OSSL_PARAM *a3), \
        (a0, a1, a2, a3)) \
    X(EVP_MAC_update, int, (EVP_MAC_CTX *a0, const unsigned char *a1, size_t a2), (a0, a1, a2)) \
    X(EVP_MD_CTX_free, void, (EVP_MD_CTX *a0), (a0)) \
    X(EVP_MD_CTX_new, EVP_MD_CTX *, (void), ()) \
    X(EVP_aes_128_cbc, const EVP_CIPHER *, (void), ()) \
    X(EVP_aes_128_ecb, const EVP_CIPHER *, (void), ()) \
    X(EVP_des_ede_cbc, const EVP_CIPHER *, (void), ()) \
    X(EVP_sha256, const EVP_MD *, (void), ()) \
    X(OBJ_obj2txt, int, (char *a0, int a1, const ASN1_OBJECT *a2, int a3), (a0, a1, a2, a3)) \
    X(OPENSSL_cleanse, void, (void *a0, size_t a1), (a0, a1)) \
    X(OPENSSL_sk_num, int, (const OPENSSL_STACK *a0), (a0)) \
    X(OPENSSL_sk_pop_free, void, \
        (OPENSSL_STACK *a0, std::type_identity_t<void (*)(void *)> a1), \
        (a0, a1)) \
    X(OPENSSL_sk_value, void *, (const OPENSSL_STACK *a0, int a1), (a0, a1)) \
    X(OSSL_PARAM_construct_end, OSSL_PARAM, (void), ()) \
    X(OSSL_PARAM_construct_utf8_string, OSSL_PARAM, \
        (const char *a0, char *a1, size_t a2), \
        (a0, a1, a2)) \
    X(RAND_bytes, int, (unsigned char *a0, int a1), (a0, a1)) \
    X(X509_ATTRIBUTE_count, int, (const X509_ATTRIBUTE *a0), (a0)) \
    X(X509_ATTRIBUTE_free, void, (X509_ATTRIBUTE *a0), (a0)) \
    X(X509_ATTRIBUTE_get0_object, ASN1_OBJECT *, (X509_ATTRIBUTE *a0), (a0)) \
    X(X509_ATTRIBUTE_get0_type, ASN1_TYPE *, (X509_ATTRIBUTE *a0, int a1), (a0, a1)) \
    X(X509_EXTENSION_get_data, ASN1_OCTET_STRING *, (X509_EXTENSION *a0), (a0)) \
    X(X509_EXTENSION_get_object, ASN1_OBJECT *, (X509_EXTENSION *a0), (a0)) \
    X(X509_NAME_ENTRY_get_data, ASN1_STRING *, (const X509_NAME_ENTRY *a0), (a0)) \
    X(X509_NAME_get_entry, X509_NAME_ENTRY *, (const X509_NAME *a0, int a1), (a0, a1)) \
    X(X509_NAME_get_index_by_NID, int, (const X509_NAME *a0, int a1, int a2), (a0, a1, a2)) \
    X(X509_NAME_print_ex, int, \
        (BIO *a0, const X509_NAME *a1, int a2, unsigned long a3), \
        (a0, a1, a2, a3)) \
    X(X509_check_ca, int, (X509 *a0), (a0)) \
    X(X509_free, void, (X509 *a0), (a0)) \
    X(X509_get0_notAfter, const ASN1_TIME *, (const X509 *a0), (a0)) \
    X(X509_get0_notBefore, const ASN1_TIME *, (const X509 *a0), (a0)) \
    X(X509_get0_serialNumber, const ASN1_INTEGER *, (const X509 *a0), (a0)) \
    X(X509_get_ext, X509_EXTENSION *, (const X509 *a0, int a1), (a0, a1)) \
    X(X509_get_ext_by_NID, int, (const X509 *a0, int a1, int a2), (a0, a1, a2)) \
    X(X509_get_ext_count, int, (const X509 *a0), (a0)) \
    X(X509_get_extension_flags, uint32_t, (X509 *a0), (a0)) \
    X(X509_get_issuer_name, X509_NAME *, (const X509 *a0), (a0)) \
    X(X509_get_key_usage, uint32_t, (X509 *a0), (a0)) \
    X(X509_get_subject_name, X509_NAME *, (const X509 *a0), (a0)) \
    X(d2i_ASN1_SEQUENCE_ANY, ASN1_SEQUENCE_ANY *, \
        (ASN1_SEQUENCE_ANY **a0, const unsigned char **a1, long a2), \
        (a0, a1, a2)) \
    X(d2i_ASN1_TYPE, ASN1_TYPE *, \
        (ASN1_TYPE **a0, const unsigned char **a1, long a2), \
        (a0, a1, a2)) \
    X(d2i_X509, X509 *, (X509 **a0, const unsigned char **a1, long a2), (a0, a1, a2)) \
    X(d2i_X509_ATTRIBUTE, X509_ATTRIBUTE *, \
        (X509_ATTRIBUTE **a0, const unsigned char **a1, long a2), \
        (a0, a1, a2))
// clang-format on
