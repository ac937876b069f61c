import CouponCore
import Testing

@testable import CouponBrowser

@Suite struct ErrorStateTests {
    let server = FakeServer(coupons: (0..<45).map { CouponFixtures.coupon(id: String(7000 + $0)) })

    @Test func anAPIErrorShowsCodeRequestIDAndVerification() throws {
        var state = CouponFixtures.state()
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: server)
        let request = try #require(BrowserState.fetches(state.apply(.nextPage)).first)
        let failure = CouponClientError.api(
            APIError(
                statusCode: 429,
                code: "RATELIMIT_EXCEEDED",
                message: "超过频率限制",
                requestID: "08F78BB5AF0D11EE8E8B",
                isSignatureVerified: true
            )
        )
        _ = state.apply(.pageFailed(request.id, failure))
        let error = try #require(state.error)
        #expect(error.report.code == "RATELIMIT_EXCEEDED")
        #expect(error.report.requestID == "08F78BB5AF0D11EE8E8B")
        #expect(error.report.isVerified == true)
        #expect(!error.isBlocking)
        #expect(error.page == 2)
        #expect(state.list.rows.first?.id == "7000", "the rows on screen stay")
        #expect(state.requestedPage == 0, "n asks for page 2 again")
        let text = try #require(state.statusLine.segments.first { $0.kind == .error }?.text)
        #expect(text.hasPrefix("page 2 not loaded: RATELIMIT_EXCEEDED: 超过频率限制"), "the rows on screen are page 1")
        #expect(!error.report.explanation.isEmpty && text.contains(error.report.explanation))
        #expect(!error.report.nextStep.isEmpty && text.contains(error.report.nextStep))
        #expect(text.contains("Request-ID 08F78BB5AF0D11EE8E8B"))
        #expect(text.hasSuffix("answer verified"))
        #expect(BrowserState.fetches(state.apply(.nextPage)).first?.page == 1)
    }

    @Test func aVerificationFailureIsBlockingAndShowsNoData() throws {
        var state = CouponFixtures.state()
        let request = try #require(BrowserState.fetches(state.apply(.lookup(CouponFixtures.lookup()))).first)
        _ = state.apply(.pageFailed(request.id, .verification(.signatureProbe, requestID: "R")))
        #expect(state.error?.isBlocking == true)
        #expect(state.error?.report.isVerified == false)
        #expect(state.list.rows.isEmpty)
        #expect(state.emptyState == .failed)
        #expect(!state.statusLine.segments.contains { $0.kind == .verified })
    }

    @Test func aTransportErrorSaysNoAnswerCame() throws {
        var state = CouponFixtures.state()
        let request = try #require(BrowserState.fetches(state.apply(.lookup(CouponFixtures.lookup()))).first)
        _ = state.apply(
            .pageFailed(request.id, .transport(.cannotConnect(host: "api.mch.weixin.qq.com", reason: "refused")))
        )
        let text = try #require(state.statusLine.segments.first { $0.kind == .error }?.text)
        #expect(text.hasSuffix("no answer"))
        _ = state.apply(.back)
        #expect(state.error == nil)
    }

    @Test func aFailedPrefetchStaysQuiet() throws {
        var state = CouponFixtures.state(prefetchDistance: 40)
        let first = state.apply(.lookup(CouponFixtures.lookup()))
        let prefetch = try #require(BrowserState.fetches(state.answerOnce(first, from: server)).first)
        _ = state.apply(.pageFailed(prefetch.id, .transport(.timedOut(seconds: 10))))
        #expect(state.error == nil)
        #expect(BrowserState.fetches(state.apply(.nextPage)).first?.page == 1, "asked again when wanted")
    }

    @Test func errorTextsAreSanitised() throws {
        var state = CouponFixtures.state()
        let request = try #require(BrowserState.fetches(state.apply(.lookup(CouponFixtures.lookup()))).first)
        let failure = CouponClientError.api(
            APIError(statusCode: 400, code: "PARAM\u{1B}[2J", message: "bad\u{07}", requestID: "R\u{1B}]0;x\u{07}")
        )
        _ = state.apply(.pageFailed(request.id, failure))
        let text = try #require(state.statusLine.segments.first { $0.kind == .error }?.text)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
    }
}
