/// Which of the API's two ways of asking for a user's coupons a lookup uses.
public enum QueryMode: Sendable, Hashable, CaseIterable {
    /// "Issued by": `creator_mchid`, coupons of batches the merchant created, paged, never expired ones.
    case issuedBy
    /// "Usable at": `available_mchid`, coupons usable at the merchant, all in one answer, usable ones only.
    case usableAt

    /// The other mode.
    public var toggled: QueryMode {
        self == .issuedBy ? .usableAt : .issuedBy
    }

    /// The query parameter that names the merchant in this mode.
    public var merchantParameter: String {
        self == .issuedBy ? "creator_mchid" : "available_mchid"
    }

    /// The parameters the API ignores in this mode (a fact of the API, whether or not they are set).
    public var parametersIgnoredByAPI: [String] {
        // The API: with available_mchid, stock_id, status, offset and limit are ignored.
        self == .issuedBy ? [] : ["stock_id", "status", "offset", "limit"]
    }

    /// Whether the server answers in pages (`offset`/`limit`); "usable at" answers everything at once.
    public var isPaged: Bool { self == .issuedBy }
}
