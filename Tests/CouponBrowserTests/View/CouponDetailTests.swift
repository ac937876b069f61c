import CouponCore
import Testing

@testable import CouponBrowser

@Suite struct CouponDetailTests {
    let shanghai = TimeFormatter(displayZone: .shanghai, viewerZone: .shanghai)

    func detail(_ coupon: Coupon, _ language: Language, time: TimeFormatter? = nil) -> CouponDetail {
        CouponDetail(coupon: coupon, labels: Labels(language), time: time ?? shanghai, now: CouponFixtures.now)
    }

    func value(_ detail: CouponDetail, _ field: DetailField) -> String? {
        for group in detail.groups {
            for item in group.items {
                if case .field(let candidate, _, let value) = item, candidate == field { return value }
            }
        }
        return nil
    }

    func values(_ detail: CouponDetail, _ field: DetailField) -> [String] {
        detail.groups.flatMap(\.items).compactMap { item in
            if case .field(let candidate, _, let value) = item, candidate == field { return value }
            return nil
        }
    }

    @Test func groupsComeInOrder() {
        let used = CouponFixtures.coupon(
            id: "1",
            status: "USED",
            consume: CouponFixtures.consumption(),
            extra: [JSONMember("out_request_no", .string("R1"))]
        )
        #expect(
            detail(used, .english).groups.map(\.kind) == [
                .coupon, .amount, .validity, .consumption, .flags, .unknownFields,
            ]
        )
        #expect(
            detail(CouponFixtures.coupon(id: "2"), .english).groups.map(\.kind) == [
                .coupon, .amount, .validity, .flags,
            ]
        )
        #expect(detail(used, .chinese).groups.map(\.title) == ["券", "金额", "有效期", "核销", "标记", "其他字段（本版本未识别）"])
    }

    @Test func normalCouponStatesThresholdAndAmount() {
        let coupon = CouponFixtures.coupon(id: "1", amount: 2000, minimum: 10000)
        #expect(value(detail(coupon, .chinese), .rule) == "满 ¥100.00 减 ¥20.00")
        #expect(value(detail(coupon, .english), .rule) == "¥20.00 off an order of ¥100.00 or more")
        #expect(value(detail(coupon, .english), .couponAmount) == "¥20.00")
        #expect(value(detail(coupon, .english), .transactionMinimum) == "¥100.00")
        #expect(value(detail(coupon, .chinese), .type) == "满减券 (NORMAL)")
    }

    @Test func normalCouponWithoutThresholdSaysSo() {
        let coupon = CouponFixtures.coupon(id: "1", amount: 500, minimum: 0)
        #expect(value(detail(coupon, .chinese), .rule) == "无门槛减 ¥5.00")
        #expect(value(detail(coupon, .english), .rule) == "¥5.00 off any order")
    }

    @Test func cutToCouponStatesPriceCapAndPrice() {
        let coupon = CouponFixtures.coupon(id: "1", type: "CUT_TO", cutTo: (1000, 100), singleItem: .bool(true))
        #expect(value(detail(coupon, .chinese), .rule) == "单价 ≤ ¥10.00 的商品减至 ¥1.00")
        #expect(value(detail(coupon, .english), .rule) == "items priced up to ¥10.00 cut to ¥1.00")
        #expect(value(detail(coupon, .english), .type) == "price cut to (CUT_TO)")
        #expect(value(detail(coupon, .english), .singleItem) == "single-item coupon (singleitem: true)")
        #expect(value(detail(coupon, .chinese), .singleItem) == "单品券（singleitem: true）")
    }

    @Test func multiUseCreditShowsItsBalance() {
        let coupon = CouponFixtures.coupon(id: "1", businessType: "MULTIUSE", balance: 3050)
        #expect(values(detail(coupon, .chinese), .rule).first == "消费金，余额 ¥30.50")
        #expect(values(detail(coupon, .english), .rule).first == "consumption credit, ¥30.50 left")
        #expect(value(detail(coupon, .english), .balance) == "¥30.50")
        #expect(value(detail(coupon, .english), .businessType) == "MULTIUSE")
        let noBalance = CouponFixtures.coupon(id: "2", businessType: "MULTIUSE")
        #expect(value(detail(noBalance, .english), .balance) == "not given")
    }

    @Test func unknownTypeIsShownVerbatim() {
        let coupon = CouponFixtures.coupon(id: "1", status: "RECOVER", type: "DISCOUNT")
        #expect(value(detail(coupon, .english), .type) == "DISCOUNT")
        #expect(value(detail(coupon, .english), .status) == "RECOVER")
        #expect(value(detail(coupon, .english), .rule) == "not given")
        #expect(value(detail(coupon, .chinese), .rule) == "未返回")
    }

    @Test(arguments: [
        (3, 0, "expires in 3 days", "3 天后到期"),
        (0, 6, "expires today at 18:00", "今天 18:00 到期"),
        (1, 0, "expires tomorrow at 12:00", "明天 12:00 到期"),
        (-3, 0, "validity ended 2026-11-28, yet the API still says usable", "已于 2026-11-28 到期，但接口仍返回可用"),
    ])
    func validityIsToldRelativeToNow(_ days: Int64, _ hours: Int64, _ english: String, _ chinese: String) {
        let coupon = CouponFixtures.coupon(id: "1", ends: CouponFixtures.time(days: days, hours: hours))
        #expect(value(detail(coupon, .english), .state) == english)
        #expect(value(detail(coupon, .chinese), .state) == chinese)
    }

    @Test func validityNotYetBegunSaysWhenItStarts() {
        let coupon = CouponFixtures.coupon(
            id: "1",
            begins: CouponFixtures.time(days: 4),
            ends: CouponFixtures.time(days: 30)
        )
        #expect(value(detail(coupon, .english), .state) == "usable from 12-05")
        #expect(value(detail(coupon, .chinese), .state) == "12-05 起可用")
        let nextYear = CouponFixtures.coupon(
            id: "2",
            begins: CouponFixtures.time(days: 40),
            ends: CouponFixtures.time(days: 90)
        )
        #expect(value(detail(nextYear, .english), .state) == "usable from 2027-01-10")
    }

    @Test func usedCouponSaysWhenItWasUsed() {
        let coupon = CouponFixtures.coupon(id: "1", status: "USED", consume: CouponFixtures.consumption())
        #expect(value(detail(coupon, .english), .state) == "used 11-29")
        #expect(value(detail(coupon, .chinese), .state) == "已于 11-29 使用")
    }

    @Test func validityNeverContradictsTheStatus() {
        let usedWithoutTime = CouponFixtures.coupon(id: "1", status: "USED")
        #expect(value(detail(usedWithoutTime, .english), .state) == "used (the API sent no time of use)")
        #expect(value(detail(usedWithoutTime, .chinese), .state) == "已使用（接口未返回核销时间）")

        let expiredEarly = CouponFixtures.coupon(id: "2", status: "EXPIRED", ends: CouponFixtures.time(days: 9))
        #expect(value(detail(expiredEarly, .english), .state) == "expired; its validity was to end 2026-12-10")
        #expect(value(detail(expiredEarly, .chinese), .state) == "已过期（有效期原至 2026-12-10）")

        let expired = CouponFixtures.coupon(id: "3", status: "EXPIRED", ends: CouponFixtures.time(days: -1))
        #expect(value(detail(expired, .english), .state) == "expired 2026-11-30")

        let recovered = CouponFixtures.coupon(id: "4", status: "RECOVER", ends: CouponFixtures.time(days: 3))
        #expect(value(detail(recovered, .english), .state) == "validity ends 2026-12-04", "no promise of use")
        let recoveredLate = CouponFixtures.coupon(id: "5", status: "RECOVER", ends: CouponFixtures.time(days: -3))
        #expect(value(detail(recoveredLate, .chinese), .state) == "有效期已于 2026-11-28 结束")
    }

    @Test func asciiGlyphsReachTheRuleAndTheCuts() {
        let coupon = CouponFixtures.coupon(id: "1", name: "满减·午餐特惠券", type: "CUT_TO", cutTo: (1000, 100))
        let ascii = CouponDetail(
            coupon: coupon,
            labels: Labels(.chinese, glyphs: .ascii),
            time: shanghai,
            now: CouponFixtures.now
        )
        #expect(ascii.title == "满减.午餐特惠券")
        #expect(value(ascii, .rule) == "单价 <= ¥10.00 的商品减至 ¥1.00")
        // Five cells are narrower than the label 单价上限, so it is cut, and with ASCII's mark.
        let cut = ascii.lines(width: 5).first { $0.role == .groupTitle && $0.text.hasSuffix("~") }
        #expect(cut != nil || ascii.lines(width: 5).contains { $0.label.hasSuffix("~") || $0.text.hasSuffix("~") })
        for width in [5, 12] {
            #expect(!ascii.lines(width: width).contains { ($0.label + $0.text).contains("…") })
        }
    }

    @Test func timesShowTheOffsetOnlyWhenTheViewerIsElsewhere() {
        let coupon = CouponFixtures.coupon(id: "1", ends: CouponFixtures.time(days: 3))
        #expect(value(detail(coupon, .english), .ends) == "2026-12-04 12:00:00")
        let fromBerlin = TimeFormatter(
            displayZone: .shanghai,
            viewerZone: DisplayTimeZone(identifier: "Europe/Berlin")!
        )
        #expect(value(detail(coupon, .english, time: fromBerlin), .ends) == "2026-12-04 12:00:00 +08:00")
        let inUTC = TimeFormatter(displayZone: .utc, viewerZone: .shanghai)
        #expect(value(detail(coupon, .english, time: inUTC), .ends) == "2026-12-04 04:00:00 +00:00")
    }

    @Test func consumptionHasMerchantTransactionAndGoodsWithTotals() throws {
        let coupon = CouponFixtures.coupon(
            id: "1",
            status: "USED",
            consume: CouponFixtures.consumption(goods: [("SKU-001", 2, 4500, 1000), ("奶茶", 1, 1800, 0)])
        )
        for language in [Language.english, .chinese] {
            let shown = detail(coupon, language)
            #expect(value(shown, .consumeTime) == "2026-11-29 14:00:00")
            #expect(value(shown, .consumeMchid) == "1900000110")
            #expect(value(shown, .transactionID) == "4200000000202612011234567890")
            let consumption = try #require(shown.groups.first { $0.kind == .consumption })
            guard case .table(let table)? = consumption.items.last else {
                Issue.record("no goods table")
                return
            }
            #expect(
                table.rows == [
                    ["SKU-001", "2", "¥45.00", "¥10.00", "¥80.00"], ["奶茶", "1", "¥18.00", "¥0.00", "¥18.00"],
                ]
            )
            #expect(table.total?.dropFirst() == ["3", "", "¥10.00", "¥98.00"])
            #expect(table.titles.count == 5)
        }
        let table = CouponDetail.goodsTable([], Labels(.chinese))
        #expect(table.titles == ["商品编码", "数量", "单价", "优惠", "小计"])
        #expect(table.total?.first == "合计")
    }

    @Test func goodsTotalsThatOverflowSaySo() {
        let huge = GoodsDetail(goodsID: "X", quantity: Int64.max, price: Money(fen: 2), discountAmount: Money(fen: 0))
        let table = CouponDetail.goodsTable([huge], Labels(.english))
        #expect(table.rows.first?.last == "(overflow)")
        #expect(table.total?.last == "(overflow)")
    }

    @Test func usedCouponWithoutConsumptionSaysTheAPISentNone() {
        let coupon = CouponFixtures.coupon(id: "1", status: "USED")
        #expect(value(detail(coupon, .english), .consumeTime) == "the API sent no consumption details")
    }

    @Test func flagsAreInWords() {
        let coupon = CouponFixtures.coupon(id: "1", noCash: .bool(true), singleItem: .null)
        #expect(value(detail(coupon, .english), .noCash) == "no money flow (no_cash: true)")
        #expect(value(detail(coupon, .chinese), .noCash) == "无资金流（no_cash: true）")
        #expect(value(detail(coupon, .english), .singleItem) == "not given (singleitem)")
        let strings = CouponFixtures.coupon(id: "2", noCash: .string("false"))
        #expect(value(detail(strings, .english), .noCash) == "money flows (no_cash: false)")
    }

    @Test func unknownFieldsAreListedVerbatimAtTheEnd() throws {
        let coupon = CouponFixtures.coupon(
            id: "1",
            extra: [
                JSONMember("out_request_no", .string("REQ-20261201-1")),
                JSONMember(
                    "future_field",
                    .object([JSONMember("level", .number("1.50")), JSONMember("tags", .array([.string("新")]))])
                ),
            ]
        )
        let last = try #require(detail(coupon, .english).groups.last)
        #expect(last.kind == .unknownFields)
        #expect(
            last.items == [
                .field(.unknown("out_request_no"), label: "out_request_no", value: "\"REQ-20261201-1\""),
                .field(.unknown("future_field"), label: "future_field", value: "{\"level\":1.50,\"tags\":[\"新\"]}"),
            ]
        )
    }

    @Test func dataWithEscapesIsSanitisedEverywhere() {
        let coupon = CouponFixtures.coupon(
            id: "1\u{1B}[2J",
            name: "\u{1B}]0;pwned\u{07}券",
            consume: CouponFixtures.consumption(transactionID: "42\u{9B}1m", goods: [("\u{202E}dog", 1, 100, 0)]),
            extra: [JSONMember("k\u{1B}", .string("v"))]
        )
        for line in detail(coupon, .english).lines(width: 50) {
            for scalar in (line.label + line.text).unicodeScalars {
                #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
                #expect(scalar.value != 0x202E)
            }
        }
        #expect(detail(coupon, .english).title == "␛]0;pwned券")
    }

    @Test func descriptionKeepsItsLineBreaks() {
        var coupon = CouponFixtures.coupon(id: "1")
        coupon.description = "第一行\r\n第二行"
        #expect(value(detail(coupon, .chinese), .description) == "第一行\n第二行")
        let lines = detail(coupon, .chinese).lines(width: 40)
        #expect(lines.contains { $0.role == .continuation && $0.text == "第二行" })
    }

    @Test func linesFitTheWidthExactly() {
        let coupon = CouponFixtures.coupon(
            id: "98765432101234567890",
            name: "一张名字非常非常长的满减券，适用于全部门店以及线上商城 🎉",
            status: "USED",
            consume: CouponFixtures.consumption(goods: [("SKU-VERY-LONG-GOODS-IDENTIFIER-0001", 12, 123_456, 7_890)])
        )
        for width in [24, 40, 60] {
            for language in [Language.english, .chinese] {
                for line in detail(coupon, language).lines(width: width) {
                    #expect(DisplayWidth.of(line.label) + DisplayWidth.of(line.text) <= width, "\(width) \(line)")
                }
            }
        }
    }

    @Test func labelsAreWholeBesideTheListAtFortyEightColumns() throws {
        let lines = detail(CouponFixtures.coupon(id: "1"), .english).lines(width: 48)
        let creator = try #require(lines.first { $0.label.hasPrefix("Created by") })
        #expect(creator.label == "Created by mchid  ")
        #expect(!creator.text.isEmpty)
        #expect(!lines.contains { $0.label.contains(TextLayout.ellipsis) })
    }

    @Test func aLabelWiderThanTheColumnGetsALineOfItsOwn() throws {
        let coupon = CouponFixtures.coupon(
            id: "1",
            extra: [JSONMember("a_field_name_of_thirty_cells__", .string("v")), JSONMember("k", .string("w"))]
        )
        let lines = detail(coupon, .english).lines(width: 40)
        let index = try #require(lines.firstIndex { $0.label == "a_field_name_of_thirty_cells__" })
        try #require(index + 1 < lines.count)
        #expect(lines[index].text == "")
        #expect(lines[index + 1].label == "  ")
        #expect(lines[index + 1].text == "\"v\"")
        // The short label of the same group keeps its place beside its value.
        #expect(lines.contains { $0.role == .field && $0.label == "k  " && $0.text == "\"w\"" })
    }

    @Test func theLabelColumnLeavesTheValueTwentyCells() {
        // 60 cells: half the pane would be 30, but the value keeps 20 cells only up to a label column of 40.
        #expect(DetailLayout.labelColumn(width: 60, labelWidths: [16, 28]) == 30)
        #expect(DetailLayout.labelColumn(width: 36, labelWidths: [14]) == 16)
        // A label that would leave its value less goes on its own line; the rest keep their column.
        #expect(DetailLayout.labelColumn(width: 36, labelWidths: [10, 16]) == 12)
        // A narrow pane still allows a third of itself.
        #expect(DetailLayout.labelColumn(width: 24, labelWidths: [4, 16]) == 6)
    }
}
