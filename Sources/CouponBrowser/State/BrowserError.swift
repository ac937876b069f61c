import CouponCore

/// An error as the browser shows it.
public struct BrowserError: Sendable, Hashable {
    /// Code, explanation, next step, Request-ID and whether the answer was verified.
    public var report: ErrorReport
    /// Whether the error stops the browser until it is seen to (a dialog), rather than a status-line message.
    ///
    /// Configuration problems and answers whose signature did not check out are blocking.
    public var isBlocking: Bool
    /// The page, from 1, whose fetch failed.
    public var page: Int?
}
