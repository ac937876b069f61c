import CouponCore
import Testing

@testable import CouponBrowser

@Suite struct CouponRowTests {
    let time = TimeFormatter(displayZone: .shanghai, viewerZone: .shanghai)

    func row(_ coupon: Coupon, _ language: Language = .english) -> CouponRow {
        CouponRow(coupon: coupon, serverIndex: 0, labels: Labels(language), time: time)
    }

    @Test func summarisesEveryAmountShape() {
        let normal = CouponFixtures.coupon(id: "1", amount: 2000, minimum: 10000)
        #expect(row(normal, .chinese).amount.text == "满¥100.00减¥20.00")
        #expect(row(normal).amount.text == "¥20.00 off ¥100.00")
        let cut = CouponFixtures.coupon(id: "2", type: "CUT_TO", cutTo: (1000, 100))
        #expect(row(cut, .chinese).amount.text == "减至¥1.00")
        #expect(row(cut).amount.text == "cut to ¥1.00")
        let credit = CouponFixtures.coupon(id: "3", businessType: "MULTIUSE", balance: 3000)
        #expect(row(credit, .chinese).amount.text == "余额¥30.00")
        let unknown = CouponFixtures.coupon(id: "4", type: "NEWTYPE")
        #expect(row(unknown).amount.text == "-")
    }

    @Test func cellsAreSanitisedAndMeasuredOnce() {
        let coupon = CouponFixtures.coupon(id: "1", name: "午餐\u{1B}[5m券😀")
        let made = row(coupon)
        #expect(made.name.text == "午餐␛[5m券😀")
        #expect(made.name.width == 4 + 4 + 2 + 2)
        #expect(made.status.text == "usable")
        #expect(made.validityEnd.text == "2026-12-04")
        #expect(row(CouponFixtures.coupon(id: "1", status: "EXPIRED"), .chinese).status.text == "已过期")
    }

    @Test func cellsFitTheirSlotsExactly() {
        let coupon = CouponFixtures.coupon(id: "12345678901234567890", name: "🇨🇳 国庆👨‍👩‍👧 family 满减")
        let made = row(coupon, .chinese)
        var contentWidths: [ListColumn: Int] = [:]
        for column in ListColumn.allCases { contentWidths[column] = made.cell(column).width }
        for width in [20, 41, 60, 80, 120] {
            let slots = ColumnLayout.slots(
                width: width,
                contentWidths: contentWidths,
                titles: [:],
                sort: SortOrder()
            )
            let cells = made.cells(in: slots)
            for (slot, cell) in zip(slots, cells) {
                #expect(DisplayWidth.of(cell) == slot.width)
            }
            let last = slots.last.map { $0.x + $0.width } ?? 0
            #expect(last <= width)
        }
    }
}
