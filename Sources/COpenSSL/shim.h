// The slice of OpenSSL libcrypto that CouponDesk uses: RSA keys, SHA-256 signatures, X.509 and Base64.
#ifndef COUPONDESK_COPENSSL_SHIM_H
#define COUPONDESK_COPENSSL_SHIM_H

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>
#include <openssl/x509.h>

// BIO_get_mem_data is a macro; Swift cannot call it directly.
static inline long coupondesk_bio_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

// EVP_PKEY_CTX_set_rsa_keygen_bits is a function in OpenSSL 3 but a macro in 1.1; wrap it for both.
static inline int coupondesk_set_rsa_keygen_bits(EVP_PKEY_CTX *ctx, int bits) {
    return EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits);
}

#endif
