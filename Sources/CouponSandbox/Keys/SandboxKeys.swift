import CouponCore

/// The two throwaway key pairs a sandbox runs with: the merchant's and WeChat Pay's.
///
/// They are generated in memory at start and exist only for the life of the process, unless a
/// caller writes the client's half to a private directory with `SandboxServer.writeClientFiles(to:)`.
public struct SandboxKeys: Sendable {
    /// The merchant API key (`apiclient_key.pem`): the client signs requests with it.
    public var merchantPrivateKey: RSAPrivateKey
    /// WeChat Pay's key: the sandbox signs answers with it; clients get only its public half.
    public var wechatPayPrivateKey: RSAPrivateKey
    /// A third key, whose public half no client is given, for the unknown-serial fault.
    public var strangerPrivateKey: RSAPrivateKey

    public init(
        merchantPrivateKey: RSAPrivateKey,
        wechatPayPrivateKey: RSAPrivateKey,
        strangerPrivateKey: RSAPrivateKey
    ) {
        self.merchantPrivateKey = merchantPrivateKey
        self.wechatPayPrivateKey = wechatPayPrivateKey
        self.strangerPrivateKey = strangerPrivateKey
    }

    /// Generates fresh RSA-2048 key pairs with OpenSSL.
    public static func generate() throws(SandboxError) -> SandboxKeys {
        do throws(CryptoError) {
            return SandboxKeys(
                merchantPrivateKey: try RSAPrivateKey.generate(),
                wechatPayPrivateKey: try RSAPrivateKey.generate(),
                strangerPrivateKey: try RSAPrivateKey.generate()
            )
        } catch {
            throw .keyGeneration(error.description)
        }
    }
}
