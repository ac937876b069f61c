import CouponCore
import Foundation

/// Runs the browser: applies intents, fetches pages through a `CouponFetching`, and feeds the
/// answers back as intents.
///
/// Fetches run as tasks; a `.cancel` effect cancels the task, and an answer that still arrives is
/// dropped by the state because its request is no longer in flight. Every other effect (copy,
/// quit) goes to `effectHandler` for the front end. `changeHandler` is called after every change,
/// from the driver's executor, so a front end can wake its loop and repaint.
public actor BrowserDriver {
    /// The state after the last intent.
    public private(set) var state: BrowserState
    private let fetcher: any CouponFetching
    private let clock: @Sendable () -> Int64
    private let effectHandler: @Sendable (BrowserEffect) -> Void
    private let changeHandler: @Sendable () -> Void
    private var tasks: [RequestID: Task<Void, Never>] = [:]

    /// A driver for `state`, fetching through `fetcher`.
    ///
    /// - Parameters:
    ///   - clock: seconds since 1970, read before each intent; tests pass a fixed one.
    ///   - effectHandler: receives `.copyToClipboard` and `.quit`.
    ///   - changeHandler: called after each change of state.
    public init(
        state: BrowserState,
        fetcher: any CouponFetching,
        clock: @escaping @Sendable () -> Int64 = BrowserDriver.systemClock,
        effectHandler: @escaping @Sendable (BrowserEffect) -> Void = { _ in },
        changeHandler: @escaping @Sendable () -> Void = {}
    ) {
        self.state = state
        self.fetcher = fetcher
        self.clock = clock
        self.effectHandler = effectHandler
        self.changeHandler = changeHandler
    }

    /// The system clock, in whole seconds since 1970.
    public static let systemClock: @Sendable () -> Int64 = {
        Int64(Date().timeIntervalSince1970.rounded(.down))
    }

    /// Applies `intent`, starts the fetches it asks for, and returns the new state.
    ///
    /// The clock is read first, so the intent and everything it shows see the current time.
    @discardableResult
    public func send(_ intent: BrowserIntent) -> BrowserState {
        readClock()
        run(state.apply(intent))
        changeHandler()
        return state
    }

    /// Reads the clock and, when it has moved on, tells the state; returns the new state.
    ///
    /// A front end calls this when the moment of `state.nextTimeChange` has come, instead of polling.
    @discardableResult
    public func tick() -> BrowserState {
        if readClock() { changeHandler() }
        return state
    }

    /// Applies `.tick` when the clock has moved on; returns whether it had.
    @discardableResult
    private func readClock() -> Bool {
        let now = clock()
        guard now != state.now else { return false }
        _ = state.apply(.tick(secondsSince1970: now))
        return true
    }

    /// The requests whose tasks have not finished, cancelled ones included.
    public var runningRequests: [RequestID] {
        tasks.keys.sorted()
    }

    /// Waits until every fetch task has finished and its answer has been applied.
    public func waitUntilIdle() async {
        while let task = tasks.values.first {
            await task.value
        }
    }

    /// Cancels every fetch task.
    public func stop() {
        for task in tasks.values { task.cancel() }
    }

    private func run(_ effects: [BrowserEffect]) {
        for effect in effects {
            switch effect {
            case .fetch(let request):
                start(request)
            case .cancel(let id):
                tasks[id]?.cancel()
            case .copyToClipboard, .quit:
                effectHandler(effect)
            }
        }
    }

    private func start(_ request: FetchRequest) {
        let fetcher = self.fetcher
        tasks[request.id] = Task {
            let result: Result<CouponListResponse, CouponClientError>
            do throws(CouponClientError) {
                result = .success(try await fetcher.fetch(request.query))
            } catch {
                result = .failure(error)
            }
            self.finish(request.id, with: result)
        }
    }

    private func finish(_ id: RequestID, with result: Result<CouponListResponse, CouponClientError>) {
        tasks[id] = nil
        // The page is stamped with the time it arrived.
        readClock()
        switch result {
        case .success(let response):
            run(state.apply(.pageLoaded(id, response)))
        case .failure(let error):
            run(state.apply(.pageFailed(id, error)))
        }
        changeHandler()
    }
}
