import CouponCore

/// A wall clock that stands still.
struct FixedClock: WallClock {
    var seconds: Int64

    func secondsSince1970() -> Int64 { seconds }
}
