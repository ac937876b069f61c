/// One answer of the user-coupon list: a page of coupons and the paging the server applied.
public struct CouponPage: Sendable, Hashable {
    /// `total_count`: how many coupons match the query in all.
    public var totalCount: Int
    /// `offset`: the page number the server used (the API counts pages, not rows).
    public var offset: Int
    /// `limit`: the page size the server used.
    public var limit: Int
    /// `data`: the coupons on this page; an answer without `data` has none.
    public var coupons: [Coupon]

    public init(totalCount: Int, offset: Int, limit: Int, coupons: [Coupon]) {
        self.totalCount = totalCount
        self.offset = offset
        self.limit = limit
        self.coupons = coupons
    }

    /// Reads an answer body.
    public init(body: some Sequence<UInt8>) throws(CouponDecodingError) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(body)
        } catch {
            throw .malformedJSON(error)
        }
        try self.init(json: json)
    }

    /// Reads an answer already parsed as JSON.
    public init(json: JSONValue) throws(CouponDecodingError) {
        guard case .object = json else { throw .notAnObject }
        var coupons: [Coupon] = []
        switch json["data"] {
        case nil, .null?:
            break
        case .array(let elements)?:
            coupons.reserveCapacity(elements.count)
            for element in elements {
                coupons.append(try Coupon(json: element))
            }
        default:
            throw .dataNotAnArray
        }
        self.init(
            totalCount: Self.clampedInt(json["total_count"]) ?? coupons.count,
            offset: Self.clampedInt(json["offset"]) ?? 0,
            limit: Self.clampedInt(json["limit"]) ?? coupons.count,
            coupons: coupons
        )
    }

    private static func clampedInt(_ value: JSONValue?) -> Int? {
        guard let number = value?.int64Value else { return nil }
        return Int(clamping: max(0, number))
    }
}
