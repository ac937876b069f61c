import CouponCore

/// What is known of the answer that brought a page, for the status line.
public struct AnswerSummary: Sendable, Hashable {
    /// `Request-ID`.
    public var requestID: String?
    /// The serial of the key whose signature on the answer checked out.
    public var verifiedBySerial: String
    /// From the first send to the verified answer.
    public var latency: Duration
    /// How many times the request was sent.
    public var attempts: Int
    /// The request target as signed.
    public var target: String

    /// The latency in whole milliseconds.
    public var latencyMilliseconds: Int64 {
        let (seconds, attoseconds) = latency.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}

/// One server page, as rows ready to draw.
public struct LoadedPage: Sendable {
    /// The page number, from 0.
    public let page: Int
    public let rows: [CouponRow]
    /// `total_count` of the answer (in "usable at" mode, the rows received).
    public let totalCount: Int
    /// The page size the server used.
    public let limit: Int
    /// The `status` parameter the page was asked with.
    public let serverStatus: String?
    public let answer: AnswerSummary
    /// When the answer arrived, in seconds since 1970 (the browser's `now` then).
    public let receivedAt: Int64
}

/// The pages cached for one query (the query with `offset` left at 0).
struct QueryCache: Sendable {
    var pages: [Int: LoadedPage] = [:]
    var totalCount: Int?
    var limit: Int?
}
