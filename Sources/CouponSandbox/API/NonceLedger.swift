/// The request nonces seen within the timestamp window, so a replayed request is refused.
///
/// A nonce only needs remembering while a request carrying it could still pass the timestamp
/// check; older entries are dropped, which bounds the ledger by the request rate.
struct NonceLedger: Sendable {
    /// How many nonces are kept at most; past it the oldest are forgotten first.
    var capacity = 100_000
    private var expiries: [String: Int64] = [:]
    private var insertionsSincePurge = 0

    /// Records `nonce` until `expiry` (seconds since 1970); `false` when it is already recorded.
    mutating func record(_ nonce: String, until expiry: Int64, now: Int64) -> Bool {
        if let known = expiries[nonce], known >= now { return false }
        insertionsSincePurge += 1
        if insertionsSincePurge >= 1024 || expiries.count >= capacity {
            purge(now: now)
        }
        expiries[nonce] = expiry
        return true
    }

    /// How many nonces are remembered.
    var count: Int { expiries.count }

    private mutating func purge(now: Int64) {
        insertionsSincePurge = 0
        expiries = expiries.filter { $0.value >= now }
        if expiries.count >= capacity {
            let keep = expiries.sorted { $0.value > $1.value }.prefix(capacity / 2)
            expiries = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        }
    }
}
