import CouponCore

@testable import CouponSandbox

/// The real `CouponClient`, pointed at a sandbox, with retries fast enough for tests.
enum ClientSupport {
    /// Retries as the product makes them, only with millisecond waits.
    static let fastRetries = RetryPolicy(
        maximumRetries: 3,
        totalBudget: .seconds(10),
        baseDelay: .milliseconds(1),
        maximumDelay: .milliseconds(5)
    )

    /// A client for `server`, signing with the sandbox's merchant key and verifying with its WeChat Pay key.
    static func client(
        for server: SandboxServer,
        retryPolicy: RetryPolicy = fastRetries,
        requestTimeout: Duration = .seconds(5),
        transport: any HTTPTransport = URLSessionTransport(),
        adjust: (inout CouponClientConfiguration) -> Void = { _ in }
    ) -> CouponClient {
        var configuration = server.clientConfiguration
        configuration.retryPolicy = retryPolicy
        configuration.requestTimeout = requestTimeout
        adjust(&configuration)
        return CouponClient(configuration: configuration, transport: transport, log: nil)
    }

    /// A sandbox on the real clock, as a client that reads the real clock needs, with the shared keys.
    static func configuration(_ adjust: (inout SandboxConfiguration) -> Void = { _ in }) -> SandboxConfiguration {
        var configuration = SandboxConfiguration()
        configuration.keys = TestSupport.keys
        adjust(&configuration)
        return configuration
    }

    static func withSandbox<T>(
        _ adjust: (inout SandboxConfiguration) -> Void = { _ in },
        _ body: (SandboxServer) async throws -> T
    ) async throws -> T {
        let server = try SandboxServer.start(configuration(adjust))
        defer { server.stop() }
        return try await body(server)
    }

    /// An "issued by" query of the merchant's own batches.
    static func query(_ openid: String, appid: String = TestSupport.officialAccountAppid) -> CouponQuery {
        CouponQuery(openid: openid, appid: appid)
    }

    /// The error a fetch ended with, or `nil` when it succeeded.
    static func error(
        of client: CouponClient,
        _ query: CouponQuery
    ) async -> CouponClientError? {
        do {
            _ = try await client.fetch(query)
            return nil
        } catch {
            return error
        }
    }
}

/// A transport that changes the request after it was signed, as a proxy that rewrites URLs would.
struct TamperingTransport: HTTPTransport {
    var inner: any HTTPTransport = URLSessionTransport()
    var tamper: @Sendable (inout CouponCore.HTTPRequest) -> Void

    func send(_ request: CouponCore.HTTPRequest) async throws(TransportError) -> CouponCore.HTTPResponse {
        var changed = request
        tamper(&changed)
        return try await inner.send(changed)
    }
}
