import CouponCore

@testable import CouponSandbox

/// The real `CouponClient`, pointed at a sandbox, with retries fast enough for tests.
enum ClientSupport {
    /// Retries as the product makes them, only with millisecond waits.
    ///
    /// The budget is generous on purpose: it is wall-clock time, and when the whole suite runs on two cores a
    /// finished request can wait seconds for a thread to resume on, which must not count as the server failing.
    static let fastRetries = RetryPolicy(
        maximumRetries: 3,
        totalBudget: .seconds(120),
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

    /// Runs `body` with a sandbox on the real clock, which a client signing with the real clock needs.
    static func withSandbox<T>(
        _ adjust: (inout SandboxConfiguration) -> Void = { _ in },
        _ body: (SandboxServer) async throws -> T
    ) async throws -> T {
        try await TestSupport.withSandbox(onRealClock: true, adjust, body)
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
