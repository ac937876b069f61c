import CouponCore

/// A fact about what the query mode can return, shown so the screen implies nothing it does not know.
public enum QueryNote: Sendable, Hashable {
    /// "Issued by" answers never include expired coupons, even with no `status`.
    case expiredNeverReturned
    /// "Usable at" answers hold usable coupons only, all in one answer.
    case usableOnly
    /// Parameters set on the lookup that the API ignores in this mode, so they were not sent.
    case ignoredParameters([String])
}

/// What the server is asked, in words the header can show truthfully.
public struct ServerQuerySummary: Sendable, Hashable {
    public var mode: QueryMode
    /// The merchant the mode names (`creator_mchid` or `available_mchid`).
    public var merchantMchid: String
    /// The parameters sent, in order, without `offset` and `limit` (the page summary shows those).
    public var parameters: [QueryParameter]
    /// The parameters the API ignores in this mode.
    public var ignoredByAPI: [String]
    /// Notes the front end shows beside the query.
    public var notes: [QueryNote]

    /// `name=value` pairs, the way the header writes the filters in force.
    public var parameterText: String {
        parameters.map { $0.name + "=" + $0.value }.joined(separator: " ")
    }
}

/// One query parameter as sent, sanitised for display.
public struct QueryParameter: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
