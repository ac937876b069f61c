import CouponCore
import CouponSandbox

/// What a benchmark needs to talk to a sandbox: where it is, who signs, and which key verifies.
///
/// The sandbox may run in this process (`init(server:)`) or in another one, described by the
/// `WECHATPAY_*` variables its `sandbox.env` exports (`init(environment:)`).
struct SandboxConnection: Sendable {
    var baseURL: String
    var mchid: String
    var serialNumber: String
    var publicKeyID: String
    var appid: String
    var merchantKey: RSAPrivateKey
    var wechatPayKey: RSAPublicKey

    /// The settings of a sandbox running in this process.
    init(server: SandboxServer) {
        baseURL = server.baseURL
        mchid = server.merchant.mchid
        serialNumber = server.merchant.serialNumber
        publicKeyID = server.merchant.publicKeyID
        appid = server.merchant.appids.first ?? ""
        merchantKey = server.merchantPrivateKey
        wechatPayKey = server.wechatPayPublicKey
    }

    /// The names of the variables `init(environment:)` reads, as `sandbox.env` exports them.
    static let variableNames = [
        "WECHATPAY_API_BASE", "WECHATPAY_MCHID", "WECHATPAY_SERIAL_NO", "WECHATPAY_PRIVATE_KEY",
        "WECHATPAY_PUBLIC_KEY", "WECHATPAY_PUBLIC_KEY_ID", "WECHATPAY_APPID",
    ]

    /// The settings of a sandbox in another process, from its `WECHATPAY_*` variables.
    ///
    /// Returns `nil` when `WECHATPAY_API_BASE` is not set, so the caller can start its own sandbox.
    init?(environment: [String: String]) throws(BenchError) {
        guard let baseURL = environment["WECHATPAY_API_BASE"], !baseURL.isEmpty else { return nil }
        var values: [String: String] = [:]
        for name in Self.variableNames {
            guard let value = environment[name], !value.isEmpty else {
                throw .missingSetting(name)
            }
            values[name] = value
        }
        let keyPath = values["WECHATPAY_PRIVATE_KEY", default: ""]
        let publicKeyPath = values["WECHATPAY_PUBLIC_KEY", default: ""]
        do {
            merchantKey = try RSAPrivateKey(contentsOfFile: keyPath)
        } catch {
            throw .unreadableKey(path: keyPath, reason: error.description)
        }
        do {
            wechatPayKey = try RSAPublicKey(contentsOfFile: publicKeyPath)
        } catch {
            throw .unreadableKey(path: publicKeyPath, reason: error.description)
        }
        self.baseURL = baseURL
        mchid = values["WECHATPAY_MCHID", default: ""]
        serialNumber = values["WECHATPAY_SERIAL_NO", default: ""]
        publicKeyID = values["WECHATPAY_PUBLIC_KEY_ID", default: ""]
        appid = values["WECHATPAY_APPID", default: ""]
    }

    var credentials: MerchantCredentials {
        MerchantCredentials(mchid: mchid, serialNumber: serialNumber, privateKey: merchantKey)
    }

    var verificationKeys: WechatPayVerificationKeys {
        WechatPayVerificationKeys(publicKeyID: publicKeyID, publicKey: wechatPayKey)
    }

    /// The configuration of the real client, pointed at the sandbox.
    var clientConfiguration: CouponClientConfiguration {
        CouponClientConfiguration(credentials: credentials, verificationKeys: verificationKeys, baseURL: baseURL)
    }

    /// The "issued by" query the lookup figures use: one page of `openid`'s coupons.
    func query(openid: String, page: Int = 0, limit: Int) -> CouponQuery {
        CouponQuery(openid: openid, appid: appid, creatorMchid: mchid, offset: page, limit: limit)
    }

    /// Sends one signed request for `query` and returns the answer exactly as it came, headers included.
    ///
    /// The client hands back only the decoded page; verifying needs the signed headers too.
    func rawAnswer(to query: CouponQuery) async throws(BenchError) -> HTTPResponse {
        let target: String
        do {
            target = try query.requestTarget(callerMchid: mchid)
        } catch {
            throw .failed("the query is not valid: \(error)")
        }
        let signer = RequestSigner(credentials: credentials, clock: SystemWallClock(), nonceSource: SecureNonceSource())
        let signed: SignedRequest
        do {
            signed = try signer.sign(method: "GET", target: target)
        } catch {
            throw .failed("cannot sign: \(error)")
        }
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: signed.authorization)
        headers.add(name: "Accept", value: "application/json")
        headers.add(name: "User-Agent", value: CouponClientConfiguration.defaultUserAgent)
        headers.add(name: "Wechatpay-Serial", value: publicKeyID)
        let request = HTTPRequest(method: "GET", url: baseURL + target, headers: headers, timeout: .seconds(10))
        let response: HTTPResponse
        do {
            response = try await URLSessionTransport().send(request)
        } catch {
            throw .failed("GET \(target) failed: \(error)")
        }
        guard response.statusCode == 200 else {
            throw .failed("GET \(target) answered HTTP \(response.statusCode)")
        }
        return response
    }
}
