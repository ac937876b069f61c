#if canImport(Glibc)
import Glibc
#endif

/// The wall clock that request timestamps and the answer's time window are read from.
public protocol WallClock: Sendable {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    func secondsSince1970() -> Int64
}

/// The machine's real-time clock.
public struct SystemWallClock: WallClock {
    public init() {}

    public func secondsSince1970() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec)
    }
}
