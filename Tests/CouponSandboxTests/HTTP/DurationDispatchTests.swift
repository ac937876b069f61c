import Dispatch
import Testing

@testable import CouponSandbox

@Suite struct DurationDispatchTests {
    @Test func durationsBecomeWholeMillisecondsRoundedUp() {
        #expect(Duration.seconds(2).dispatchInterval == .milliseconds(2000))
        #expect(Duration.microseconds(1500).dispatchInterval == .milliseconds(2))
        #expect(Duration.nanoseconds(1).dispatchInterval == .milliseconds(1))
    }

    // Delays and timeouts are settings, so none of them may trap when turned into a timer.
    @Test func negativeAndHugeDurationsClampInsteadOfTrapping() {
        #expect(Duration.seconds(-5).dispatchInterval == .milliseconds(0))
        #expect(Duration.zero.dispatchInterval == .milliseconds(0))
        #expect(Duration.seconds(Int64.max).dispatchInterval == .never)
    }
}
