/// Every parameter of `GET /v3/marketing/favor/users/{openid}/coupons` (根据商户号查用户的券).
///
/// The API's own rules live here rather than in callers: `creator_mchid` wins over
/// `available_mchid`; with `available_mchid` the server ignores `stock_id`, `status`, `offset` and
/// `limit` and returns every usable coupon at once, so they are not sent; and a query naming
/// neither merchant is asked as "issued by" the caller's own mchid.
public struct CouponQuery: Sendable, Hashable {
    /// The user, as an openid under `appid` (path parameter).
    public var openid: String
    /// `appid`: the Official Account, Mini Program or app the openid belongs to; required.
    public var appid: String
    /// `stock_id`: only coupons of this batch (批次).
    public var stockID: String?
    /// `status`: `SENDED` for usable coupons, `USED` for usable and used ones.
    public var status: String?
    /// `creator_mchid`: coupons of batches this merchant created.
    public var creatorMchid: String?
    /// `sender_mchid`: coupons of batches this merchant issued.
    public var senderMchid: String?
    /// `available_mchid`: coupons usable at this merchant.
    public var availableMchid: String?
    /// `business_type`: `MULTIUSE` for consumption credit (消费金) only.
    public var businessType: String?
    /// `offset`: the page number, from 0.
    public var offset: Int
    /// `limit`: the page size, 1 to 100.
    public var limit: Int

    /// The page size the API uses when none is given.
    public static let defaultLimit = 20
    /// The largest page size the API accepts.
    public static let maximumLimit = 100
    /// The `status` values the API takes.
    public static let statusValues = ["SENDED", "USED"]
    /// The `business_type` values the API takes.
    public static let businessTypeValues = ["MULTIUSE"]

    public init(
        openid: String,
        appid: String,
        stockID: String? = nil,
        status: String? = nil,
        creatorMchid: String? = nil,
        senderMchid: String? = nil,
        availableMchid: String? = nil,
        businessType: String? = nil,
        offset: Int = 0,
        limit: Int = CouponQuery.defaultLimit
    ) {
        self.openid = openid
        self.appid = appid
        self.stockID = stockID
        self.status = status
        self.creatorMchid = creatorMchid
        self.senderMchid = senderMchid
        self.availableMchid = availableMchid
        self.businessType = businessType
        self.offset = offset
        self.limit = limit
    }

    /// Which of the API's two ways of asking this query takes.
    public enum Mode: Sendable, Hashable {
        /// `creator_mchid`: coupons of batches the merchant created, in every state but expired, paged.
        case issuedBy(mchid: String)
        /// `available_mchid`: coupons usable at the merchant, all in one answer.
        case usableAt(mchid: String)
    }

    /// The mode the server will apply, given the mchid of the caller.
    public func mode(callerMchid: String) -> Mode {
        if let creator = creatorMchid.nonEmpty {
            return .issuedBy(mchid: creator)
        }
        if let available = availableMchid.nonEmpty {
            return .usableAt(mchid: available)
        }
        return .issuedBy(mchid: callerMchid)
    }

    /// The query parameters that will be sent, in the order they are sent.
    ///
    /// Parameters the server would ignore in this mode are left out, so what is sent is what applies.
    public func parameters(callerMchid: String) -> [(name: String, value: String)] {
        var parameters: [(name: String, value: String)] = [("appid", appid)]
        switch mode(callerMchid: callerMchid) {
        case .issuedBy(let mchid):
            if let stockID = stockID.nonEmpty { parameters.append(("stock_id", stockID)) }
            if let status = status.nonEmpty { parameters.append(("status", status)) }
            parameters.append(("creator_mchid", mchid))
            if let sender = senderMchid.nonEmpty { parameters.append(("sender_mchid", sender)) }
            if let businessType = businessType.nonEmpty { parameters.append(("business_type", businessType)) }
            parameters.append(("offset", String(offset)))
            parameters.append(("limit", String(limit)))
        case .usableAt(let mchid):
            if let sender = senderMchid.nonEmpty { parameters.append(("sender_mchid", sender)) }
            parameters.append(("available_mchid", mchid))
            if let businessType = businessType.nonEmpty { parameters.append(("business_type", businessType)) }
        }
        return parameters
    }

    /// The parameters this query sets that the server would ignore, and so are not sent.
    public func ignoredParameters(callerMchid: String) -> [String] {
        var ignored: [String] = []
        if case .usableAt = mode(callerMchid: callerMchid) {
            if stockID.nonEmpty != nil { ignored.append("stock_id") }
            if status.nonEmpty != nil { ignored.append("status") }
            if offset != 0 { ignored.append("offset") }
            if limit != Self.defaultLimit { ignored.append("limit") }
        } else if creatorMchid.nonEmpty != nil, availableMchid.nonEmpty != nil {
            ignored.append("available_mchid")
        }
        return ignored
    }

    /// The request target: the percent-encoded path and query, exactly the bytes sent and signed.
    ///
    /// WeChat Pay signs the target as sent on the wire, so it is built once and used for both.
    public func requestTarget(callerMchid: String) throws(CouponQueryError) -> String {
        try validate(callerMchid: callerMchid)
        var target = "/v3/marketing/favor/users/" + PercentEncoding.encode(openid) + "/coupons"
        for (position, parameter) in parameters(callerMchid: callerMchid).enumerated() {
            target += position == 0 ? "?" : "&"
            target += PercentEncoding.encode(parameter.name) + "=" + PercentEncoding.encode(parameter.value)
        }
        return target
    }

    /// The same query asking for another page.
    public func page(_ offset: Int) -> CouponQuery {
        var copy = self
        copy.offset = offset
        return copy
    }
}

extension Optional where Wrapped == String {
    /// The string, or `nil` when it is missing or empty.
    fileprivate var nonEmpty: String? {
        guard let value = self, !value.isEmpty else { return nil }
        return value
    }
}
