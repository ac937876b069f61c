import CouponCore
import Testing

@testable import CouponBrowser

@Suite struct LookupPromptTests {
    let server = FakeServer(coupons: CouponFixtures.mixed(5))

    @Test func typingAndEnterLooksUpTheOpenid() throws {
        var state = CouponFixtures.state()
        _ = state.apply(.openLookupPrompt)
        #expect(state.focus == .lookupPrompt && state.prompt.isOpen)
        #expect(!state.prompt.asksForAppid)
        _ = state.apply(.editLookup(.paste("  \(CouponFixtures.openid)\n")))
        let effects = state.apply(.submitLookup)
        let request = try #require(BrowserState.fetches(effects).first)
        #expect(request.query.openid == CouponFixtures.openid)
        #expect(request.query.appid == CouponFixtures.appid)
        #expect(!state.prompt.isOpen && state.focus == .list)
        #expect(state.header.openid == CouponFixtures.openid)
    }

    @Test func anInvalidOpenidKeepsThePromptOpenWithTheReason() {
        var state = CouponFixtures.state()
        _ = state.apply(.openLookupPrompt)
        _ = state.apply(.editLookup(.insert("o/bad")))
        #expect(state.apply(.submitLookup).isEmpty)
        #expect(state.prompt.isOpen && state.focus == .lookupPrompt)
        #expect(state.prompt.openid.text == "o/bad")
        #expect(state.prompt.error?.contains("openid contains '/'") == true)

        _ = state.apply(.editLookup(.clear))
        #expect(state.prompt.error == nil)
        #expect(state.apply(.submitLookup).isEmpty)
        #expect(state.prompt.error?.contains("openid is empty") == true)
    }

    @Test func aFailedFirstAnswerReopensThePromptWithWhatWasTyped() throws {
        var state = CouponFixtures.state()
        _ = state.apply(.openLookupPrompt)
        _ = state.apply(.editLookup(.insert("oFaultUser")))
        let request = try #require(BrowserState.fetches(state.apply(.submitLookup)).first)
        let failure = CouponClientError.api(
            APIError(statusCode: 400, code: "INVALID_REQUEST", message: "appid与openid不匹配", requestID: "REQ-1")
        )
        _ = state.apply(.pageFailed(request.id, failure))
        #expect(state.prompt.isOpen && state.focus == .lookupPrompt)
        #expect(state.prompt.openid.text == "oFaultUser")
        #expect(state.prompt.error?.hasPrefix("INVALID_REQUEST") == true)
        #expect(state.error?.report.requestID == "REQ-1")
    }

    @Test func historyRemembersLookupsOfTheSession() {
        var state = CouponFixtures.state()
        for openid in ["oFirst", "oSecond"] {
            _ = state.apply(.openLookupPrompt)
            _ = state.apply(.editLookup(.clear))
            _ = state.apply(.editLookup(.insert(openid)))
            state.answerAll(state.apply(.submitLookup), from: server)
        }
        _ = state.apply(.openLookupPrompt)
        #expect(state.prompt.openid.text == "oSecond", "what was typed last is kept")
        _ = state.apply(.editLookup(.clear))
        _ = state.apply(.editLookup(.historyPrevious))
        #expect(state.prompt.openid.text == "oSecond")
        _ = state.apply(.editLookup(.historyPrevious))
        #expect(state.prompt.openid.text == "oFirst")
        _ = state.apply(.editLookup(.historyNext))
        _ = state.apply(.editLookup(.historyNext))
        #expect(state.prompt.openid.text == "")
        _ = state.apply(.back)
        #expect(!state.prompt.isOpen)
    }

    @Test func severalAppidsAreAskedFor() throws {
        var state = CouponFixtures.state(appids: ["wxaaaaaaaaaaaaaaaa", "wxbbbbbbbbbbbbbbbb"])
        _ = state.apply(.openLookupPrompt)
        #expect(state.prompt.asksForAppid)
        _ = state.apply(.editLookup(.insert("oUser")))
        _ = state.apply(.switchLookupField)
        #expect(state.prompt.field == .appid)
        #expect(state.prompt.appid.text == "wxaaaaaaaaaaaaaaaa")
        _ = state.apply(.editLookup(.historyPrevious))
        _ = state.apply(.editLookup(.historyPrevious))
        #expect(state.prompt.appid.text == "wxaaaaaaaaaaaaaaaa")
        _ = state.apply(.editLookup(.historyNext))
        #expect(state.prompt.appid.text == "wxbbbbbbbbbbbbbbbb")
        let request = try #require(BrowserState.fetches(state.apply(.submitLookup)).first)
        #expect(request.query.appid == "wxbbbbbbbbbbbbbbbb")
    }

    @Test func aNewUserClearsTheRowsOfTheOldOne() {
        var state = CouponFixtures.state()
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: server)
        #expect(!state.list.rows.isEmpty)
        _ = state.apply(.lookup(LookupRequest(openid: "oSomeoneElse", appid: CouponFixtures.appid)))
        #expect(state.list.rows.isEmpty, "never show one user's coupons under another's openid")
        #expect(state.emptyState == .loading(message: "loading…"))
    }
}
