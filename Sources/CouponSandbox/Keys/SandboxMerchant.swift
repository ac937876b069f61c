import CouponCore

/// Who the sandbox believes the caller is, and the ids a client needs to talk to it.
public struct SandboxMerchant: Sendable, Hashable {
    /// The merchant's mchid (商户号).
    public var mchid: String
    /// A display name.
    public var name: String
    /// The appids bound to the mchid; the first is the default.
    public var appids: [String]
    /// The mchids where the merchant's coupons are usable.
    public var availableMchids: [String]
    /// The serial number of the merchant API certificate, which requests name in `serial_no`.
    public var serialNumber: String
    /// The id of WeChat Pay's public key (`PUB_KEY_ID_…`), which answers name in `Wechatpay-Serial`.
    public var publicKeyID: String

    public init(
        mchid: String,
        name: String,
        appids: [String],
        availableMchids: [String],
        serialNumber: String,
        publicKeyID: String
    ) {
        self.mchid = mchid
        self.name = name
        self.appids = appids
        self.availableMchids = availableMchids
        self.serialNumber = serialNumber
        self.publicKeyID = publicKeyID
    }

    /// The merchant of `profile` with ids derived from the keys, so the same keys always give the same ids.
    init(profile: SandboxMerchantProfile, keys: SandboxKeys) {
        let merchantPrint = Self.hexDigits(of: keys.merchantPrivateKey.publicKey)
        let wechatPayPrint = Self.hexDigits(of: keys.wechatPayPrivateKey.publicKey)
        self.init(
            mchid: profile.mchid,
            name: profile.name,
            appids: profile.appids,
            availableMchids: profile.availableMchids,
            // A certificate serial as WeChat Pay writes it: 40 upper-case hex digits.
            serialNumber: String(merchantPrint.prefix(40)).uppercased(),
            publicKeyID: Self.publicKeyID(mchid: profile.mchid, hexDigits: wechatPayPrint)
        )
    }

    /// The `PUB_KEY_ID_…` of a key that no client is given, for the unknown-serial fault.
    static func strangerKeyID(mchid: String, keys: SandboxKeys) -> String {
        publicKeyID(mchid: mchid, hexDigits: hexDigits(of: keys.strangerPrivateKey.publicKey))
    }

    /// `PUB_KEY_ID_` and 34 digits, the shape of a real WeChat Pay public key id: the mchid, then key-derived digits.
    private static func publicKeyID(mchid: String, hexDigits: String) -> String {
        let padded = String(repeating: "0", count: max(0, 16 - mchid.count)) + mchid.suffix(16)
        let digits = hexDigits.unicodeScalars.map { String(($0.value % 10)) }.joined()
        return "PUB_KEY_ID_" + padded + String(digits.prefix(18))
    }

    private static func hexDigits(of key: RSAPublicKey) -> String {
        String(key.fingerprint.dropFirst("SHA256:".count))
    }
}
