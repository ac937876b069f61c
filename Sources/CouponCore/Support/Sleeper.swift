/// The monotonic clock and the waiting that retries use; tests pass one that never really sleeps.
public protocol Sleeper: Sendable {
    /// The time on a monotonic clock, from an arbitrary origin.
    func now() -> Duration

    /// Waits for `duration`, or throws as soon as the task is cancelled.
    func sleep(for duration: Duration) async throws(CancellationError)
}

/// Real waiting, on `ContinuousClock`.
public struct TaskSleeper: Sleeper {
    private let origin = ContinuousClock.now

    public init() {}

    public func now() -> Duration {
        ContinuousClock.now - origin
    }

    public func sleep(for duration: Duration) async throws(CancellationError) {
        do {
            try await Task.sleep(for: duration)
        } catch {
            throw CancellationError()
        }
    }
}
