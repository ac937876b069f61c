import CouponBrowser
import CouponCore

/// A browser with every page of one user fetched, verified and cached, as an agent would leave it.
struct LoadedBrowser: Sendable {
    /// The state, back on the first page with the first row selected.
    var state: BrowserState
    /// The pages fetched.
    var pageCount: Int
    /// The coupons in all the pages fetched.
    var couponCount: Int
    /// `total_count` of the answers.
    var totalCount: Int
}

/// Loads a user into a browser the way the front end does.
///
/// Intents go through a `BrowserDriver` and pages come from the real client.
enum BrowserLoader {
    /// Looks `openid` up and walks `n` page by page until every page (or `maximumPages`) is cached.
    static func load(
        openid: String,
        connection: SandboxConnection,
        size: TerminalSize,
        pageSize: Int = CouponQuery.maximumLimit,
        maximumPages: Int = .max
    ) async throws(BenchError) -> LoadedBrowser {
        let configuration = BrowserConfiguration(
            callerMchid: connection.mchid,
            appids: [connection.appid],
            pageSize: pageSize
        )
        let initial = BrowserState(
            configuration: configuration,
            size: size,
            now: BrowserDriver.systemClock()
        )
        let driver = BrowserDriver(state: initial, fetcher: CouponClient(configuration: connection.clientConfiguration))

        await driver.send(.lookup(LookupRequest(openid: openid, appid: connection.appid)))
        await driver.waitUntilIdle()
        var state = await driver.state
        try check(state, page: 0)
        guard let pageCount = state.pageCount else {
            throw .failed("the first page of \(openid) did not say how many coupons there are")
        }
        var couponCount = state.list.rows.count
        let pagesToLoad = min(pageCount, max(1, maximumPages))
        for page in 1..<max(1, pagesToLoad) {
            await driver.send(.nextPage)
            await driver.waitUntilIdle()
            state = await driver.state
            try check(state, page: page)
            couponCount += state.list.rows.count
        }

        await driver.send(.firstPage)
        await driver.waitUntilIdle()
        state = await driver.state
        try check(state, page: 0)
        return LoadedBrowser(
            state: state,
            pageCount: pagesToLoad,
            couponCount: couponCount,
            totalCount: state.pageSummary?.total ?? couponCount
        )
    }

    private static func check(_ state: BrowserState, page: Int) throws(BenchError) {
        if let error = state.error {
            throw .failed("page \(page + 1) did not load: \(error.report.code) \(error.report.message)")
        }
        guard state.pageSummary?.page == page + 1, !state.list.rows.isEmpty else {
            throw .failed("page \(page + 1) is not on screen after its answer came")
        }
    }
}
