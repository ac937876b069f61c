import Dispatch

extension Duration {
    /// The duration as a Dispatch interval in whole milliseconds, rounded up, so that no setting can trap.
    ///
    /// A negative duration counts as zero; one too long for Dispatch's nanosecond clock is `.never`.
    var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        guard self > .zero else { return .milliseconds(0) }
        let largest = Int64.max / 1_000_000
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        guard seconds < largest / 1000 else { return .never }
        return .milliseconds(Int(seconds * 1000 + fraction))
    }
}
