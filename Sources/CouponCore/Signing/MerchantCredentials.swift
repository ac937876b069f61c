/// What a merchant signs requests with: its mchid, the merchant API certificate's serial, and the private key.
public struct MerchantCredentials: Sendable {
    /// The merchant number (商户号), which becomes `mchid` in the `Authorization` header.
    public var mchid: String
    /// The serial number of the merchant API certificate (商户API证书序列号), which becomes `serial_no`.
    public var serialNumber: String
    /// The key of that certificate (`apiclient_key.pem`).
    public var privateKey: RSAPrivateKey

    public init(mchid: String, serialNumber: String, privateKey: RSAPrivateKey) {
        self.mchid = mchid
        self.serialNumber = serialNumber
        self.privateKey = privateKey
    }

    /// What is wrong with the mchid or serial, or `nil` when both can go into an `Authorization` header.
    public var problem: String? {
        if mchid.isEmpty || mchid.count > 20 || !mchid.unicodeScalars.allSatisfy({ $0 >= "0" && $0 <= "9" }) {
            return "the merchant id \"\(VisibleText.escape(mchid, limit: 32))\" is not 1 to 20 digits; "
                + "set mchid to the 商户号 shown in the merchant platform"
        }
        let isHex = serialNumber.unicodeScalars.allSatisfy { scalar in
            (scalar >= "0" && scalar <= "9") || (scalar >= "A" && scalar <= "F") || (scalar >= "a" && scalar <= "f")
        }
        if serialNumber.isEmpty || serialNumber.count > 64 || !isHex {
            return "the merchant certificate serial \"\(VisibleText.escape(serialNumber, limit: 64))\" is not a hex "
                + "number; copy it from the merchant platform (API安全 → 商户API证书) or run "
                + "'openssl x509 -in apiclient_cert.pem -noout -serial'"
        }
        return nil
    }
}
