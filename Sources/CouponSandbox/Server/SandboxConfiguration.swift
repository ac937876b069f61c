#if canImport(Glibc)
import Glibc
#endif

/// How a sandbox listens, keeps time, logs and misbehaves.
///
/// The defaults give the demo: loopback on a free port, the real clock, the bundled data set with
/// its dates moved to today, and fresh throwaway keys.
public struct SandboxConfiguration: Sendable {
    /// The address to listen on: `127.0.0.1` (or any 127.x address), `::1`, or `localhost`; nothing else.
    public var host = "127.0.0.1"
    /// The port, or 0 for any free port (the server's `port` tells which it got).
    public var port: UInt16 = 0
    /// The current time in seconds since 1970: for request windows, answer timestamps and moving demo dates.
    public var clock: @Sendable () -> Int64 = { Int64(time(nil)) }
    /// Called once per request, on the server's queue, as its answer goes out; never given a key or signature.
    ///
    /// It should return quickly: the server waits for it.
    public var requestLog: (@Sendable (SandboxRequestLogLine) -> Void)?

    /// The data set to serve; `nil` serves the bundled demo data set.
    public var dataSet: SandboxDataSet?
    /// Whether coupon times move by whole days so the data set's reference date is today on `clock`.
    ///
    /// Turn it off, with a fixed `clock`, for answers that are the same on every run.
    public var shiftsDemoDates = true
    /// The key pairs to use; `nil` generates fresh ones at start.
    public var keys: SandboxKeys?

    /// How long the slow fault user's answers are held back.
    public var slowDelay: Duration = .seconds(3)
    /// How many calls to the same request target the rate-limited fault user gets `429` for before success.
    public var rateLimitedCalls = 2
    /// How many calls to the same request target the server-error fault user gets `500` for before success.
    public var serverErrorCalls = 1
    /// How far in the past the stale-timestamp fault user's answers are stamped, in seconds.
    public var staleTimestampSeconds: Int64 = 900

    /// How far a request's timestamp may be from `clock`, in seconds (WeChat Pay allows five minutes).
    public var timestampWindowSeconds: Int64 = 300
    /// The most bytes a request line and headers may take.
    public var maximumHeaderBytes = 16 * 1024
    /// The most bytes a request body may have.
    public var maximumBodyBytes = 64 * 1024
    /// The most connections open at once; further ones are closed as soon as they are accepted.
    public var maximumConnections = 64
    /// How long a kept-alive connection may sit idle before the server closes it.
    public var idleTimeout: Duration = .seconds(30)
    /// How long a started request may take to arrive in full.
    public var requestTimeout: Duration = .seconds(10)

    public init() {}
}
