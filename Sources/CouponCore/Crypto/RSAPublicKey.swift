import COpenSSL

/// An RSA public key held by OpenSSL, used to verify RSASSA-PKCS1-v1_5 SHA-256 signatures.
public final class RSAPublicKey: @unchecked Sendable, CustomStringConvertible {
    // Only public operations are ever made with this key, each with its own context.
    let key: OpaquePointer

    init(key: OpaquePointer) {
        self.key = key
    }

    deinit {
        EVP_PKEY_free(key)
    }

    /// Loads a PEM public key (`BEGIN PUBLIC KEY`, the form of WeChat Pay's `pub_key.pem`).
    ///
    /// A PEM certificate is accepted too, and its public key is used.
    public convenience init(pem: [UInt8]) throws(CryptoError) {
        if OpenSSLSupport.contains("BEGIN CERTIFICATE", in: pem) {
            let certificate = try X509Certificate(pem: pem)
            // An owned reference: it stays valid however soon the certificate is freed.
            guard let key = certificate.copyPublicKey() else {
                throw .openSSL(operation: "read the certificate's public key", reason: OpenSSLSupport.drainErrors())
            }
            try RSAPrivateKey.checkRSA(key)
            self.init(key: key)
            return
        }
        guard OpenSSLSupport.contains("BEGIN PUBLIC KEY", in: pem) else {
            throw .notPEM(expected: "PUBLIC KEY")
        }
        let loaded = try OpenSSLSupport.withReadBIO(pem) { bio throws(CryptoError) -> OpaquePointer in
            guard let key = PEM_read_bio_PUBKEY(bio, nil, nil, nil) else {
                throw .openSSL(operation: "read the public key", reason: OpenSSLSupport.drainErrors())
            }
            return key
        }
        try RSAPrivateKey.checkRSA(loaded)
        self.init(key: loaded)
    }

    /// Loads a PEM public key or certificate from a file.
    public convenience init(contentsOfFile path: String) throws(CryptoError) {
        try self.init(pem: try OpenSSLSupport.readFile(path))
    }

    /// Whether `signature` is a valid RSASSA-PKCS1-v1_5 SHA-256 signature of `message` by this key.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, key) == 1 else {
            _ = OpenSSLSupport.drainErrors()
            return false
        }
        let result = signature.withUnsafeBufferPointer { signatureBuffer in
            message.withUnsafeBufferPointer { messageBuffer in
                EVP_DigestVerify(
                    context,
                    signatureBuffer.baseAddress,
                    signatureBuffer.count,
                    messageBuffer.baseAddress,
                    messageBuffer.count
                )
            }
        }
        // A failed check leaves reasons on OpenSSL's queue; clear them so they do not leak into later errors.
        if result != 1 { _ = OpenSSLSupport.drainErrors() }
        return result == 1
    }

    /// The key as SubjectPublicKeyInfo PEM (`BEGIN PUBLIC KEY`).
    public func pem() throws(CryptoError) -> [UInt8] {
        try OpenSSLSupport.collect("write the public key") { bio in
            PEM_write_bio_PUBKEY(bio, key)
        }
    }

    /// The DER encoding of the SubjectPublicKeyInfo.
    public var derBytes: [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>?
        let length = i2d_PUBKEY(key, &buffer)
        guard length > 0, let buffer else { return [] }
        defer { CRYPTO_free(buffer, #fileID, #line) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
    }

    /// `SHA256:` and the hex SHA-256 of the DER public key: safe to show, as ssh shows key fingerprints.
    public var fingerprint: String {
        "SHA256:" + OpenSSLSupport.hex(OpenSSLSupport.sha256(derBytes))
    }

    /// The key size in bits.
    public var bits: Int { Int(EVP_PKEY_get_bits(key)) }

    public var description: String {
        "RSAPublicKey(\(bits) bits, \(fingerprint))"
    }
}
