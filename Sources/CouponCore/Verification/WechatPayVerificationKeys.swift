/// The WeChat Pay keys answers are verified with: the public key (`PUB_KEY_ID_…`), platform certificates, or both.
///
/// A merchant moving from certificates to the public key configures both for a while; the
/// answer's `Wechatpay-Serial` picks the key.
public struct WechatPayVerificationKeys: Sendable {
    /// The WeChat Pay public key id (`PUB_KEY_ID_…`), in public-key mode.
    public var publicKeyID: String?
    /// The WeChat Pay public key (`pub_key.pem`), in public-key mode.
    public var publicKey: RSAPublicKey?
    /// Platform certificates (平台证书), in certificate mode.
    public var certificates: [X509Certificate]

    public init(publicKeyID: String? = nil, publicKey: RSAPublicKey? = nil, certificates: [X509Certificate] = []) {
        self.publicKeyID = publicKeyID
        self.publicKey = publicKey
        self.certificates = certificates
    }

    /// Whether public-key mode is configured: an id together with its key.
    public var hasPublicKey: Bool {
        publicKey != nil && !(publicKeyID ?? "").isEmpty
    }

    /// The serials an answer may be signed under: the public key id first, then each certificate's serial.
    public var configuredSerials: [String] {
        var serials: [String] = []
        if hasPublicKey, let publicKeyID { serials.append(publicKeyID) }
        serials.append(contentsOf: certificates.map(\.serialNumber).filter { !$0.isEmpty })
        return serials
    }

    /// The serial to send as the request's `Wechatpay-Serial`, which tells WeChat Pay which key to answer with.
    ///
    /// The public key id when there is one; otherwise the certificate that stays valid longest.
    public var preferredSerial: String? {
        if hasPublicKey, let publicKeyID { return publicKeyID }
        let newest = certificates.max { ($0.notAfterSecondsSince1970 ?? 0) < ($1.notAfterSecondsSince1970 ?? 0) }
        return newest.map(\.serialNumber).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The key for the `Wechatpay-Serial` of an answer, or `nil` when none is configured.
    ///
    /// The public key id must match exactly; certificate serials are hex numbers, so case and
    /// leading zeros do not matter.
    public func key(forSerial serial: String) -> RSAPublicKey? {
        if hasPublicKey, serial == publicKeyID {
            return publicKey
        }
        let wanted = Self.normalizedHex(serial)
        guard !wanted.isEmpty else { return nil }
        for certificate in certificates where Self.normalizedHex(certificate.serialNumber) == wanted {
            return certificate.publicKey
        }
        return nil
    }

    private static func normalizedHex(_ serial: String) -> String {
        let isHex = !serial.isEmpty && serial.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit }
        guard isHex else { return "" }
        let trimmed = serial.uppercased().drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}
