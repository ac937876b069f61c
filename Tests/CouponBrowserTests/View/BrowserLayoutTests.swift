import Testing

@testable import CouponBrowser

@Suite struct BrowserLayoutTests {
    @Test func wideTerminalsPutTheDetailBeside() {
        let layout = BrowserLayout(size: TerminalSize(columns: 120, rows: 40))
        #expect(layout.detailPlacement == .beside)
        #expect(layout.list.width + 1 + layout.detail.width == 120)
        #expect(layout.list.height == 40 - 4)
        #expect(layout.status.y == 38 && layout.hint.y == 39)
        #expect(layout.listViewportRows == 35)
    }

    @Test func standardTerminalsStackTheDetailBelow() {
        let layout = BrowserLayout(size: TerminalSize(columns: 80, rows: 24))
        #expect(layout.detailPlacement == .below)
        #expect(layout.list.y == 2)
        #expect(layout.list.height + 1 + layout.detail.height == 20)
        #expect(layout.detail.y + layout.detail.height == layout.status.y)
    }

    @Test func shortTerminalsHideTheDetailUntilItIsFocused() {
        var state = CouponFixtures.state(size: TerminalSize(columns: 60, rows: 16))
        #expect(state.layout.detailPlacement == .hidden)
        state.answerAll(
            state.apply(.lookup(CouponFixtures.lookup())),
            from: FakeServer(coupons: CouponFixtures.mixed(3))
        )
        _ = state.apply(.openDetail)
        #expect(state.layout.detailPlacement == .fullScreen)
    }

    @Test func tooSmallTerminalsAreFlagged() {
        #expect(BrowserLayout(size: TerminalSize(columns: 39, rows: 24)).isTooSmall)
        #expect(BrowserLayout(size: TerminalSize(columns: 80, rows: 9)).isTooSmall)
        #expect(!BrowserLayout(size: BrowserLayout.minimumSize).isTooSmall)
        #expect(BrowserLayout(size: TerminalSize(columns: 0, rows: 0)).list.height == 0)
    }
}
