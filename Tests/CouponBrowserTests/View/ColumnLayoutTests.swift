import Testing

@testable import CouponBrowser

@Suite struct ColumnLayoutTests {
    let widths: [ListColumn: Int] = [.status: 6, .name: 30, .amount: 18, .validityEnd: 10, .couponID: 11, .stockID: 8]
    let titles: [ListColumn: String] = [
        .status: "Status", .name: "Name", .amount: "Amount", .validityEnd: "Ends", .couponID: "Coupon ID",
        .stockID: "Stock ID",
    ]

    func columns(_ width: Int, sort: SortOrder = SortOrder()) -> [ColumnSlot] {
        ColumnLayout.slots(width: width, contentWidths: widths, titles: titles, sort: sort)
    }

    @Test func wideListsShowEveryColumn() {
        let slots = columns(120)
        #expect(slots.map(\.column) == [.status, .name, .amount, .validityEnd, .couponID, .stockID])
        #expect(slots.last.map { $0.x + $0.width } == 120, "the name column takes what is left")
    }

    @Test func narrowerListsDropColumnsFromTheEnd() {
        #expect(columns(80).map(\.column) == [.status, .name, .amount, .validityEnd, .couponID, .stockID])
        #expect(columns(60).map(\.column) == [.status, .name, .amount, .validityEnd, .couponID])
        #expect(columns(40).map(\.column) == [.status, .name, .amount])
        #expect(columns(20).map(\.column) == [.status, .name])
        for width in [20, 40, 60, 80] {
            let name = columns(width).first { $0.column == .name }
            #expect((name?.width ?? 0) >= ColumnLayout.minimumNameWidth)
        }
    }

    @Test func slotsNeverOverlapOrOverflow() {
        for width in 1...130 {
            let slots = columns(width)
            var next = 0
            for slot in slots {
                #expect(slot.x >= next)
                next = slot.x + slot.width + ColumnLayout.gap
                #expect(slot.x + slot.width <= width)
                #expect(DisplayWidth.of(slot.title) <= slot.width)
            }
        }
    }

    @Test func sortedColumnIsMarkedAndLeavesACellForTheMark() {
        let slots = columns(100, sort: SortOrder(column: .couponID, isDescending: true))
        let coupon = slots.first { $0.column == .couponID }
        #expect(coupon?.sortDirection == .descending)
        #expect(coupon.map { DisplayWidth.of($0.title) < $0.width } == true)
        #expect(slots.filter { $0.sortDirection != nil }.count == 1)
        #expect(slots.first { $0.column == .amount }?.alignment == .right)
    }
}
