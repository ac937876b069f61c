import CouponCore
import Testing

@testable import CouponBrowser

/// What a support agent reads off the screen is never more than the browser knows.
@Suite struct ScreenTruthTests {
    let paged = FakeServer(coupons: CouponFixtures.mixed(45))

    func loaded(
        _ server: FakeServer,
        mode: QueryMode = .issuedBy,
        pageSize: Int = 20,
        viewerZone: DisplayTimeZone = .shanghai,
        language: Language = .english
    ) -> BrowserState {
        var state = CouponFixtures.state(
            language: language,
            pageSize: pageSize,
            prefetchDistance: 0,
            viewerZone: viewerZone
        )
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup(mode: mode))), from: server)
        return state
    }

    func count(_ state: BrowserState, _ category: StatusCategory) -> Int?? {
        state.statusToggles.first { $0.category == category }.map(\.count)
    }

    // MARK: - Counts

    /// API: creator_mchid answers hold every status except expired, so "expired 0" would be a guess.
    @Test func issuedByGivesNoExpiredCount() {
        let state = loaded(FakeServer(coupons: CouponFixtures.mixed(12)))
        #expect(count(state, .expired) == .some(nil))
        #expect(count(state, .usable) == 6 && count(state, .used) == 3 && count(state, .other) == 0)
    }

    /// API: available_mchid answers hold usable coupons only.
    @Test func usableAtCountsOnlyUsableCoupons() {
        let state = loaded(FakeServer(coupons: CouponFixtures.mixed(12)), mode: .usableAt)
        #expect(count(state, .usable) == 6)
        for category in [StatusCategory.used, .expired, .other] {
            #expect(count(state, category) == .some(nil), "\(category)")
        }
    }

    @Test func rowsTheQueryShouldNotReturnAreStillCounted() throws {
        var state = CouponFixtures.state()
        let request = try #require(BrowserState.fetches(state.apply(.lookup(CouponFixtures.lookup()))).first)
        let coupons = [
            CouponFixtures.coupon(id: "1", status: "EXPIRED", ends: CouponFixtures.time(days: -1)),
            CouponFixtures.coupon(id: "2"),
        ]
        let answer = CouponListResponse(
            query: request.query,
            page: CouponPage(totalCount: 2, offset: 0, limit: 20, coupons: coupons),
            target: "/v3/marketing/favor/users/x/coupons",
            verifiedBySerial: "PUB_KEY_ID_1"
        )
        _ = state.apply(.pageLoaded(request.id, answer))
        #expect(count(state, .expired) == 1)
        _ = state.apply(.toggleStatus(.expired))
        #expect(state.localFilter.filtersStatus, "the toggle hides a row that came")
        #expect(state.list.shownCount == 1)
    }

    @Test func countsSortAndFilterSayTheyCoverThisPageOnly() {
        var state = loaded(paged)
        #expect(state.pageSummary?.pageCount == 2)
        #expect(state.statusToggles.allSatisfy { $0.countsThisPageOnly })
        #expect(state.header.notes.contains("counts and sort: this page only"))
        _ = state.apply(.toggleStatus(.used))
        _ = state.apply(.toggleStatus(.other))
        _ = state.apply(.setTextFilter("券 1"))
        let filtered = state.statusLine.segments.first { $0.kind == .localFilter }?.text
        #expect(filtered?.hasSuffix(" on this page") == true)
        _ = state.apply(.setTextFilter("nothing like this"))
        #expect(
            state.emptyState
                == .allHidden(
                    message: "all 20 rows on this page are hidden by the filters here; other pages are not searched"
                )
        )

        let chinese = loaded(paged, language: .chinese)
        #expect(chinese.header.notes.contains("计数和排序仅限本页"))
    }

    @Test func aSinglePageMakesNoSuchClaim() {
        let state = loaded(paged, pageSize: 50)
        #expect(state.pageSummary?.holdsEveryRow == true)
        #expect(!state.statusToggles.contains { $0.countsThisPageOnly })
        #expect(!state.header.notes.contains("counts and sort: this page only"))
    }

    // MARK: - Rows from elsewhere

    @Test func previousResultsStayMarkedWhenTheNewQueryFails() throws {
        var state = loaded(paged)
        _ = state.apply(.toggleStatus(.expired))
        let effects = state.apply(.toggleStatus(.other))
        let request = try #require(BrowserState.fetches(effects).first)
        #expect(request.query.status == "USED")
        #expect(state.statusLine.segments.contains { $0.kind == .previous })
        _ = state.apply(.pageFailed(request.id, .transport(.timedOut(seconds: 10))))
        #expect(state.isShowingPreviousQuery)
        #expect(
            state.statusLine.segments.contains(StatusSegment(kind: .previous, text: "showing the previous results"))
        )
        let error = try #require(state.statusLine.segments.first { $0.kind == .error }?.text)
        #expect(error.hasPrefix("page 1 not loaded: "), "the rows on screen are not the page that failed")
    }

    @Test func aFailedRefreshKeepsSayingWhereTheRowsCameFrom() throws {
        var state = loaded(paged)
        let before = state.statusLine.segments.first { $0.kind == .page }
        let effects = state.apply(.refresh)
        let request = try #require(BrowserState.fetches(effects).first)
        _ = state.apply(.tick(secondsSince1970: CouponFixtures.now + 300))
        _ = state.apply(.pageFailed(request.id, .transport(.timedOut(seconds: 10))))
        #expect(state.list.rows.count == 20)
        let page = try #require(state.statusLine.segments.first { $0.kind == .page })
        #expect(page.text == (before?.text ?? "") + " · as of 12:00:00", "old rows say how old they are")
        #expect(state.statusLine.segments.contains { $0.kind == .verified })
        let error = try #require(state.statusLine.segments.first { $0.kind == .error }?.text)
        #expect(!error.hasPrefix("page"), "the page that failed is the one on screen: \(error)")
    }

    @Test func aCachedPageSaysHowOldItIs() {
        var state = loaded(paged)
        state.answerAll(state.apply(.nextPage), from: paged)
        _ = state.apply(.tick(secondsSince1970: CouponFixtures.now + 600))
        #expect(state.apply(.previousPage).isEmpty, "page 1 comes from the cache")
        #expect(state.statusLine.segments.first?.text == "page 1 of 2 · 1–20 of 34 · as of 12:00:00")
    }

    // MARK: - Times and messages

    @Test func theHeaderNamesTheZoneWhenItIsNotTheViewers() {
        #expect(loaded(paged, viewerZone: .utc).header.notes.contains("times in Asia/Shanghai (+08:00)"))
        #expect(loaded(paged, viewerZone: .utc, language: .chinese).header.notes.contains("时间按 Asia/Shanghai（+08:00）"))
        #expect(!loaded(paged).header.notes.contains { $0.hasPrefix("times in") })
    }

    @Test func promptErrorsCarryNoControlCharacters() throws {
        var state = CouponFixtures.state()
        _ = state.apply(.lookup(LookupRequest(openid: "o\u{1B}[2Jx", appid: CouponFixtures.appid)))
        let invalid = try #require(state.prompt.error)
        #expect(!invalid.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })

        _ = state.apply(.openLookupPrompt)
        _ = state.apply(.editLookup(.insert(CouponFixtures.openid)))
        let request = try #require(BrowserState.fetches(state.apply(.submitLookup)).first)
        let failure = CouponClientError.api(
            APIError(statusCode: 400, code: "PARAM_ERROR", message: "bad\u{1B}]52;c;eA==\u{07}", requestID: "R")
        )
        _ = state.apply(.pageFailed(request.id, failure))
        let failed = try #require(state.prompt.error)
        #expect(state.prompt.isOpen)
        #expect(failed.hasPrefix("PARAM_ERROR: bad"))
        #expect(!failed.unicodeScalars.contains { $0.value < 0x20 })
    }
}
