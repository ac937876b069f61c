/// How often and how long a failed query is tried again: 429, 5xx and connection failures only.
///
/// A connection failure is one that made no connection, got no answer in time, or lost the
/// connection in the middle of the answer.
///
/// Backoff is exponential with jitter: retry *n* waits a random time between half and all of
/// `baseDelay × 2ⁿ⁻¹`, never more than `maximumDelay`, and no retry starts that would end past
/// `totalBudget` counted from the first send.
public struct RetryPolicy: Sendable, Hashable {
    /// The most times a request is sent again after the first.
    public var maximumRetries: Int
    /// The longest the whole query may take, retries and waits included.
    public var totalBudget: Duration
    /// The wait before the first retry, before jitter.
    public var baseDelay: Duration
    /// The longest single wait.
    public var maximumDelay: Duration

    public init(
        maximumRetries: Int = 3,
        totalBudget: Duration = .seconds(30),
        baseDelay: Duration = .seconds(1),
        maximumDelay: Duration = .seconds(10)
    ) {
        self.maximumRetries = max(0, maximumRetries)
        self.totalBudget = totalBudget
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
    }

    /// No retries at all.
    public static let none = RetryPolicy(maximumRetries: 0)

    /// The wait before retry `number` (from 1), for a `jitter` between 0 and 1.
    public func delay(beforeRetry number: Int, jitter: Double) -> Duration {
        let doublings = min(max(number - 1, 0), 30)
        let factor = 1 << doublings
        let base = max(baseDelay, .zero)
        // Compared before multiplying, so a configured delay of any size saturates at the maximum instead of trapping.
        let ceiling = base > maximumDelay / factor ? maximumDelay : base * factor
        let fraction = 0.5 + 0.5 * min(max(jitter, 0), 1)
        return ceiling * fraction
    }

    /// Whether an answer with `statusCode` is worth asking again: rate limiting and server errors.
    public static func isRetryable(statusCode: Int) -> Bool {
        statusCode == 429 || (500...599).contains(statusCode)
    }

    /// Whether a transport failure is worth trying again: no connection, no answer in time, or an answer cut off.
    ///
    /// The coupon list is idempotent, so asking again after an answer that was cut short is safe.
    public static func isRetryable(_ error: TransportError) -> Bool {
        switch error {
        case .cannotConnect, .timedOut, .answerCutShort: return true
        case .invalidBaseURL, .insecureScheme, .tlsFailure, .other: return false
        }
    }
}
