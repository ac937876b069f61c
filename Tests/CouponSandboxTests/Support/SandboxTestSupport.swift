import CouponCore
import Foundation

@testable import CouponSandbox

/// Keys, clocks and signed requests shared by the sandbox tests.
enum TestSupport {
    /// One set of throwaway keys for the whole test run: generating RSA keys per test would be slow.
    static let keys: SandboxKeys = {
        do {
            return try SandboxKeys.generate()
        } catch {
            fatalError("cannot generate test keys: \(error)")
        }
    }()

    /// 2026-11-30T10:00:00+08:00, the demo data set's reference day.
    static let referenceTime: Int64 = 1_796_004_000

    static let regularUser = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"
    static let pagingUser = "oUpF8uN3kLqW7xYz2bC4dE6fG8hI"
    static let emptyUser = "oUpF8uPq0rS1tU2vW3xY4zA5bC6d"
    static let mixedUser = "oUpF8uK7mN2pQ9rS4tV6wX1yZ3aB"
    static let longTextUser = "o3xQd5Hk9Lm2Np4Qr6St8Uv0Wx1Y"
    static let officialAccountAppid = "wx3d1a5b7c9e2f4a6b"
    static let miniProgramAppid = "wx7f4c2e9a1b3d5c8e"
    static let mchid = "1900008361"

    /// A configuration with the shared keys: by default on a fixed clock at `referenceTime` with the demo dates as
    /// written, or on the real clock with the dates moved to today, as the demo runs.
    static func configuration(
        onRealClock: Bool = false,
        _ adjust: (inout SandboxConfiguration) -> Void = { _ in }
    ) -> SandboxConfiguration {
        var configuration = SandboxConfiguration()
        configuration.keys = keys
        if !onRealClock {
            configuration.clock = { referenceTime }
            configuration.shiftsDemoDates = false
        }
        adjust(&configuration)
        return configuration
    }

    /// Starts a sandbox, runs `body`, and stops the sandbox whatever happens.
    static func withSandbox<T>(
        onRealClock: Bool = false,
        _ adjust: (inout SandboxConfiguration) -> Void = { _ in },
        _ body: (SandboxServer) async throws -> T
    ) async throws -> T {
        let server = try SandboxServer.start(configuration(onRealClock: onRealClock, adjust))
        defer { server.stop() }
        return try await body(server)
    }

    /// The coupon-list target for `openid`, with `query` as given.
    static func target(_ openid: String, _ query: String) -> String {
        "/v3/marketing/favor/users/\(openid)/coupons?\(query)"
    }

    /// The coupon-list target for the regular user.
    static func target(_ query: String) -> String {
        target(regularUser, query)
    }

    /// The usual query of an "issued by" lookup of the merchant's own batches.
    static func issuedBy(_ appid: String = officialAccountAppid, extra: String = "") -> String {
        "appid=\(appid)&creator_mchid=\(mchid)" + (extra.isEmpty ? "" : "&" + extra)
    }

    /// An Authorization header value signed with the merchant key over exactly `target`.
    static func authorization(
        for server: SandboxServer,
        method: String = "GET",
        target: String,
        timestamp: Int64 = referenceTime,
        nonce: String = UUID().uuidString.replacingOccurrences(of: "-", with: ""),
        body: String = "",
        key: RSAPrivateKey? = nil,
        mchid: String? = nil,
        serial: String? = nil
    ) throws -> String {
        let credentials = MerchantCredentials(
            mchid: mchid ?? server.merchant.mchid,
            serialNumber: serial ?? server.merchant.serialNumber,
            privateKey: key ?? server.merchantPrivateKey
        )
        let signer = RequestSigner(
            credentials: credentials,
            clock: FixedWallClock(seconds: timestamp),
            nonceSource: FixedNonceSource(value: nonce)
        )
        return try signer.sign(method: method, target: target, body: body).authorization
    }

    /// Whether `id` has the shape the sandbox gives `Request-ID`: 40 upper-case hex digits and `-0`.
    static func isRequestID(_ id: String?) -> Bool {
        guard let id, id.count == 42, id.hasSuffix("-0") else { return false }
        return id.dropLast(2).allSatisfy { $0.isHexDigit && !$0.isLowercase }
    }

    /// A whole GET request as bytes on the wire.
    static func request(
        _ target: String,
        authorization: String?,
        accept: String? = "application/json",
        userAgent: String? = "CouponSandboxTests/1.0",
        extraHeaders: [String] = []
    ) -> String {
        var text = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        if let authorization { text += "Authorization: \(authorization)\r\n" }
        if let accept { text += "Accept: \(accept)\r\n" }
        if let userAgent { text += "User-Agent: \(userAgent)\r\n" }
        for header in extraHeaders { text += header + "\r\n" }
        return text + "\r\n"
    }

    /// Sends one signed GET on a fresh connection and reads the answer.
    static func get(
        _ server: SandboxServer,
        _ target: String,
        timestamp: Int64 = referenceTime
    ) throws
        -> RawHTTPClient.Response
    {
        let client = try RawHTTPClient(port: server.port)
        client.send(
            request(target, authorization: try authorization(for: server, target: target, timestamp: timestamp))
        )
        return try client.readResponse()
    }

    /// Parses an answer body as JSON.
    static func json(_ response: RawHTTPClient.Response) throws -> JSONValue {
        try JSONParser.parse(response.body)
    }

    /// Whether the answer's signature verifies with the sandbox's WeChat Pay public key.
    static func isSignatureValid(_ response: RawHTTPClient.Response, server: SandboxServer) -> Bool {
        guard let timestamp = response.header("Wechatpay-Timestamp"), let nonce = response.header("Wechatpay-Nonce"),
            let signatureText = response.header("Wechatpay-Signature"),
            let signature = Data(base64Encoded: signatureText)
        else { return false }
        let message = SignatureMessage.response(timestamp: timestamp, nonce: nonce, body: response.body)
        return server.wechatPayPublicKey.isValidSignature(Array(signature), for: message)
    }

    /// The `coupon_id`s of an answer's `data`, in order.
    static func couponIDs(_ json: JSONValue) -> [String] {
        (json["data"]?.arrayValue ?? []).compactMap { $0["coupon_id"]?.stringValue }
    }
}
