import CouponCore
import Synchronization

/// A wall clock that says what it is told.
struct FixedClock: WallClock {
    var seconds: Int64

    init(_ seconds: Int64 = TestFixtures.now) {
        self.seconds = seconds
    }

    func secondsSince1970() -> Int64 { seconds }
}

/// A nonce source that always gives the same nonce.
struct FixedNonce: NonceSource {
    var value: String

    init(_ value: String = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS") {
        self.value = value
    }

    func nonce() -> String { value }
}

/// A monotonic clock whose sleeps only move its hands, and which remembers each sleep.
final class FakeSleeper: Sleeper {
    private let state = Mutex<(now: Duration, sleeps: [Duration])>((.zero, []))
    private let blocks: Bool
    private let started: AsyncStream<Duration>.Continuation?
    /// Yields the length of each sleep as it starts, for tests that act while the client waits.
    let sleepsStarted: AsyncStream<Duration>

    /// A sleeper that returns at once, or, when `blocks`, one that waits until its task is cancelled.
    init(blocks: Bool = false) {
        self.blocks = blocks
        let (stream, continuation) = AsyncStream<Duration>.makeStream()
        sleepsStarted = stream
        started = continuation
    }

    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func now() -> Duration { state.withLock { $0.now } }

    /// Moves the clock on, as if an attempt took `duration`.
    func advance(by duration: Duration) {
        state.withLock { $0.now += duration }
    }

    func sleep(for duration: Duration) async throws(CancellationError) {
        state.withLock { $0.sleeps.append(duration) }
        started?.yield(duration)
        if blocks {
            do {
                try await Task.sleep(for: .seconds(3600))
            } catch {
                throw CancellationError()
            }
        }
        if Task.isCancelled { throw CancellationError() }
        advance(by: duration)
    }
}

/// A transport that answers from a script and remembers every request.
final class FakeTransport: HTTPTransport {
    typealias Handler = @Sendable (HTTPRequest, Int) async throws(TransportError) -> HTTPResponse

    private let handler: Handler
    private let recorded = Mutex<[HTTPRequest]>([])

    /// Answers attempt *n* (from 0) with `handler(request, n)`.
    init(_ handler: @escaping Handler) {
        self.handler = handler
    }

    /// Answers the attempts in turn with `answers`; the last is repeated.
    convenience init(answers: [Result<HTTPResponse, TransportError>]) {
        self.init { _, attempt throws(TransportError) in
            let answer = answers[min(attempt, answers.count - 1)]
            return try answer.get()
        }
    }

    var requests: [HTTPRequest] { recorded.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let attempt = recorded.withLock { requests in
            requests.append(request)
            return requests.count - 1
        }
        return try await handler(request, attempt)
    }
}

/// A client wired to fakes, with the fixture credentials and keys.
func makeClient(
    transport: FakeTransport,
    sleeper: FakeSleeper = FakeSleeper(),
    clock: FixedClock = FixedClock(),
    keys: WechatPayVerificationKeys? = nil,
    baseURL: String = CouponClientConfiguration.primaryBaseURL,
    configure: (inout CouponClientConfiguration) -> Void = { _ in }
) throws -> CouponClient {
    var configuration = CouponClientConfiguration(
        credentials: try TestFixtures.credentials(),
        verificationKeys: try keys ?? TestFixtures.publicKeyMode(),
        baseURL: baseURL
    )
    configure(&configuration)
    return CouponClient(
        configuration: configuration,
        transport: transport,
        clock: clock,
        nonceSource: FixedNonce(),
        sleeper: sleeper,
        log: nil
    )
}
