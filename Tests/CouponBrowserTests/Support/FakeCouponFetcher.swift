import CouponCore
import Synchronization

/// A `CouponFetching` whose answers the test hands out one by one.
///
/// Every `fetch` waits until the test calls `answer(_:with:)` for it. With `honoursCancellation`,
/// a cancelled fetch ends at once with `.cancelled`; without, it goes on waiting, as a slow
/// network would, and its late answer can be released afterwards.
final class FakeCouponFetcher: CouponFetching {
    typealias Answer = Result<CouponListResponse, CouponClientError>

    let callerMchid: String
    let honoursCancellation: Bool

    private struct Pending {
        var query: CouponQuery
        var continuation: CheckedContinuation<Answer, Never>?
        var answer: Answer?
        var isWaiting = false
    }

    private let pending = Mutex<[Pending]>([])

    init(callerMchid: String = CouponFixtures.callerMchid, honoursCancellation: Bool = true) {
        self.callerMchid = callerMchid
        self.honoursCancellation = honoursCancellation
    }

    func fetch(_ query: CouponQuery) async throws(CouponClientError) -> CouponListResponse {
        let index = pending.withLock { list in
            list.append(Pending(query: query))
            return list.count - 1
        }
        let honours = honoursCancellation
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Answer, Never>) in
                let early = pending.withLock { list -> Answer? in
                    if let answer = list[index].answer { return answer }
                    list[index].continuation = continuation
                    list[index].isWaiting = true
                    return nil
                }
                if let early { continuation.resume(returning: early) }
            }
        } onCancel: {
            if honours { resolve(index, .failure(.cancelled)) }
        }
        return try result.get()
    }

    /// The queries asked so far, in order.
    var queries: [CouponQuery] {
        pending.withLock { $0.map(\.query) }
    }

    /// Waits until at least `count` fetches have been asked for.
    func waitForRequests(_ count: Int) async {
        while pending.withLock({ $0.count < count }) {
            await Task.yield()
        }
    }

    /// Releases the answer of the `index`-th fetch (a second answer to the same fetch is ignored).
    func answer(_ index: Int, with result: Answer) {
        resolve(index, result)
    }

    private func resolve(_ index: Int, _ result: Answer) {
        let continuation = pending.withLock { list -> CheckedContinuation<Answer, Never>? in
            guard index < list.count, list[index].answer == nil else { return nil }
            list[index].answer = result
            let continuation = list[index].continuation
            list[index].continuation = nil
            return continuation
        }
        continuation?.resume(returning: result)
    }
}
