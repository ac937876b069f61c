import CouponCore
import Testing

@testable import CouponBrowser

@Suite struct PagingTests {
    let server = FakeServer(coupons: (0..<137).map { CouponFixtures.coupon(id: String(50_000 + $0)) })

    @Test func lookupAsksForTheFirstPageIssuedByTheCaller() throws {
        var state = CouponFixtures.state()
        let effects = state.apply(.lookup(CouponFixtures.lookup()))
        let request = try #require(BrowserState.fetches(effects).first)
        #expect(effects.count == 1)
        #expect(request.page == 0)
        #expect(request.purpose == .show)
        let parameters = request.query.parameters(callerMchid: CouponFixtures.callerMchid)
        #expect(parameters.map(\.name) == ["appid", "creator_mchid", "offset", "limit"])
        #expect(request.query.creatorMchid == CouponFixtures.callerMchid)
        #expect(request.query.offset == 0 && request.query.limit == 20)
        #expect(state.isLoading)
        #expect(state.emptyState == .loading(message: "loading…"))
    }

    @Test func statusLineSaysPageOfPagesAndRowRange() {
        var state = CouponFixtures.state()
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: server)
        #expect(state.statusLine.segments.first?.text == "page 1 of 7 · 1–20 of 137")

        state.answerAll(state.apply(.nextPage), from: server)
        state.answerAll(state.apply(.nextPage), from: server)
        #expect(
            state.pageSummary
                == PageSummary(
                    page: 3,
                    pageCount: 7,
                    firstRow: 41,
                    lastRow: 60,
                    total: 137,
                    isWholeAnswer: false,
                    receivedAt: CouponFixtures.now,
                    isStale: false
                )
        )
        #expect(state.statusLine.segments.first?.text == "page 3 of 7 · 41–60 of 137")
        #expect(state.list.rows.first?.id == "50040")

        state.answerAll(state.apply(.lastPage), from: server)
        #expect(state.statusLine.segments.first?.text == "page 7 of 7 · 121–137 of 137")
    }

    @Test func chineseStatusLineSaysTheSame() {
        var state = CouponFixtures.state(language: .chinese)
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: server)
        #expect(state.statusLine.segments.first?.text == "第 1/7 页 · 1–20 / 共 137 条")
    }

    @Test func oldRowsStayVisibleWhileTheNextPageLoads() throws {
        var state = CouponFixtures.state()
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: server)
        let effects = state.apply(.nextPage)
        let request = try #require(BrowserState.fetches(effects).first)
        #expect(request.page == 1 && request.query.offset == 1)
        #expect(state.list.rows.first?.id == "50000")
        #expect(state.isLoading)
        #expect(state.statusLine.segments.contains(StatusSegment(kind: .loading, text: "loading page 2…")))
        #expect(state.statusLine.isLoading)

        _ = state.apply(.pageLoaded(request.id, server.answer(request.query)))
        #expect(state.list.rows.first?.id == "50020")
        #expect(!state.isLoading)
    }

    @Test func selectionNearTheEndPrefetchesTheNextPage() throws {
        var state = CouponFixtures.state(prefetchDistance: 5)
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: server)
        for _ in 0..<14 {
            #expect(BrowserState.fetches(state.apply(.move(.down))).isEmpty)
        }
        // Row 15 of 20 leaves four below it, nearer than the distance of five.
        let prefetch = try #require(BrowserState.fetches(state.apply(.move(.down))).first)
        #expect(prefetch.page == 1 && prefetch.purpose == .prefetch)
        #expect(!state.isLoading && state.isPrefetching)
        #expect(BrowserState.fetches(state.apply(.move(.down))).isEmpty, "not asked twice")

        _ = state.apply(.pageLoaded(prefetch.id, server.answer(prefetch.query)))
        #expect(state.list.rows.first?.id == "50000", "a prefetched page is not shown by itself")
        #expect(state.isCached(page: 1))

        let effects = state.apply(.nextPage)
        #expect(effects.isEmpty, "the next page comes from the cache")
        #expect(state.list.rows.first?.id == "50020")
        #expect(state.list.selection == 0)
    }

    @Test func pagingBeforeThePrefetchArrivesShowsItWhenItComes() throws {
        var state = CouponFixtures.state(prefetchDistance: 30)
        let first = state.apply(.lookup(CouponFixtures.lookup()))
        let prefetch = try #require(BrowserState.fetches(state.answerOnce(first, from: server)).first)
        #expect(prefetch.purpose == .prefetch)
        #expect(state.apply(.nextPage).isEmpty, "the prefetch in flight is promoted, not asked again")
        #expect(state.isLoading)
        _ = state.apply(.pageLoaded(prefetch.id, server.answer(prefetch.query)))
        #expect(state.list.rows.first?.id == "50020")
    }

    @Test func pagingPastEitherEndSaysSo() {
        var state = CouponFixtures.state()
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: server)
        #expect(state.apply(.previousPage).isEmpty)
        #expect(state.notice?.text == "already on the first page")
        state.answerAll(state.apply(.lastPage), from: server)
        #expect(state.apply(.nextPage).isEmpty)
        #expect(state.notice?.text == "already on the last page")
        state.answerAll(state.apply(.firstPage), from: server)
        #expect(state.pageSummary?.page == 1)
    }

    @Test func usableAtAnswersInOnePage() throws {
        var state = CouponFixtures.state()
        let effects = state.apply(.lookup(CouponFixtures.lookup(mode: .usableAt)))
        let request = try #require(BrowserState.fetches(effects).first)
        let names = request.query.parameters(callerMchid: CouponFixtures.callerMchid).map(\.name)
        #expect(names == ["appid", "available_mchid"])
        state.answerAll(effects, from: server)
        #expect(state.list.rows.count == 137)
        #expect(state.pageSummary?.isWholeAnswer == true)
        #expect(state.statusLine.segments.first?.text == "all 137 in one answer")
        #expect(state.apply(.nextPage).isEmpty)
        #expect(state.notice?.text == "usable-at answers come in one page")
        for _ in 0..<200 { #expect(BrowserState.fetches(state.apply(.move(.down))).isEmpty) }
    }

    @Test func pagesAreCachedPerQuery() {
        var state = CouponFixtures.state()
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: server)
        #expect(BrowserState.fetches(state.apply(.toggleStatus(.expired))).isEmpty, "filtered here")
        let only = state.apply(.toggleStatus(.other))
        #expect(BrowserState.fetches(only).map(\.query.status) == ["USED"], "a new query is fetched")
        state.answerAll(only, from: server)
        let back = state.apply(.toggleStatus(.other))
        #expect(BrowserState.fetches(back).isEmpty, "the earlier query is served from its cache")
        #expect(state.list.rows.count == 20)
        #expect(!state.isShowingPreviousQuery)
    }

    @Test func refreshDropsTheCacheAndKeepsTheSelection() throws {
        var state = CouponFixtures.state()
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: server)
        _ = state.apply(.move(.down))
        _ = state.apply(.move(.down))
        let selected = state.selectedRow?.id
        let effects = state.apply(.refresh)
        let request = try #require(BrowserState.fetches(effects).first)
        #expect(request.page == 0 && request.purpose == .show)
        #expect(state.list.rows.count == 20, "old rows stay while refreshing")
        _ = state.apply(.pageLoaded(request.id, server.answer(request.query)))
        #expect(state.selectedRow?.id == selected)
    }

    @Test func latencyAndVerificationOfTheShownDataAreReported() {
        var state = CouponFixtures.state()
        state.answerAll(state.apply(.lookup(CouponFixtures.lookup())), from: server)
        let segments = state.statusLine.segments
        #expect(segments.contains(StatusSegment(kind: .latency, text: "42 ms")))
        #expect(segments.contains(StatusSegment(kind: .verified, text: "verified PUB_KEY_ID_0114232024112100000")))
        #expect(state.lastAnswer?.requestID == "08F78BB5AF0D11EE0")
    }
}

@Suite struct HostilePagingTests {
    @Test func anAbsurdTotalCountDoesNotTrap() throws {
        var state = CouponFixtures.state()
        let request = try #require(BrowserState.fetches(state.apply(.lookup(CouponFixtures.lookup()))).first)
        let page = CouponPage(
            totalCount: Int.max,
            offset: 0,
            limit: 20,
            coupons: [CouponFixtures.coupon(id: "1")]
        )
        let response = CouponListResponse(query: request.query, page: page, target: "", verifiedBySerial: "S")
        _ = state.apply(.pageLoaded(request.id, response))
        #expect(state.pageCount == Int.max / 20 + 1)
        let last = try #require(BrowserState.fetches(state.apply(.lastPage)).first)
        #expect(last.page == Int.max / 20)
        let lastPage = CouponPage(
            totalCount: Int.max,
            offset: last.page,
            limit: 20,
            coupons: [CouponFixtures.coupon(id: "2")]
        )
        _ = state.apply(
            .pageLoaded(
                last.id,
                CouponListResponse(query: last.query, page: lastPage, target: "", verifiedBySerial: "S")
            )
        )
        let summary = try #require(state.pageSummary)
        #expect(summary.lastRow >= summary.firstRow)
        #expect(summary.page == Int.max / 20 + 1)
    }
}
