import CouponCore

/// Whose coupons to look up and how: the user, the appid, the query mode and the server filters.
public struct LookupRequest: Sendable, Hashable {
    /// The user's openid under `appid`.
    public var openid: String
    /// The appid the openid belongs to.
    public var appid: String
    /// "Issued by" or "usable at".
    public var mode: QueryMode
    /// `creator_mchid` in "issued by" mode; `nil` asks as the caller's own mchid.
    public var creatorMchid: String?
    /// `available_mchid` in "usable at" mode; `nil` asks as the caller's own mchid.
    public var availableMchid: String?
    /// `stock_id`: one batch only (sent in "issued by" mode).
    public var stockID: String?
    /// `sender_mchid`.
    public var senderMchid: String?
    /// `business_type`: `MULTIUSE` for consumption credit only.
    public var businessType: String?

    public init(
        openid: String,
        appid: String,
        mode: QueryMode = .issuedBy,
        creatorMchid: String? = nil,
        availableMchid: String? = nil,
        stockID: String? = nil,
        senderMchid: String? = nil,
        businessType: String? = nil
    ) {
        self.openid = openid
        self.appid = appid
        self.mode = mode
        self.creatorMchid = creatorMchid
        self.availableMchid = availableMchid
        self.stockID = stockID
        self.senderMchid = senderMchid
        self.businessType = businessType
    }

    /// The merchant the mode names, falling back to the caller's own mchid.
    public func merchantMchid(callerMchid: String) -> String {
        let named = mode == .issuedBy ? creatorMchid : availableMchid
        if let named, !named.isEmpty { return named }
        return callerMchid
    }

    /// The API query for one page, with `status` as the status filter maps it.
    ///
    /// In "usable at" mode the query always asks for the first page: the API answers with everything.
    public func query(status: String?, page: Int, limit: Int, callerMchid: String) -> CouponQuery {
        switch mode {
        case .issuedBy:
            return CouponQuery(
                openid: openid,
                appid: appid,
                stockID: stockID.nonEmpty,
                status: status,
                creatorMchid: merchantMchid(callerMchid: callerMchid),
                senderMchid: senderMchid.nonEmpty,
                businessType: businessType.nonEmpty,
                offset: page,
                limit: limit
            )
        case .usableAt:
            return CouponQuery(
                openid: openid,
                appid: appid,
                senderMchid: senderMchid.nonEmpty,
                availableMchid: merchantMchid(callerMchid: callerMchid),
                businessType: businessType.nonEmpty
            )
        }
    }

    /// The filters set on this lookup that the API ignores in its mode, by parameter name.
    public var requestedButIgnored: [String] {
        guard mode == .usableAt else { return [] }
        return stockID.nonEmpty == nil ? [] : ["stock_id"]
    }

    /// Whether `other` asks about the same user, so rows already on screen still belong to them.
    func isSameUser(as other: LookupRequest) -> Bool {
        openid == other.openid && appid == other.appid
    }
}

extension Optional where Wrapped == String {
    /// The string, or `nil` when it is missing or empty.
    var nonEmpty: String? {
        guard let value = self, !value.isEmpty else { return nil }
        return value
    }
}
