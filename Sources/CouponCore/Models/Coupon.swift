/// One cash coupon (代金券) as the user-coupon list returns it.
///
/// Decoding is lenient where the API is: nested objects may be missing, booleans may be null, and
/// unknown `status` or `coupon_type` values are kept verbatim. The object as sent is kept in `raw`.
public struct Coupon: Sendable, Hashable, Identifiable {
    /// The coupon id, which identifies the coupon in lists.
    public var id: String { couponID }

    /// `coupon_id`.
    public var couponID: String
    /// `stock_id`: the batch (批次) the coupon was issued from.
    public var stockID: String
    /// `stock_creator_mchid`: the merchant that created the batch.
    public var stockCreatorMchid: String
    /// `coupon_name`.
    public var name: String
    /// `description`: the usage notes (使用说明).
    public var description: String
    /// `status`: usable, used, expired, or a value kept verbatim.
    public var status: CouponStatus
    /// `coupon_type`: `NORMAL`, `CUT_TO`, or a value kept verbatim.
    public var type: CouponType
    /// `create_time`: when the user received the coupon.
    public var createTime: APITimestamp?
    /// `available_begin_time`.
    public var availableBeginTime: APITimestamp?
    /// `available_end_time`.
    public var availableEndTime: APITimestamp?
    /// `no_cash`: whether the coupon moves no money (无资金流); `nil` when the API left it out.
    public var noCash: Bool?
    /// `singleitem`: whether it is a single-item (单品) coupon; `nil` when the API left it out.
    public var singleItem: Bool?
    /// `normal_coupon_information`, present for `NORMAL` coupons.
    public var normalInformation: NormalCouponInformation?
    /// `cut_to_message`, present for `CUT_TO` and single-item coupons.
    public var cutToMessage: CutToMessage?
    /// `consume_information`, present for used coupons.
    public var consumeInformation: ConsumeInformation?
    /// `business_type`: `MULTIUSE` for consumption credit (消费金).
    public var businessType: String?
    /// `available_balance`: the credit left on a `MULTIUSE` coupon.
    public var availableBalance: Money?
    /// The object exactly as the API sent it, unknown fields included.
    public var raw: JSONValue

    /// The fields this version reads; every other key of `raw` is unknown to it.
    public static let knownKeys: Set<String> = [
        "stock_creator_mchid", "stock_id", "coupon_id", "coupon_name", "status", "description", "create_time",
        "coupon_type", "no_cash", "available_begin_time", "available_end_time", "singleitem", "cut_to_message",
        "normal_coupon_information", "consume_information", "business_type", "available_balance",
    ]

    /// The members of `raw` this version does not know, in the order the API sent them.
    public var unknownFields: [JSONMember] {
        (raw.objectMembers ?? []).filter { !Coupon.knownKeys.contains($0.key) }
    }

    /// Whether this is consumption credit (消费金) that can be spent several times.
    public var isMultiUse: Bool { businessType == "MULTIUSE" }

    public init(
        couponID: String,
        stockID: String,
        stockCreatorMchid: String,
        name: String,
        description: String,
        status: CouponStatus,
        type: CouponType,
        createTime: APITimestamp? = nil,
        availableBeginTime: APITimestamp? = nil,
        availableEndTime: APITimestamp? = nil,
        noCash: Bool? = nil,
        singleItem: Bool? = nil,
        normalInformation: NormalCouponInformation? = nil,
        cutToMessage: CutToMessage? = nil,
        consumeInformation: ConsumeInformation? = nil,
        businessType: String? = nil,
        availableBalance: Money? = nil,
        raw: JSONValue = .object([])
    ) {
        self.couponID = couponID
        self.stockID = stockID
        self.stockCreatorMchid = stockCreatorMchid
        self.name = name
        self.description = description
        self.status = status
        self.type = type
        self.createTime = createTime
        self.availableBeginTime = availableBeginTime
        self.availableEndTime = availableEndTime
        self.noCash = noCash
        self.singleItem = singleItem
        self.normalInformation = normalInformation
        self.cutToMessage = cutToMessage
        self.consumeInformation = consumeInformation
        self.businessType = businessType
        self.availableBalance = availableBalance
        self.raw = raw
    }
}

/// `normal_coupon_information`: the face value and threshold of a `NORMAL` coupon.
public struct NormalCouponInformation: Sendable, Hashable {
    /// `coupon_amount`: the amount taken off.
    public var couponAmount: Money
    /// `transaction_minimum`: the least an order must come to.
    public var transactionMinimum: Money

    public init(couponAmount: Money, transactionMinimum: Money) {
        self.couponAmount = couponAmount
        self.transactionMinimum = transactionMinimum
    }
}

/// `cut_to_message`: the price rule of a `CUT_TO` coupon.
public struct CutToMessage: Sendable, Hashable {
    /// `single_price_max`: the highest unit price the coupon applies to.
    public var singlePriceMax: Money
    /// `cut_to_price`: the unit price after the cut.
    public var cutToPrice: Money

    public init(singlePriceMax: Money, cutToPrice: Money) {
        self.singlePriceMax = singlePriceMax
        self.cutToPrice = cutToPrice
    }
}

/// `consume_information`: where, when and on what a used coupon was spent.
public struct ConsumeInformation: Sendable, Hashable {
    /// `consume_time`: when the coupon was used.
    public var consumeTime: APITimestamp?
    /// `consume_mchid`: the merchant where it was used.
    public var consumeMchid: String?
    /// `transaction_id`: the payment it was used on.
    public var transactionID: String?
    /// `goods_detail`: the items it was used on; empty when the API sent none.
    public var goods: [GoodsDetail]

    public init(
        consumeTime: APITimestamp? = nil,
        consumeMchid: String? = nil,
        transactionID: String? = nil,
        goods: [GoodsDetail] = []
    ) {
        self.consumeTime = consumeTime
        self.consumeMchid = consumeMchid
        self.transactionID = transactionID
        self.goods = goods
    }
}

/// One line of `goods_detail`: an item the coupon was spent on.
public struct GoodsDetail: Sendable, Hashable {
    /// `goods_id`: the merchant's item id.
    public var goodsID: String
    /// `quantity`: how many of the item.
    public var quantity: Int64
    /// `price`: the unit price.
    public var price: Money
    /// `discount_amount`: the discount on this line.
    public var discountAmount: Money

    public init(goodsID: String, quantity: Int64, price: Money, discountAmount: Money) {
        self.goodsID = goodsID
        self.quantity = quantity
        self.price = price
        self.discountAmount = discountAmount
    }

    /// Quantity times unit price, before the discount; `nil` on overflow.
    public var grossAmount: Money? { price.multiplied(by: quantity) }

    /// What the line came to after its discount; `nil` on overflow.
    public var lineTotal: Money? {
        grossAmount?.subtracting(discountAmount)
    }
}
