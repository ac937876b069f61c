import CouponCore
import Testing

@testable import CouponBrowser

@Suite struct StaleAnswerTests {
    let server = FakeServer(coupons: CouponFixtures.mixed(40))

    @Test func changingTheQueryCancelsRequestsInFlight() throws {
        var state = CouponFixtures.state()
        let first = try #require(BrowserState.fetches(state.apply(.lookup(CouponFixtures.lookup()))).first)
        let effects = state.apply(.switchQueryMode)
        #expect(effects.first == .cancel(first.id))
        let second = try #require(BrowserState.fetches(effects).first)
        #expect(second.generation > first.generation)
        #expect(state.inFlight.keys.sorted() == [second.id])
    }

    @Test func aLateAnswerToAnOldQueryIsDropped() throws {
        var state = CouponFixtures.state()
        let first = try #require(BrowserState.fetches(state.apply(.lookup(CouponFixtures.lookup()))).first)
        _ = state.apply(.toggleStatus(.expired))
        let second = try #require(BrowserState.fetches(state.apply(.toggleStatus(.other))).first)
        #expect(second.query.status == "USED")

        #expect(state.apply(.pageLoaded(first.id, server.answer(first.query))).isEmpty)
        #expect(state.list.rows.isEmpty, "the old query's rows never reach the screen")
        #expect(state.lastAnswer == nil)

        _ = state.apply(.pageLoaded(second.id, server.answer(second.query)))
        #expect(state.list.rows.count == 20)
        #expect(state.list.source?.key == second.query.page(0))
    }

    @Test func aLateAnswerForAnotherUserIsDropped() throws {
        var state = CouponFixtures.state()
        let first = try #require(BrowserState.fetches(state.apply(.lookup(CouponFixtures.lookup()))).first)
        var other = CouponFixtures.lookup()
        other.openid = "oAnotherUser000000000000000"
        let second = try #require(BrowserState.fetches(state.apply(.lookup(other))).first)
        _ = state.apply(.pageLoaded(first.id, server.answer(first.query)))
        #expect(state.list.rows.isEmpty)
        _ = state.apply(.pageLoaded(second.id, server.answer(second.query)))
        #expect(state.lookup?.openid == "oAnotherUser000000000000000")
        #expect(!state.list.rows.isEmpty)
    }

    @Test func aFailureOfACancelledRequestIsIgnored() throws {
        var state = CouponFixtures.state()
        let first = try #require(BrowserState.fetches(state.apply(.lookup(CouponFixtures.lookup()))).first)
        _ = state.apply(.switchQueryMode)
        let failure = CouponClientError.transport(.timedOut(seconds: 10))
        #expect(state.apply(.pageFailed(first.id, failure)).isEmpty)
        #expect(state.error == nil)
        #expect(state.apply(.pageFailed(RequestID(999), .cancelled)).isEmpty)
    }

    @Test func theSameAnswerTwiceIsTakenOnce() throws {
        var state = CouponFixtures.state()
        let request = try #require(BrowserState.fetches(state.apply(.lookup(CouponFixtures.lookup()))).first)
        _ = state.apply(.pageLoaded(request.id, server.answer(request.query)))
        _ = state.apply(.move(.down))
        _ = state.apply(.pageLoaded(request.id, server.answer(request.query)))
        #expect(state.list.selection == 1, "a duplicate answer does not reset the list")
    }

    @Test func previousRowsAreMarkedWhileTheNewQueryLoads() {
        var state = CouponFixtures.state()
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: server)
        #expect(BrowserState.fetches(state.apply(.toggleStatus(.expired))).isEmpty, "same server query")
        #expect(!BrowserState.fetches(state.apply(.toggleStatus(.other))).isEmpty, "now status=USED")
        #expect(state.isShowingPreviousQuery)
        #expect(state.statusLine.segments.contains { $0.kind == .previous })
        #expect(state.list.visible.allSatisfy { [.usable, .used].contains(state.list.rows[$0].category) })
    }

    @Test func quitCancelsEverything() throws {
        var state = CouponFixtures.state()
        let request = try #require(BrowserState.fetches(state.apply(.lookup(CouponFixtures.lookup()))).first)
        #expect(state.apply(.quit) == [.cancel(request.id), .quit])
    }
}
