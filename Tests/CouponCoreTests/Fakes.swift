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

/// A nonce source that numbers its nonces, so each signing of a request can be told apart.
final class CountingNonce: NonceSource {
    private let count = Mutex(0)

    func nonce() -> String {
        let number = count.withLock { count in
            count += 1
            return count
        }
        return "NONCE" + String(repeating: "0", count: max(0, 27 - String(number).count)) + String(number)
    }
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
