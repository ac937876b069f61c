import CouponBrowser
import CouponCore
import Testing

@testable import CouponTUI

/// Whole screens of the demo data at the three sizes the issue names, in colour and monochrome.
@Suite struct PainterSnapshotTests {
    private func paint(_ frontEnd: FrontEnd, mode: ColorMode = .basic) -> ScreenGrid {
        Painter(colorMode: mode).paint(frontEnd.browser, frontEnd.screen)
    }

    private func pressing(_ keys: [Key], on frontEnd: FrontEnd) -> FrontEnd {
        var copy = frontEnd
        _ = copy.handle(keys)
        return copy
    }

    @Test func listAt80x24InColour() {
        let frontEnd = DemoCoupons.loaded(columns: 80, rows: 24)
        Snapshot.check(paint(frontEnd), named: "list-80x24-color")
    }

    @Test func listAt80x24InMonochrome() {
        let frontEnd = DemoCoupons.loaded(columns: 80, rows: 24)
        Snapshot.check(paint(frontEnd, mode: .monochrome), named: "list-80x24-mono")
    }

    @Test func usedCouponWithGoodsBesideTheListAt120x40InChinese() {
        let frontEnd = pressing(
            [.character("j"), .character("j")],
            on: DemoCoupons.loaded(columns: 120, rows: 40, language: .chinese)
        )
        Snapshot.check(paint(frontEnd, mode: .extended), named: "detail-beside-120x40-zh-256")
    }

    @Test func usedCouponWithGoodsAt120x40InMonochrome() {
        let frontEnd = pressing(
            [.character("j"), .character("j"), .enter],
            on: DemoCoupons.loaded(columns: 120, rows: 40)
        )
        Snapshot.check(paint(frontEnd, mode: .monochrome), named: "detail-focused-120x40-mono")
    }

    @Test func smallTerminalAt60x16InColour() {
        let frontEnd = DemoCoupons.loaded(columns: 60, rows: 16, language: .chinese)
        Snapshot.check(paint(frontEnd), named: "list-60x16-zh-color")
    }

    @Test func smallTerminalAt60x16InMonochrome() {
        let frontEnd = pressing([.character("G")], on: DemoCoupons.loaded(columns: 60, rows: 16))
        Snapshot.check(paint(frontEnd, mode: .monochrome), named: "list-60x16-mono")
    }

    @Test func fullScreenDetailAt80x24() {
        let frontEnd = pressing(
            [.character("j"), .character("j"), .character("f")],
            on: DemoCoupons.loaded(columns: 80, rows: 24, language: .chinese)
        )
        Snapshot.check(paint(frontEnd), named: "detail-fullscreen-80x24-zh")
    }

    @Test func asciiModeAt80x24() {
        let frontEnd = pressing(
            [.character("2"), .character("s")],
            on: DemoCoupons.loaded(columns: 80, rows: 24, ascii: true)
        )
        Snapshot.check(paint(frontEnd, mode: .monochrome), named: "list-80x24-ascii-mono")
    }

    @Test func textFilterWhileTyping() {
        let frontEnd = pressing(
            [.character("/"), .character("满"), .character("减")],
            on: DemoCoupons.loaded(columns: 80, rows: 24)
        )
        Snapshot.check(paint(frontEnd), named: "filter-typing-80x24")
    }

    @Test func lookupPromptWithSuggestions() {
        var frontEnd = FrontEnd(
            browser: BrowserState(
                configuration: DemoCoupons.configuration(language: .english),
                size: TerminalSize(columns: 80, rows: 24),
                now: DemoCoupons.now
            ),
            screen: ScreenState(suggestions: DemoCoupons.suggestions)
        )
        frontEnd.send(.openLookupPrompt)
        _ = frontEnd.handle([.control("n"), .control("n")])
        Snapshot.check(paint(frontEnd), named: "prompt-80x24")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theScreenBehindTheLookupPromptIsDimmedWhole(columns: Int, rows: Int) throws {
        var frontEnd = DemoCoupons.loaded(columns: columns, rows: rows)
        frontEnd.send(.openLookupPrompt)
        let theme = Theme(mode: .basic)
        let grid = paint(frontEnd)
        let boxRows = grid.textLines.indices.filter { grid.textLines[$0].contains("Look up") }
        let top = try #require(boxRows.first)
        let corners = grid.textLines.indices.filter { grid.textLines[$0].contains("┘") }
        let bottom = try #require(corners.last)
        let left = (0..<columns).first { grid[$0, top].grapheme == "┌" } ?? -1
        if columns == 80 {
            // A one-column margin would show stray pieces of the list header and the detail rule.
            #expect(left == 0)
        }
        for y in 0..<(rows - 1) {
            for x in 0..<columns {
                let insideBox = y >= top && y <= bottom && x >= left && x < columns - left
                guard !insideBox else { continue }
                #expect(grid[x, y].style == theme.style(.backdrop), "cell \(x),\(y)")
            }
        }
    }

    @Test func helpOverlayAt120x40() {
        let frontEnd = pressing([.character("?")], on: DemoCoupons.loaded(columns: 120, rows: 40))
        Snapshot.check(paint(frontEnd), named: "help-120x40")
    }

    @Test func helpOverlayAt80x24InChinese() {
        let frontEnd = pressing([.function(1)], on: DemoCoupons.loaded(columns: 80, rows: 24, language: .chinese))
        Snapshot.check(paint(frontEnd, mode: .monochrome), named: "help-80x24-zh-mono")
    }

    @Test func tooSmallTerminalAsksToEnlargeIt() {
        let frontEnd = DemoCoupons.loaded(columns: 30, rows: 8)
        Snapshot.check(paint(frontEnd), named: "too-small-30x8")
    }
}

/// Loading, errors and the empty list, each as the agent sees it.
@Suite struct PainterStateSnapshotTests {
    private func paint(_ frontEnd: FrontEnd, mode: ColorMode = .basic) -> ScreenGrid {
        Painter(colorMode: mode).paint(frontEnd.browser, frontEnd.screen)
    }

    /// The demo page loaded, then `n` pressed: the second page's request, not yet answered.
    private func waitingForPageTwo(language: Language = .english) -> (FrontEnd, FetchRequest?) {
        var frontEnd = DemoCoupons.loaded(columns: 80, rows: 24, language: language)
        let request = frontEnd.handle([.character("n")]).compactMap { action -> FetchRequest? in
            if case .fetch(let request) = action, request.purpose == .show { return request }
            return nil
        }.first
        return (frontEnd, request)
    }

    @Test func spinnerTurnsWhileThePreviousRowsStayVisible() throws {
        var (frontEnd, request) = waitingForPageTwo()
        _ = try #require(request)
        frontEnd.advanceSpinner()
        Snapshot.check(paint(frontEnd), named: "loading-page-2-80x24")
    }

    @Test func rateLimitErrorShowsCodeAndRequestIDAboveTheStatusLine() throws {
        var (frontEnd, pending) = waitingForPageTwo(language: .chinese)
        let request = try #require(pending)
        let error = APIError(
            statusCode: 429,
            code: "RATELIMIT_EXCEEDED",
            message: "请求频率超过限制",
            requestID: "08F4D1B6A80610EA8C0118C0A8011F21"
        )
        frontEnd.send(.pageFailed(request.id, .api(error)))
        #expect(frontEnd.keyContext == .list)
        Snapshot.check(paint(frontEnd), named: "error-band-80x24-zh")
    }

    @Test func forgedAnswerOpensTheErrorDialog() throws {
        var (frontEnd, request) = try DemoCoupons.lookingUp()
        let failure = CouponClientError.verification(
            .signatureMismatch(serial: "PUB_KEY_ID_0114232134912410000000000000"),
            requestID: "08F4D1B6A80610EA8C0118C0A8011F22"
        )
        frontEnd.send(.pageFailed(request.id, failure))
        #expect(frontEnd.keyContext == .dialog)
        Snapshot.check(paint(frontEnd), named: "error-dialog-80x24")
        Snapshot.check(paint(frontEnd, mode: .monochrome), named: "error-dialog-80x24-mono")
    }

    @Test func userWithoutCouponsSaysWhatWasAsked() {
        let frontEnd = DemoCoupons.loaded(
            columns: 80,
            rows: 24,
            page: DemoCoupons.page(count: 0, total: 0)
        )
        Snapshot.check(paint(frontEnd), named: "no-coupons-80x24")
    }
}

@Suite struct PainterNoticeSnapshotTests {
    @Test func auditFailureShowsOnTheStatusLineBesideTheBrowsersOwnNotice() {
        var frontEnd = DemoCoupons.loaded(columns: 100, rows: 24)
        _ = frontEnd.handle([.character("y")])
        frontEnd.post(notice: "audit log /var/lib/coupondesk/audit.log: Permission denied")
        let grid = Painter(colorMode: .basic).paint(frontEnd.browser, frontEnd.screen)
        Snapshot.check(grid, named: "notices-100x24")
        #expect(grid.textLines[22].contains("copied coupon id 98065001"))
        #expect(grid.textLines[22].contains("audit log"))
    }
}
