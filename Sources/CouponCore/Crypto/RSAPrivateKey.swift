import COpenSSL

/// An RSA private key held by OpenSSL, used to sign requests with RSASSA-PKCS1-v1_5 and SHA-256.
///
/// The key never leaves OpenSSL except through `pkcs8PEM()`, which only the sandbox calls to hand
/// its throwaway keys to a client; nothing here prints or describes the key material.
public final class RSAPrivateKey: @unchecked Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    // EVP_PKEY is immutable once loaded; OpenSSL 3 allows concurrent signing with separate contexts.
    let key: OpaquePointer

    private init(key: OpaquePointer) {
        self.key = key
    }

    deinit {
        EVP_PKEY_free(key)
    }

    /// Loads a PEM private key, PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1 (`BEGIN RSA PRIVATE KEY`).
    public convenience init(pem: [UInt8]) throws(CryptoError) {
        // The bytes are searched in place: a String copy of the key would outlive the caller's wipe.
        if OpenSSLSupport.contains("ENCRYPTED", in: pem) {
            throw .encryptedPrivateKey
        }
        guard OpenSSLSupport.contains("PRIVATE KEY-----", in: pem) else {
            throw .notPEM(expected: "PRIVATE KEY")
        }
        let loaded = try OpenSSLSupport.withReadBIO(pem) { bio throws(CryptoError) -> OpaquePointer in
            // A callback that supplies no passphrase keeps OpenSSL from prompting on the terminal.
            guard let key = PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in 0 }, nil) else {
                throw .openSSL(operation: "read the private key", reason: OpenSSLSupport.drainErrors())
            }
            return key
        }
        try Self.checkRSA(loaded)
        self.init(key: loaded)
    }

    /// Loads a PEM private key from a file.
    public convenience init(contentsOfFile path: String) throws(CryptoError) {
        var bytes = try OpenSSLSupport.readFile(path)
        defer {
            for index in bytes.indices { bytes[index] = 0 }
        }
        try self.init(pem: bytes)
    }

    /// Makes a fresh RSA key pair, for the sandbox and for tests.
    public static func generate(bits: Int32 = 2048) throws(CryptoError) -> RSAPrivateKey {
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nil) else {
            throw .openSSL(operation: "start key generation", reason: OpenSSLSupport.drainErrors())
        }
        defer { EVP_PKEY_CTX_free(context) }
        var generated: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1,
            coupondesk_set_rsa_keygen_bits(context, bits) == 1,
            EVP_PKEY_keygen(context, &generated) == 1,
            let generated
        else {
            throw .openSSL(operation: "generate an RSA key", reason: OpenSSLSupport.drainErrors())
        }
        return RSAPrivateKey(key: generated)
    }

    /// Signs `message` with RSASSA-PKCS1-v1_5 over SHA-256, as WeChat Pay APIv3 requires.
    public func sign(_ message: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else {
            throw .openSSL(operation: "start signing", reason: OpenSSLSupport.drainErrors())
        }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, key) == 1 else {
            throw .openSSL(operation: "start signing", reason: OpenSSLSupport.drainErrors())
        }
        var length = 0
        let sized = message.withUnsafeBufferPointer { buffer in
            EVP_DigestSign(context, nil, &length, buffer.baseAddress, buffer.count)
        }
        guard sized == 1 else {
            throw .openSSL(operation: "sign", reason: OpenSSLSupport.drainErrors())
        }
        var signature = [UInt8](repeating: 0, count: length)
        let signed = message.withUnsafeBufferPointer { buffer in
            EVP_DigestSign(context, &signature, &length, buffer.baseAddress, buffer.count)
        }
        guard signed == 1 else {
            throw .openSSL(operation: "sign", reason: OpenSSLSupport.drainErrors())
        }
        return Array(signature.prefix(length))
    }

    /// Signs the UTF-8 bytes of `message`.
    public func sign(_ message: String) throws(CryptoError) -> [UInt8] {
        try sign(Array(message.utf8))
    }

    /// The public half of the key.
    public var publicKey: RSAPublicKey {
        // Up-referencing shares the key; RSAPublicKey only ever uses the public operations.
        EVP_PKEY_up_ref(key)
        return RSAPublicKey(key: key)
    }

    /// The key size in bits.
    public var bits: Int { Int(EVP_PKEY_get_bits(key)) }

    /// The private key as unencrypted PKCS#8 PEM, for writing the sandbox's throwaway keys to a 0600 file.
    public func pkcs8PEM() throws(CryptoError) -> [UInt8] {
        try OpenSSLSupport.collect("write the private key") { bio in
            PEM_write_bio_PrivateKey(bio, key, nil, nil, 0, nil, nil)
        }
    }

    /// Never the key: only its size and the fingerprint of its public half.
    public var description: String {
        "RSAPrivateKey(\(bits) bits, public key \(publicKey.fingerprint))"
    }

    /// The same as `description`, so `String(reflecting:)` and debuggers show no more.
    public var debugDescription: String { description }

    /// Only the size and the public fingerprint, so `dump` and mirrors never reach the key handle.
    public var customMirror: Mirror {
        Mirror(self, children: ["bits": bits, "publicKeyFingerprint": publicKey.fingerprint], displayStyle: .class)
    }

    static func checkRSA(_ key: OpaquePointer) throws(CryptoError) {
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA else {
            EVP_PKEY_free(key)
            throw .notRSA
        }
        let bits = Int(EVP_PKEY_get_bits(key))
        guard bits >= 2048 else {
            EVP_PKEY_free(key)
            throw .keyTooShort(bits: bits)
        }
    }
}
