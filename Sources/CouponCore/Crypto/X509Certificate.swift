import COpenSSL

/// An X.509 certificate, as WeChat Pay platform certificates are issued.
public final class X509Certificate: @unchecked Sendable {
    // The certificate is never modified after it is read.
    private let certificate: OpaquePointer

    /// Reads a PEM certificate (`BEGIN CERTIFICATE`).
    public init(pem: [UInt8]) throws(CryptoError) {
        guard OpenSSLSupport.contains("BEGIN CERTIFICATE", in: pem) else {
            throw .notPEM(expected: "CERTIFICATE")
        }
        certificate = try OpenSSLSupport.withReadBIO(pem) { bio throws(CryptoError) -> OpaquePointer in
            guard let certificate = PEM_read_bio_X509(bio, nil, nil, nil) else {
                throw .openSSL(operation: "read the certificate", reason: OpenSSLSupport.drainErrors())
            }
            return certificate
        }
    }

    /// Reads a PEM certificate from a file.
    public convenience init(contentsOfFile path: String) throws(CryptoError) {
        try self.init(pem: try OpenSSLSupport.readFile(path))
    }

    deinit {
        X509_free(certificate)
    }

    /// The serial number in upper-case hex, the form WeChat Pay puts in `Wechatpay-Serial`.
    public var serialNumber: String {
        guard let serial = X509_get_serialNumber(certificate),
            let number = ASN1_INTEGER_to_BN(serial, nil)
        else { return "" }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { return "" }
        defer { CRYPTO_free(hex, #fileID, #line) }
        return String(cString: hex).uppercased()
    }

    /// The certificate's public key, or `nil` when OpenSSL cannot read it.
    public var publicKey: RSAPublicKey? {
        copyPublicKey().map(RSAPublicKey.init(key:))
    }

    /// A new reference to the certificate's key, which the caller owns and must free.
    func copyPublicKey() -> OpaquePointer? {
        X509_get_pubkey(certificate)
    }

    /// The end of the validity period, in seconds since 1970, or `nil` if it cannot be read.
    public var notAfterSecondsSince1970: Int64? {
        guard let notAfter = X509_get0_notAfter(certificate) else { return nil }
        var time = tm()
        guard ASN1_TIME_to_tm(notAfter, &time) == 1 else { return nil }
        let days = APITimestamp.daysSince1970(
            year: Int(time.tm_year) + 1900,
            month: Int(time.tm_mon) + 1,
            day: Int(time.tm_mday)
        )
        return days * 86_400 + Int64(time.tm_hour) * 3600 + Int64(time.tm_min) * 60 + Int64(time.tm_sec)
    }
}
