import CouponBrowser
import CouponCore

/// Coupons as the API would send them, decoded through `Coupon(json:)` like real answers.
enum CouponFixtures {
    /// 2026-12-01T12:00:00+08:00, the "now" of every test.
    static let now: Int64 = 1_796_097_600
    static let callerMchid = "1900000109"
    static let appid = "wx1234567890abcdef"
    static let openid = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"

    /// An RFC 3339 time so many days, hours, minutes and seconds from `now`, written in +08:00.
    static func time(days: Int64 = 0, hours: Int64 = 0, minutes: Int64 = 0, seconds offset: Int64 = 0) -> String {
        let seconds = now + days * 86_400 + hours * 3600 + minutes * 60 + offset + 8 * 3600
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let date = APITimestamp.civilDate(daysSince1970: day)
        let second = Int(seconds - day * 86_400)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.year)-\(two(date.month))-\(two(date.day))T\(two(second / 3600)):\(two(second / 60 % 60)):"
            + "\(two(second % 60))+08:00"
    }

    /// A coupon object; `extra` members are appended after the known ones.
    static func json(
        id: String,
        name: String = "满100减20",
        status: String = "SENDED",
        type: String = "NORMAL",
        stockID: String = "9856000",
        amount: Int64 = 2000,
        minimum: Int64 = 10000,
        cutTo: (max: Int64, price: Int64)? = nil,
        begins: String = CouponFixtures.time(days: -10),
        ends: String = CouponFixtures.time(days: 3),
        consume: JSONValue? = nil,
        businessType: String? = nil,
        balance: Int64? = nil,
        noCash: JSONValue = .bool(false),
        singleItem: JSONValue = .bool(false),
        extra: [JSONMember] = []
    ) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember("stock_creator_mchid", .string(callerMchid)),
            JSONMember("stock_id", .string(stockID)),
            JSONMember("coupon_id", .string(id)),
            JSONMember("coupon_name", .string(name)),
            JSONMember("status", .string(status)),
            JSONMember("description", .string("仅限门店使用")),
            JSONMember("create_time", .string(time(days: -11))),
            JSONMember("coupon_type", .string(type)),
            JSONMember("no_cash", noCash),
            JSONMember("available_begin_time", .string(begins)),
            JSONMember("available_end_time", .string(ends)),
            JSONMember("singleitem", singleItem),
        ]
        if let cutTo {
            members.append(
                JSONMember(
                    "cut_to_message",
                    .object([
                        JSONMember("single_price_max", .number(String(cutTo.max))),
                        JSONMember("cut_to_price", .number(String(cutTo.price))),
                    ])
                )
            )
        } else if type == "NORMAL" {
            members.append(
                JSONMember(
                    "normal_coupon_information",
                    .object([
                        JSONMember("coupon_amount", .number(String(amount))),
                        JSONMember("transaction_minimum", .number(String(minimum))),
                    ])
                )
            )
        }
        if let consume { members.append(JSONMember("consume_information", consume)) }
        if let businessType { members.append(JSONMember("business_type", .string(businessType))) }
        if let balance { members.append(JSONMember("available_balance", .number(String(balance)))) }
        return .object(members + extra)
    }

    /// A decoded coupon.
    static func coupon(
        id: String,
        name: String = "满100减20",
        status: String = "SENDED",
        type: String = "NORMAL",
        stockID: String = "9856000",
        amount: Int64 = 2000,
        minimum: Int64 = 10000,
        cutTo: (max: Int64, price: Int64)? = nil,
        begins: String = CouponFixtures.time(days: -10),
        ends: String = CouponFixtures.time(days: 3),
        consume: JSONValue? = nil,
        businessType: String? = nil,
        balance: Int64? = nil,
        noCash: JSONValue = .bool(false),
        singleItem: JSONValue = .bool(false),
        extra: [JSONMember] = []
    ) -> Coupon {
        let value = json(
            id: id,
            name: name,
            status: status,
            type: type,
            stockID: stockID,
            amount: amount,
            minimum: minimum,
            cutTo: cutTo,
            begins: begins,
            ends: ends,
            consume: consume,
            businessType: businessType,
            balance: balance,
            noCash: noCash,
            singleItem: singleItem,
            extra: extra
        )
        do {
            return try Coupon(json: value)
        } catch {
            fatalError("fixture coupon \(id) does not decode: \(error)")
        }
    }

    /// `consume_information` with goods lines of (id, quantity, price, discount).
    static func consumption(
        transactionID: String = "4200000000202612011234567890",
        goods: [(String, Int64, Int64, Int64)] = []
    ) -> JSONValue {
        .object([
            JSONMember("consume_time", .string(time(days: -2, hours: 2))),
            JSONMember("consume_mchid", .string("1900000110")),
            JSONMember("transaction_id", .string(transactionID)),
            JSONMember(
                "goods_detail",
                .array(
                    goods.map { line in
                        .object([
                            JSONMember("goods_id", .string(line.0)),
                            JSONMember("quantity", .number(String(line.1))),
                            JSONMember("price", .number(String(line.2))),
                            JSONMember("discount_amount", .number(String(line.3))),
                        ])
                    }
                )
            ),
        ])
    }

    /// `count` coupons with ids `prefix0`, `prefix1`, …, cycling through usable, used and expired.
    static func mixed(_ count: Int, prefix: String = "10") -> [Coupon] {
        let statuses = ["SENDED", "USED", "EXPIRED", "SENDED"]
        return (0..<count).map { index in
            let status = statuses[index % statuses.count]
            return coupon(
                id: prefix + String(index),
                name: "券 \(index)",
                status: status,
                amount: Int64(100 * (index % 7 + 1)),
                consume: status == "USED" ? consumption() : nil
            )
        }
    }

    /// The configuration of every test: English, Shanghai times seen from Shanghai.
    static func configuration(
        language: Language = .english,
        appids: [String] = [CouponFixtures.appid],
        pageSize: Int = 20,
        prefetchDistance: Int = 5,
        viewerZone: DisplayTimeZone = .shanghai,
        glyphs: GlyphSet = .unicode
    ) -> BrowserConfiguration {
        BrowserConfiguration(
            callerMchid: callerMchid,
            appids: appids,
            profileName: "test",
            language: language,
            time: TimeFormatter(displayZone: .shanghai, viewerZone: viewerZone),
            pageSize: pageSize,
            prefetchDistance: prefetchDistance,
            glyphs: glyphs
        )
    }

    /// A browser on a 100×30 terminal.
    static func state(
        language: Language = .english,
        pageSize: Int = 20,
        prefetchDistance: Int = 5,
        appids: [String] = [CouponFixtures.appid],
        size: TerminalSize = TerminalSize(columns: 100, rows: 30),
        viewerZone: DisplayTimeZone = .shanghai,
        glyphs: GlyphSet = .unicode
    ) -> BrowserState {
        BrowserState(
            configuration: configuration(
                language: language,
                appids: appids,
                pageSize: pageSize,
                prefetchDistance: prefetchDistance,
                viewerZone: viewerZone,
                glyphs: glyphs
            ),
            size: size,
            now: now
        )
    }

    static func lookup(mode: QueryMode = .issuedBy, stockID: String? = nil) -> LookupRequest {
        LookupRequest(openid: openid, appid: appid, mode: mode, stockID: stockID)
    }
}
