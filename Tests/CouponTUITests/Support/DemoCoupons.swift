import CouponBrowser
import CouponCore
import CouponTUI
import Testing

/// Coupons like the demo's: Chinese, English and mixed names, every type and status, goods lines.
///
/// Written here rather than taken from the sandbox's data set, so a change to the demo data does
/// not change these golden screens.
enum DemoCoupons {
    static let mchid = "1900000109"
    static let appid = "wx233544546545989"
    static let openid = "o4GgauInH_RCEdvrrNGrntXDuXXX"
    static let serial = "PUB_KEY_ID_0114232134912410000000000000"

    /// 2026-12-03 12:00 in Shanghai, the "now" of every snapshot.
    static let now: Int64 = APITimestamp(rfc3339: "2026-12-03T12:00:00+08:00")?.secondsSince1970 ?? 0

    struct Spec {
        var id: String
        var name: String
        var status: String
        var type: String = "NORMAL"
        var amount: Int64 = 1000
        var minimum: Int64 = 10000
        var ends: String = "2026-12-31T23:59:59+08:00"
        var goods: [(String, Int64, Int64, Int64)] = []
        var description = "每个用户限用一张"
        var multiuseBalance: Int64?
        var extra = ""
    }

    static let specs: [Spec] = [
        Spec(id: "98065001", name: "满100减10元代金券", status: "SENDED"),
        Spec(id: "98065002", name: "Coffee ☕ 5 off", status: "SENDED", amount: 500, minimum: 0),
        Spec(
            id: "98065003",
            name: "周末超市满减",
            status: "USED",
            amount: 2000,
            goods: [("6901234567890", 2, 3990, 1000), ("SKU-牛奶-1L", 1, 1590, 500), ("APPLE-🍎", 3, 800, 500)],
            extra:
                #","consume_information":{"consume_time":"2026-11-20T18:32:05+08:00","#
                + #""consume_mchid":"1900000109","transaction_id":"4200001234202611201234567890","#
                + #""goods_detail":[{"goods_id":"6901234567890","quantity":2,"price":3990,"#
                + #""discount_amount":1000},{"goods_id":"SKU-牛奶-1L","quantity":1,"price":1590,"#
                + #""discount_amount":500},{"goods_id":"APPLE-🍎","quantity":3,"price":800,"#
                + #""discount_amount":500}]}"#
        ),
        Spec(id: "98065004", name: "单品减至1元券（限可乐）", status: "SENDED", type: "CUT_TO"),
        Spec(id: "98065005", name: "Expired welcome voucher", status: "EXPIRED", ends: "2026-11-28T23:59:59+08:00"),
        Spec(
            id: "98065006",
            name: "消费金 Consumption credit",
            status: "SENDED",
            amount: 5000,
            minimum: 0,
            multiuseBalance: 3250
        ),
        Spec(id: "98065007", name: "新客立减", status: "USED", amount: 300, minimum: 0, ends: "2026-12-05T10:00:00+08:00"),
        Spec(
            id: "98065008",
            name: "An unusually long coupon name that will never fit in any column of the list pane",
            status: "SENDED"
        ),
        Spec(id: "98065009", name: "冻结的券", status: "FROZEN_BY_RISK"),
        Spec(id: "98065010", name: "餐饮满50减8", status: "SENDED", amount: 800, minimum: 5000),
        Spec(id: "98065011", name: "🎉 双十二 Party 券", status: "SENDED", amount: 1212, minimum: 12000),
        Spec(id: "98065012", name: "加油站满200减15", status: "USED", amount: 1500, minimum: 20000),
    ]

    static func json(_ spec: Spec) -> String {
        var fields = [
            #""stock_creator_mchid":"1900000109""#,
            #""stock_id":"98560"# + spec.id.suffix(2) + #"""#,
            #""coupon_id":""# + spec.id + #"""#,
            #""coupon_name":""# + spec.name + #"""#,
            #""status":""# + spec.status + #"""#,
            #""description":""# + spec.description + #"""#,
            #""create_time":"2026-11-01T09:15:00+08:00""#,
            #""coupon_type":""# + spec.type + #"""#,
            #""no_cash":false"#,
            #""available_begin_time":"2026-11-01T00:00:00+08:00""#,
            #""available_end_time":""# + spec.ends + #"""#,
            #""singleitem":"# + (spec.type == "CUT_TO" ? "true" : "false"),
        ]
        if spec.type == "CUT_TO" {
            fields.append(#""cut_to_message":{"single_price_max":1000,"cut_to_price":100}"#)
        } else {
            fields.append(
                #""normal_coupon_information":{"coupon_amount":"# + String(spec.amount)
                    + #","transaction_minimum":"# + String(spec.minimum) + "}"
            )
        }
        if let balance = spec.multiuseBalance {
            fields.append(#""business_type":"MULTIUSE","available_balance":"# + String(balance))
        }
        if spec.id == "98065009" {
            fields.append(#""risk_level":"HIGH""#)
        }
        return "{" + fields.joined(separator: ",") + spec.extra + "}"
    }

    /// A page of the first `count` coupons, claiming `total` in all.
    static func page(count: Int = specs.count, total: Int = 137, offset: Int = 0, limit: Int = 20) -> CouponPage {
        let data = specs.prefix(count).map(json).joined(separator: ",")
        let body =
            #"{"total_count":"# + String(total) + #","offset":"# + String(offset) + #","limit":"#
            + String(limit) + #","data":["# + data + "]}"
        do {
            return try CouponPage(body: Array(body.utf8))
        } catch {
            fatalError("demo page does not decode: \(error)")
        }
    }

    static func configuration(
        language: Language,
        appids: [String] = [appid],
        ascii: Bool = false
    ) -> BrowserConfiguration {
        BrowserConfiguration(
            callerMchid: mchid,
            appids: appids,
            profileName: "demo",
            language: language,
            time: TimeFormatter(displayZone: .shanghai, viewerZone: .shanghai),
            glyphs: GlyphSet(ascii: ascii)
        )
    }

    /// A front end with the demo page loaded, at `columns`×`rows`.
    static func loaded(
        columns: Int,
        rows: Int,
        language: Language = .english,
        ascii: Bool = false,
        page: CouponPage = DemoCoupons.page(),
        suggestions: [LookupSuggestion] = []
    ) -> FrontEnd {
        var frontEnd = FrontEnd(
            browser: BrowserState(
                configuration: configuration(language: language, ascii: ascii),
                size: TerminalSize(columns: columns, rows: rows),
                now: now
            ),
            screen: ScreenState(suggestions: suggestions)
        )
        let actions = frontEnd.send(.lookup(LookupRequest(openid: openid, appid: appid)))
        for case .fetch(let request) in actions {
            frontEnd.send(.pageLoaded(request.id, response(for: request.query, page: page)))
        }
        return frontEnd
    }

    /// A front end at 80×24 whose lookup of the demo user is on its way, and the fetch it asked for.
    static func lookingUp() throws -> (frontEnd: FrontEnd, request: FetchRequest) {
        var frontEnd = FrontEnd(
            browser: BrowserState(
                configuration: configuration(language: .english),
                size: TerminalSize(columns: 80, rows: 24),
                now: now
            )
        )
        let actions = frontEnd.send(.lookup(LookupRequest(openid: openid, appid: appid)))
        let request = try #require(
            actions.lazy.compactMap { action -> FetchRequest? in
                if case .fetch(let request) = action { return request }
                return nil
            }.first,
            "the lookup asked for no fetch"
        )
        return (frontEnd, request)
    }

    static func response(for query: CouponQuery, page: CouponPage) -> CouponListResponse {
        CouponListResponse(
            query: query,
            page: page,
            target: (try? query.requestTarget(callerMchid: mchid)) ?? "",
            requestID: "08F4D1B6A80610EA8C0118C0A8011F20",
            verifiedBySerial: serial,
            latency: .milliseconds(42)
        )
    }

    static let suggestions = [
        LookupSuggestion(openid: openid, appid: appid, label: "12 coupons, every type"),
        LookupSuggestion(openid: "oPaging_140_coupons_demo_user", appid: appid, label: "140 coupons (paging)"),
        LookupSuggestion(openid: "oEmpty_no_coupons_demo_user", appid: appid, label: "no coupons"),
        LookupSuggestion(openid: "oFault_bad_signature_user", appid: appid, label: "answers with a bad signature"),
    ]
}
