import CouponCore

/// RSA keys generated once per test run; nothing secret is stored in the repository.
enum TestKeys {
    private static let merchantResult = Result { () throws(CryptoError) -> RSAPrivateKey in try RSAPrivateKey.generate()
    }
    private static let wechatpayResult = Result { () throws(CryptoError) -> RSAPrivateKey in
        try RSAPrivateKey.generate()
    }

    /// A merchant key pair.
    static func merchant() throws -> RSAPrivateKey { try merchantResult.get() }
    /// A key pair standing in for WeChat Pay's.
    static func wechatpay() throws -> RSAPrivateKey { try wechatpayResult.get() }

    /// Writes a complete public-key-mode setup into `directory`: the private key at 0600 and WeChat Pay's public key.
    static func writeFiles(
        into directory: TemporaryDirectory,
        keyMode: Int = 0o600
    ) throws -> (privateKey: String, publicKey: String) {
        let privateKey = try directory.write(try merchant().pkcs8PEM(), to: "apiclient_key.pem", mode: keyMode)
        let publicKey = try directory.write(try wechatpay().publicKey.pem(), to: "pub_key.pem")
        return (privateKey, publicKey)
    }
}
