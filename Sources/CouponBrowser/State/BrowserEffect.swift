import CouponCore

/// Identifies one request the browser asked for, so its answer can be matched or dropped.
public struct RequestID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: Int

    public init(_ value: Int) {
        self.value = value
    }

    public static func < (lhs: RequestID, rhs: RequestID) -> Bool { lhs.value < rhs.value }

    public var description: String { "#\(value)" }
}

/// One page the browser wants fetched.
public struct FetchRequest: Sendable, Hashable {
    /// Why a page is fetched.
    public enum Purpose: Sendable, Hashable {
        /// The page is to be shown as soon as it arrives.
        case show
        /// The next page, fetched ahead so that paging is instant.
        case prefetch
    }

    public var id: RequestID
    /// The query generation it belongs to; every change of query starts a new one.
    public var generation: Int
    /// The exact API query.
    public var query: CouponQuery
    /// The page number, from 0.
    public var page: Int
    public var purpose: Purpose

    public init(id: RequestID, generation: Int, query: CouponQuery, page: Int, purpose: Purpose) {
        self.id = id
        self.generation = generation
        self.query = query
        self.page = page
        self.purpose = purpose
    }
}

/// What may be copied to the clipboard.
public enum CopyTarget: Sendable, Hashable {
    case couponID
    case transactionID
}

/// Something the browser wants done outside itself; the driver or the front end carries it out.
public enum BrowserEffect: Sendable, Hashable {
    /// Fetch a page and answer with `.pageLoaded` or `.pageFailed` carrying the request's id.
    case fetch(FetchRequest)
    /// Cancel a request in flight; its answer, if one still comes, is dropped.
    case cancel(RequestID)
    /// Put `text` on the clipboard (OSC 52 in the terminal).
    case copyToClipboard(String, target: CopyTarget)
    /// End the program.
    case quit
}
