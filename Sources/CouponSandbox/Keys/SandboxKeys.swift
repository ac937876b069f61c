import CouponCore
import Dispatch
import Synchronization

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
    ///
    /// The three keys are made side by side: finding RSA primes is most of the demo's start-up time.
    public static func generate() throws(SandboxError) -> SandboxKeys {
        let results = Mutex<[Result<RSAPrivateKey, CryptoError>?]>([nil, nil, nil])
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            let result = Result { () throws(CryptoError) -> RSAPrivateKey in try RSAPrivateKey.generate() }
            results.withLock { $0[index] = result }
        }
        let keys = results.withLock { $0 }
        do throws(CryptoError) {
            guard let merchant = keys[0], let wechatPay = keys[1], let stranger = keys[2] else {
                throw .openSSL(operation: "generate an RSA key", reason: "no key was produced")
            }
            return SandboxKeys(
                merchantPrivateKey: try merchant.get(),
                wechatPayPrivateKey: try wechatPay.get(),
                strangerPrivateKey: try stranger.get()
            )
        } catch {
            throw .keyGeneration(error.description)
        }
    }
}
