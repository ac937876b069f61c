import CouponBrowser
import CouponCore
import Testing

@testable import CouponTUI

@Suite struct FrontEndTests {
    private func loaded() -> FrontEnd {
        DemoCoupons.loaded(columns: 80, rows: 24)
    }

    @Test func pastedSlashQFiltersInsteadOfQuitting() {
        var frontEnd = loaded()
        let actions = frontEnd.handle([.character("/"), .character("q")])
        #expect(!actions.contains(.quit))
        #expect(frontEnd.browser.textFilter == "q")
        #expect(frontEnd.keyContext == .filter)
    }

    @Test func typedChineseNarrowsTheListAsItIsTyped() {
        var frontEnd = loaded()
        _ = frontEnd.handle([.character("/"), .character("满")])
        let shown = frontEnd.browser.list.shownCount
        #expect(shown > 0 && shown < frontEnd.browser.list.rows.count)
        _ = frontEnd.handle([.enter])
        #expect(frontEnd.keyContext == .list)
        #expect(frontEnd.browser.textFilter == "满")
        _ = frontEnd.handle([.character("/"), .escape])
        #expect(frontEnd.browser.textFilter.isEmpty)
    }

    @Test func qQuitsFromTheListAndControlCFromThePrompt() {
        var list = loaded()
        #expect(list.handle([.character("q")]).contains(.quit))

        var prompt = loaded()
        _ = prompt.handle([.character("o")])
        #expect(prompt.keyContext == .prompt)
        #expect(!prompt.handle([.character("q")]).contains(.quit))
        #expect(prompt.handle([.control("c")]).contains(.quit))
    }

    @Test func nextPageAsksTheServerForTheSecondPage() {
        var frontEnd = loaded()
        let actions = frontEnd.handle([.character("n")])
        let pages = actions.compactMap { action -> Int? in
            if case .fetch(let request) = action, request.purpose == .show { return request.query.offset }
            return nil
        }
        #expect(pages == [1])
    }

    @Test func usedToggleAloneAsksForStatusUsed() {
        var frontEnd = loaded()
        // Usable and used on, expired and other off: the narrowest server filter is status=USED.
        let actions = frontEnd.handle([.character("3"), .character("4")])
        let statuses = actions.compactMap { action -> String? in
            if case .fetch(let request) = action { return request.query.status }
            return nil
        }
        #expect(statuses.contains("USED"))
    }

    @Test func helpOpensFromEveryBrowsingKeyAndClosesWithEscape() {
        var frontEnd = loaded()
        _ = frontEnd.handle([.character("?")])
        #expect(frontEnd.keyContext == .help)
        _ = frontEnd.handle([.character("j"), .character("j")])
        #expect(frontEnd.screen.helpScroll == 2)
        _ = frontEnd.handle([.escape])
        #expect(frontEnd.keyContext == .list)
        _ = frontEnd.handle([.function(1)])
        #expect(frontEnd.screen.isHelpOpen)
    }

    @Test func controlLAsksForAFullRepaint() {
        var frontEnd = loaded()
        #expect(frontEnd.handle([.control("l")]) == [.repaint])
    }

    @Test func copyingTheCouponIdSendsItToTheClipboard() {
        var frontEnd = loaded()
        #expect(frontEnd.handle([.character("y")]) == [.copyToClipboard("98065001")])
        _ = frontEnd.handle([.character("j"), .character("j")])
        #expect(frontEnd.handle([.character("Y")]) == [.copyToClipboard("4200001234202611201234567890")])
    }

    @Test func suggestionFillsThePromptAndEnterLooksItUp() {
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
        #expect(frontEnd.browser.prompt.openid.text == "oPaging_140_coupons_demo_user")
        _ = frontEnd.handle([.control("p")])
        #expect(frontEnd.browser.prompt.openid.text == DemoCoupons.openid)
        let actions = frontEnd.handle([.enter])
        let openids = actions.compactMap { action -> String? in
            if case .fetch(let request) = action { return request.query.openid }
            return nil
        }
        #expect(openids == [DemoCoupons.openid])
    }

    @Test func blockingErrorOpensADialogThatEscapeDismissesButTheStatusLineKeeps() throws {
        var (frontEnd, request) = try DemoCoupons.lookingUp()
        frontEnd.send(
            .pageFailed(request.id, .verification(.signatureMismatch(serial: "PUB_KEY_ID_X"), requestID: "R1"))
        )
        #expect(frontEnd.keyContext == .dialog)
        _ = frontEnd.handle([.escape])
        #expect(frontEnd.keyContext == .list)
        #expect(frontEnd.browser.error != nil)
    }

    @Test func noticesFromOutsideLastUntilTheNextKey() {
        var frontEnd = loaded()
        frontEnd.post(notice: "audit log /x: Permission denied")
        #expect(frontEnd.screen.notices.count == 1)
        _ = frontEnd.handle([.character("j")])
        #expect(frontEnd.screen.notices.isEmpty)
    }
}
