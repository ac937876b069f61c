import CouponCore
import Testing

@testable import CouponBrowser

@Suite struct ListInteractionTests {
    let server = FakeServer(coupons: CouponFixtures.mixed(60))

    func loaded(pageSize: Int = 50) -> BrowserState {
        var state = CouponFixtures.state(pageSize: pageSize, prefetchDistance: 0)
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: server)
        return state
    }

    @Test func movementsFollowTheViewport() {
        var state = loaded()
        let viewport = state.layout.listViewportRows
        let count = state.list.visible.count
        #expect(viewport > 2 && count > viewport)
        _ = state.apply(.move(.down))
        #expect(state.list.selection == 1)
        _ = state.apply(.move(.up))
        _ = state.apply(.move(.up))
        #expect(state.list.selection == 0)
        _ = state.apply(.move(.halfPageDown))
        #expect(state.list.selection == viewport / 2)
        _ = state.apply(.move(.pageDown))
        #expect(state.list.selection == viewport / 2 + viewport)
        #expect(state.list.scrollTop == viewport / 2 + viewport - viewport + 1)
        _ = state.apply(.move(.last))
        #expect(state.list.selection == count - 1)
        #expect(state.rowsOnScreen.last?.isSelected == true)
        #expect(state.rowsOnScreen.count == viewport)
        _ = state.apply(.move(.halfPageUp))
        #expect(state.list.selection == count - 1 - viewport / 2)
        _ = state.apply(.move(.first))
        #expect(state.list.selection == 0 && state.list.scrollTop == 0)
    }

    @Test func resizeKeepsTheSelectionOnScreen() {
        var state = loaded()
        _ = state.apply(.move(.last))
        _ = state.apply(.resize(TerminalSize(columns: 60, rows: 16)))
        let viewport = state.layout.listViewportRows
        let selection = state.list.selection ?? -1
        #expect(selection >= state.list.scrollTop && selection < state.list.scrollTop + viewport)
        #expect(state.rowsOnScreen.contains { $0.isSelected })
    }

    @Test func textFilterNarrowsAsTypedAndEscClearsIt() {
        var state = loaded()
        _ = state.apply(.beginTextFilter)
        #expect(state.focus == .filterPrompt)
        _ = state.apply(.editTextFilter(.insert("券 1")))
        let shown = state.list.visible.map { state.list.rows[$0].name.text }
        #expect(!shown.isEmpty && shown.allSatisfy { $0.hasPrefix("券 1") })
        #expect(state.localFilter.filtersText)
        #expect(state.header.textFilter == "券 1")
        _ = state.apply(.editTextFilter(.insert("7")))
        #expect(state.list.visible.map { state.list.rows[$0].name.text } == ["券 17"])
        _ = state.apply(.back)
        #expect(state.textFilter.isEmpty && state.focus == .list)
        #expect(state.list.visible.count == state.list.rows.count)
    }

    @Test func enterKeepsTheTextFilter() {
        var state = loaded()
        _ = state.apply(.beginTextFilter)
        _ = state.apply(.editTextFilter(.insert("USED")))
        _ = state.apply(.commitTextFilter)
        #expect(state.focus == .list)
        #expect(state.list.visible.allSatisfy { state.list.rows[$0].category == .used })
        #expect(state.statusLine.segments.contains { $0.kind == .localFilter })
    }

    @Test func textFilterMatchesIDsCaseInsensitively() {
        var state = loaded()
        _ = state.apply(.setTextFilter("1049"))
        #expect(state.list.visible.map { state.list.rows[$0].id } == ["1049"])
        _ = state.apply(.setTextFilter("ZZZ"))
        #expect(state.emptyState == .allHidden(message: "all 45 rows received are hidden by the filters here"))
    }

    @Test func sortCyclesColumnsAndReverses() {
        var state = loaded()
        _ = state.apply(.cycleSort)
        #expect(state.sort == SortOrder(column: .status))
        let categories = state.list.visible.map { state.list.rows[$0].category }
        #expect(categories == categories.sorted())
        _ = state.apply(.reverseSort)
        #expect(state.list.visible.map { state.list.rows[$0].category } == categories.sorted().reversed())
        _ = state.apply(.sort(by: .amount))
        let amounts = state.list.visible.map { state.list.rows[$0].amountFen }
        #expect(amounts == amounts.sorted())
        // Ties keep the server's order.
        let firstTie = state.list.visible.prefix { state.list.rows[$0].amountFen == amounts[0] }
        #expect(Array(firstTie) == firstTie.sorted())
        _ = state.apply(.sort(by: .amount))
        #expect(state.sort.isDescending)
        #expect(state.columns.first { $0.column == .amount }?.sortDirection == .descending)
        #expect(state.header.sortText == "sort: Amount descending")
    }

    @Test func sortKeepsTheSelectedCoupon() {
        var state = loaded()
        _ = state.apply(.move(.down))
        _ = state.apply(.move(.down))
        let selected = state.selectedRow?.id
        _ = state.apply(.sort(by: .couponID))
        _ = state.apply(.reverseSort)
        #expect(state.selectedRow?.id == selected)
    }

    @Test func detailFocusScrollsTheDetail() {
        var state = loaded()
        _ = state.apply(.move(.down))
        _ = state.apply(.openDetail)
        #expect(state.focus == .detail)
        let selection = state.list.selection
        _ = state.apply(.move(.down))
        #expect(state.list.selection == selection, "the list stays put")
        #expect(state.detailScroll == 1)
        _ = state.apply(.move(.last))
        #expect(state.detailScroll == max(0, state.detailLines.count - state.layout.detailViewportRows))
        _ = state.apply(.back)
        #expect(state.focus == .list)
    }

    @Test func fullScreenDetailTakesTheBody() {
        var state = loaded()
        _ = state.apply(.toggleDetailFullScreen)
        #expect(state.layout.detailPlacement == .fullScreen)
        #expect(state.focus == .detail)
        _ = state.apply(.back)
        #expect(state.layout.detailPlacement != .fullScreen)
        #expect(state.focus == .list)
    }

    @Test func copiesTheSelectedIDs() {
        var state = loaded()
        #expect(state.apply(.copyCouponID) == [.copyToClipboard("100", target: .couponID)])
        #expect(state.notice?.text == "copied coupon id 100")
        #expect(state.apply(.copyTransactionID).isEmpty)
        #expect(state.notice?.text == "this coupon has no transaction id (not used)")
        _ = state.apply(.move(.down))
        #expect(
            state.apply(.copyTransactionID) == [
                .copyToClipboard("4200000000202612011234567890", target: .transactionID)
            ]
        )
        _ = state.apply(.move(.down))
        #expect(state.notice == nil, "a key press clears the notice")
    }

    @Test func copyNeverCarriesEscapes() {
        var state = CouponFixtures.state()
        let server = FakeServer(coupons: [CouponFixtures.coupon(id: "12\u{1B}]52;c;AAAA\u{07}34")])
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: server)
        guard case .copyToClipboard(let text, _)? = state.apply(.copyCouponID).first else {
            Issue.record("no copy")
            return
        }
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func emptyAnswerSaysWhatWasAsked() {
        var state = CouponFixtures.state()
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: FakeServer(coupons: []))
        #expect(
            state.emptyState
                == .noCoupons(
                    message: "no coupons for this user under these filters",
                    asked: "asked: issued by appid=\(CouponFixtures.appid) creator_mchid=1900000109"
                )
        )
        #expect(state.statusLine.segments.first?.text == "page 1 of 1 · 0 of 0")
    }

    @Test func beforeAnyLookupTheListSaysSo() {
        var state = CouponFixtures.state()
        #expect(state.emptyState == .noLookup(message: "no user looked up yet"))
        #expect(state.apply(.nextPage).isEmpty)
        #expect(state.notice?.text == "look up a user first")
        #expect(state.apply(.refresh).isEmpty)
    }

    @Test func languageSwitchRelabelsRows() {
        var state = loaded()
        #expect(state.list.rows.first?.status.text == "usable")
        _ = state.apply(.setLanguage(.chinese))
        #expect(state.list.rows.first?.status.text == "可用")
        #expect(state.columns.first?.title == "状态")
    }
}
