import Testing

@testable import CouponSandbox

/// The replay guard: a nonce is refused while a request carrying it could still pass the time window.
@Suite struct NonceLedgerTests {
    @Test func nonceLedgerForgetsNoncesOnceTheirWindowHasPassed() {
        var ledger = NonceLedger()
        let first = ledger.record("a", until: 100, now: 0)
        let replayed = ledger.record("a", until: 100, now: 50)
        let afterWindow = ledger.record("a", until: 500, now: 101)
        #expect(first)
        #expect(!replayed)
        #expect(afterWindow)
    }

    @Test func nonceLedgerStaysWithinItsCapacity() {
        var ledger = NonceLedger()
        ledger.capacity = 100
        for index in 0..<1000 {
            _ = ledger.record("n\(index)", until: 10_000 + Int64(index), now: 0)
        }
        #expect(ledger.count <= 100)
        // The newest are the ones kept.
        let newestReplayed = ledger.record("n999", until: 20_000, now: 0)
        #expect(!newestReplayed)
    }
}
