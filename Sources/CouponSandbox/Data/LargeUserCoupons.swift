import CouponCore

/// The generated user with 10,000 coupons, for paging, scale tests and benchmarks.
///
/// Every coupon is a pure function of a fixed seed and its index, so nothing is stored: the same
/// index always gives the same coupon, in every process and on every machine.
struct LargeUserCoupons: Sendable {
    /// The generated user's openid.
    static let openid = "oUpF8uLargeUser10000CouponsA"
    /// How many coupons the user holds.
    static let count = 10_000
    /// The seed every coupon derives from.
    static let seed: UInt64 = 0x5EED_C0DE_2026_1130

    /// The statuses, batches and kinds of all coupons, computed once per process.
    static let shared = LargeUserCoupons()

    /// What a filter needs to know of each coupon, by index.
    let facts: [CouponFacts]

    private init() {
        var facts: [CouponFacts] = []
        facts.reserveCapacity(Self.count)
        for index in 0..<Self.count {
            var random = Self.random(for: index)
            let stock = Self.stocks[Int(random.next() % UInt64(Self.stocks.count))]
            facts.append(
                CouponFacts(
                    status: Self.status(random.next()),
                    stockID: stock.id,
                    creatorMchid: nil,
                    businessType: stock.isMultiUse ? "MULTIUSE" : nil
                )
            )
        }
        self.facts = facts
    }

    /// The summary the lookup prompt shows for the generated user.
    func summary(appid: String) -> SandboxUserSummary {
        SandboxUserSummary(
            openid: Self.openid,
            appid: appid,
            label: "10,000 generated coupons (scale and paging)",
            chineseLabel: "一万张生成的券（压测与翻页）",
            couponCount: facts.count,
            usableCount: facts.filter { $0.status == "SENDED" }.count,
            usedCount: facts.filter { $0.status == "USED" }.count,
            expiredCount: facts.filter { $0.status == "EXPIRED" }.count,
            fault: nil
        )
    }

    /// The coupon at `index` as the API's JSON object, times relative to `referenceDay` (days since 1970).
    func coupon(at index: Int, merchant: SandboxMerchantProfile, referenceDay: Int64) -> JSONValue {
        var random = Self.random(for: index)
        let stock = Self.stocks[Int(random.next() % UInt64(Self.stocks.count))]
        let status = Self.status(random.next())
        let offset = CivilTime.chinaOffsetSeconds

        // Index 0 is the newest, from just before the reference day; the rest go back about two years.
        let referenceNoon = referenceDay * 86_400 + 12 * 3600 - Int64(offset)
        let created = referenceNoon - 12 * 3600 - 600 - Int64(index) * 6_300 - Int64(random.next() % 3_600)
        var begins = created
        var ends = created + 30 * 86_400
        switch status {
        case "SENDED":
            // A usable coupon is still valid on the reference day.
            ends = max(ends, referenceNoon + Int64(1 + random.next() % 60) * 86_400)
        case "EXPIRED":
            // An expired one ran out before it; move the whole window back if it was recent.
            if ends >= referenceNoon {
                ends = referenceNoon - Int64(1 + random.next() % 20) * 86_400
                begins = ends - 30 * 86_400
            }
        default:
            break
        }
        let createdAt = min(created, begins)

        var members: [JSONMember] = [
            JSONMember("stock_creator_mchid", .string(merchant.mchid)),
            JSONMember("stock_id", .string(stock.id)),
            JSONMember("coupon_id", .string(String(1_860_400_000 + index * 53 + Int(random.next() % 53)))),
            JSONMember("coupon_name", .string(stock.name)),
            JSONMember("status", .string(status)),
            JSONMember("description", .string(stock.description)),
            JSONMember(
                "create_time",
                .string(CivilTime.rfc3339(secondsSince1970: createdAt, utcOffsetSeconds: offset))
            ),
            JSONMember("coupon_type", .string(stock.cutTo == nil ? "NORMAL" : "CUT_TO")),
            JSONMember("no_cash", .bool(stock.noCash)),
            JSONMember(
                "available_begin_time",
                .string(CivilTime.rfc3339(secondsSince1970: begins, utcOffsetSeconds: offset))
            ),
            JSONMember(
                "available_end_time",
                .string(CivilTime.rfc3339(secondsSince1970: ends, utcOffsetSeconds: offset))
            ),
            JSONMember("singleitem", .bool(stock.cutTo != nil)),
        ]
        if let cutTo = stock.cutTo {
            members.append(
                JSONMember(
                    "cut_to_message",
                    .object([
                        JSONMember("single_price_max", .number(String(cutTo.singlePriceMax))),
                        JSONMember("cut_to_price", .number(String(cutTo.cutToPrice))),
                    ])
                )
            )
        } else {
            members.append(
                JSONMember(
                    "normal_coupon_information",
                    .object([
                        JSONMember("coupon_amount", .number(String(stock.amount))),
                        JSONMember("transaction_minimum", .number(String(stock.minimum))),
                    ])
                )
            )
        }
        if status == "USED" {
            let consumed = begins + Int64(random.next() % UInt64(max(1, min(ends, referenceNoon) - begins)))
            members.append(
                JSONMember(
                    "consume_information",
                    consumption(at: consumed, merchant: merchant, random: &random, offset: offset)
                )
            )
        }
        if stock.isMultiUse {
            members.append(JSONMember("business_type", .string("MULTIUSE")))
            let spent = status == "SENDED" ? Int64(random.next() % UInt64(stock.amount)) : stock.amount
            members.append(JSONMember("available_balance", .number(String(stock.amount - spent))))
        }
        return .object(members)
    }

    private func consumption(
        at consumed: Int64,
        merchant: SandboxMerchantProfile,
        random: inout SplitMix64,
        offset: Int
    ) -> JSONValue {
        let shops = merchant.availableMchids.isEmpty ? [merchant.mchid] : merchant.availableMchids
        let shop = shops[Int(random.next() % UInt64(shops.count))]
        let civil = CivilTime.date(daysSince1970: CivilTime.chinaDay(secondsSince1970: consumed))
        let date = CivilTime.pad(civil.year, 4) + CivilTime.pad(civil.month, 2) + CivilTime.pad(civil.day, 2)
        let transaction =
            "42000" + CivilTime.pad(Int(random.next() % 100_000), 5) + date
            + CivilTime.pad(Int(random.next() % 10_000_000_000), 10)
        var goods: [JSONValue] = []
        for _ in 0..<Int(random.next() % 6) {
            let item = Self.goods[Int(random.next() % UInt64(Self.goods.count))]
            goods.append(
                .object([
                    JSONMember("goods_id", .string(item.id)),
                    JSONMember("quantity", .number(String(1 + random.next() % 3))),
                    JSONMember("price", .number(String(item.price))),
                    JSONMember("discount_amount", .number(String(item.price / 10 * Int64(1 + random.next() % 3)))),
                ])
            )
        }
        var members = [
            JSONMember(
                "consume_time",
                .string(CivilTime.rfc3339(secondsSince1970: consumed, utcOffsetSeconds: offset))
            ),
            JSONMember("consume_mchid", .string(shop)),
            JSONMember("transaction_id", .string(transaction)),
        ]
        if !goods.isEmpty { members.append(JSONMember("goods_detail", .array(goods))) }
        return .object(members)
    }

    private static func random(for index: Int) -> SplitMix64 {
        SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
    }

    private static func status(_ draw: UInt64) -> String {
        switch draw % 100 {
        case 0..<55: return "SENDED"
        case 55..<88: return "USED"
        default: return "EXPIRED"
        }
    }

    private struct Stock {
        var id: String
        var name: String
        var description: String
        var amount: Int64
        var minimum: Int64
        var cutTo: (singlePriceMax: Int64, cutToPrice: Int64)?
        var noCash: Bool
        var isMultiUse: Bool
    }

    private static let stocks: [Stock] = [
        Stock(
            id: "9856000",
            name: "满50减10元",
            description: "单笔消费满50元可用，每单限用一张",
            amount: 1000,
            minimum: 5000,
            noCash: false,
            isMultiUse: false
        ),
        Stock(
            id: "9856001",
            name: "满100减20元",
            description: "单笔消费满100元可用，不与其他优惠同享",
            amount: 2000,
            minimum: 10_000,
            noCash: false,
            isMultiUse: false
        ),
        Stock(
            id: "9856002",
            name: "新客立减5元",
            description: "首次到店消费可用，无门槛",
            amount: 500,
            minimum: 1,
            noCash: true,
            isMultiUse: false
        ),
        Stock(
            id: "9856003",
            name: "拿铁减至9.9元",
            description: "指定中杯拿铁单价减至9.9元，每人每天限一杯",
            amount: 0,
            minimum: 0,
            cutTo: (3200, 990),
            noCash: false,
            isMultiUse: false
        ),
        Stock(
            id: "9856004",
            name: "Weekend ¥15 off ¥80",
            description: "Valid Saturday and Sunday at every Chestnut Coffee shop",
            amount: 1500,
            minimum: 8000,
            noCash: false,
            isMultiUse: false
        ),
        Stock(
            id: "9856005",
            name: "消费金 ¥50",
            description: "可多次使用，余额用完为止",
            amount: 5000,
            minimum: 1,
            noCash: false,
            isMultiUse: true
        ),
        Stock(
            id: "9856006",
            name: "会员日满30减8元",
            description: "每月8日会员日使用，满30元减8元",
            amount: 800,
            minimum: 3000,
            noCash: false,
            isMultiUse: false
        ),
        Stock(
            id: "9856007",
            name: "可颂减至1元",
            description: "购买任意饮品时，原味可颂一个减至1元",
            amount: 0,
            minimum: 0,
            cutTo: (1800, 100),
            noCash: true,
            isMultiUse: false
        ),
        Stock(
            id: "9856008",
            name: "满200减50元",
            description: "咖啡豆与器具专区满200元可用",
            amount: 5000,
            minimum: 20_000,
            noCash: false,
            isMultiUse: false
        ),
        Stock(
            id: "9856009",
            name: "早餐套餐立减3元",
            description: "每日10:00前购买早餐套餐可用",
            amount: 300,
            minimum: 1500,
            noCash: false,
            isMultiUse: false
        ),
    ]

    private static let goods: [(id: String, price: Int64)] = [
        ("LATTE-M-001", 3200), ("AMERICANO-L-002", 2800), ("CROISSANT-003", 1800), ("BEANS-250G-004", 12_800),
        ("DRIPPER-V60-005", 16_800), ("BAGEL-006", 1600), ("FLATWHITE-S-007", 3000),
    ]
}

/// What filtering needs to know of a coupon without rendering it.
struct CouponFacts: Sendable, Hashable {
    var status: String
    var stockID: String
    /// The creating mchid, or `nil` for the data set's own merchant.
    var creatorMchid: String?
    var businessType: String?
}

/// SplitMix64: a small, fast generator whose output depends only on its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
