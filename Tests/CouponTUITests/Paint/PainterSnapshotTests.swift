import CouponBrowser
import CouponCore
import Testing

@testable import CouponTUI

/// Whole screens of the demo data at the three sizes the issue names, in colour and monochrome.
@Suite struct PainterSnapshotTests {
    private func paint(_ frontEnd: FrontEnd, mode: ColorMode = .basic, ascii: Bool = false) -> ScreenGrid {
        Painter(colorMode: mode, ascii: ascii).paint(frontEnd.browser, frontEnd.screen)
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
        let frontEnd = pressing([.character("2"), .character("s")], on: DemoCoupons.loaded(columns: 80, rows: 24))
        Snapshot.check(paint(frontEnd, mode: .monochrome, ascii: true), named: "list-80x24-ascii-mono")
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
