import CouponCore

/// A wall clock stopped at `seconds`, for signing requests at a known time.
struct FixedWallClock: WallClock {
    var seconds: Int64

    func secondsSince1970() -> Int64 { seconds }
}

/// A nonce source that always gives `value`.
struct FixedNonceSource: NonceSource {
    var value: String

    func nonce() -> String { value }
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
