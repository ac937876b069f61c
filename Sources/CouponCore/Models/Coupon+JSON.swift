extension Coupon {
    /// Reads a coupon from one element of the answer's `data` array.
    ///
    /// Only a value that is not an object, or one without a `coupon_id`, is refused; every other
    /// field is optional here, because the API may leave out keys whose value would be empty.
    public init(json: JSONValue) throws(CouponDecodingError) {
        guard case .object = json else { throw .notAnObject }
        guard let couponID = json["coupon_id"]?.stringValue, !couponID.isEmpty else {
            throw .missingField("coupon_id")
        }
        self.init(
            couponID: couponID,
            stockID: json["stock_id"]?.stringValue ?? "",
            stockCreatorMchid: json["stock_creator_mchid"]?.stringValue ?? "",
            name: json["coupon_name"]?.stringValue ?? "",
            description: json["description"]?.stringValue ?? "",
            status: CouponStatus(apiValue: json["status"]?.stringValue ?? ""),
            type: CouponType(apiValue: json["coupon_type"]?.stringValue ?? ""),
            createTime: json.timestamp("create_time"),
            availableBeginTime: json.timestamp("available_begin_time"),
            availableEndTime: json.timestamp("available_end_time"),
            noCash: json["no_cash"]?.boolValue,
            singleItem: json["singleitem"]?.boolValue,
            normalInformation: json["normal_coupon_information"].flatMap(NormalCouponInformation.init(json:)),
            cutToMessage: json["cut_to_message"].flatMap(CutToMessage.init(json:)),
            consumeInformation: json["consume_information"].flatMap(ConsumeInformation.init(json:)),
            businessType: json["business_type"]?.stringValue,
            availableBalance: json["available_balance"]?.int64Value.map(Money.init(fen:)),
            raw: json
        )
    }
}

extension NormalCouponInformation {
    /// Reads `normal_coupon_information`, or `nil` when it is not an object.
    public init?(json: JSONValue) {
        guard case .object = json else { return nil }
        self.init(
            couponAmount: json.money("coupon_amount"),
            transactionMinimum: json.money("transaction_minimum")
        )
    }
}

extension CutToMessage {
    /// Reads `cut_to_message`, or `nil` when it is not an object.
    public init?(json: JSONValue) {
        guard case .object = json else { return nil }
        self.init(
            singlePriceMax: json.money("single_price_max"),
            cutToPrice: json.money("cut_to_price")
        )
    }
}

extension ConsumeInformation {
    /// Reads `consume_information`, or `nil` when it is not an object.
    public init?(json: JSONValue) {
        guard case .object = json else { return nil }
        self.init(
            consumeTime: json.timestamp("consume_time"),
            consumeMchid: json["consume_mchid"]?.stringValue,
            transactionID: json["transaction_id"]?.stringValue,
            goods: (json["goods_detail"]?.arrayValue ?? []).compactMap(GoodsDetail.init(json:))
        )
    }
}

extension GoodsDetail {
    /// Reads one `goods_detail` line, or `nil` when it is not an object.
    public init?(json: JSONValue) {
        guard case .object = json else { return nil }
        self.init(
            goodsID: json["goods_id"]?.stringValue ?? "",
            quantity: json["quantity"]?.int64Value ?? 0,
            price: json.money("price"),
            discountAmount: json.money("discount_amount")
        )
    }
}

extension JSONValue {
    /// The amount in fen under `key`; a missing or non-integer amount reads as zero.
    fileprivate func money(_ key: String) -> Money {
        Money(fen: self[key]?.int64Value ?? 0)
    }

    /// The RFC 3339 time under `key`, or `nil` when it is missing or not such a time.
    fileprivate func timestamp(_ key: String) -> APITimestamp? {
        self[key]?.stringValue.flatMap(APITimestamp.init(rfc3339:))
    }
}

/// Why an answer from the coupon list could not be read.
public enum CouponDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The body is not JSON.
    case malformedJSON(JSONParseError)
    /// The top level, or an element of `data`, is not a JSON object.
    case notAnObject
    /// A field every coupon must have is missing.
    case missingField(String)
    /// `data` is present but not an array.
    case dataNotAnArray

    public var description: String {
        switch self {
        case .malformedJSON(let error):
            return "the answer is not valid JSON (\(error))"
        case .notAnObject:
            return "the answer is not a JSON object where one was expected"
        case .missingField(let name):
            return "a coupon in the answer has no \(name)"
        case .dataNotAnArray:
            return "the answer's data field is not a list"
        }
    }
}
