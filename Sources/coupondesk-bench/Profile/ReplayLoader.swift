import CouponBrowser
import CouponCore

/// Loads an `AnswerArchive` into a browser in this thread, answering each fetch effect from the archive.
///
/// The browser goes through the same intents as with `BrowserLoader`; only the transport is replaced.
enum ReplayLoader {
    static func load(_ archive: AnswerArchive, size: TerminalSize) throws(BenchError) -> LoadedBrowser {
        let configuration = BrowserConfiguration(
            callerMchid: archive.mchid,
            appids: [archive.appid],
            pageSize: archive.pageSize
        )
        var state = BrowserState(configuration: configuration, size: size, now: BrowserDriver.systemClock())
        var couponCount = 0

        try run(&state, .lookup(LookupRequest(openid: archive.openid, appid: archive.appid)), archive)
        couponCount += state.list.rows.count
        for _ in 1..<max(1, archive.pages.count) {
            try run(&state, .nextPage, archive)
            couponCount += state.list.rows.count
        }
        try run(&state, .firstPage, archive)
        return LoadedBrowser(
            state: state,
            pageCount: archive.pages.count,
            couponCount: couponCount,
            totalCount: state.pageSummary?.total ?? couponCount
        )
    }

    /// Applies `intent`, then answers every fetch it and its answers ask for.
    private static func run(
        _ state: inout BrowserState,
        _ intent: BrowserIntent,
        _ archive: AnswerArchive
    ) throws(BenchError) {
        var pending = state.apply(intent)
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            guard case .fetch(let request) = effect else { continue }
            guard request.page < archive.pages.count else {
                pending += state.apply(.pageFailed(request.id, .cancelled))
                continue
            }
            let body = archive.pages[request.page].body
            let page: CouponPage
            do {
                page = try CouponPage(body: body)
            } catch {
                throw .failed("archived page \(request.page + 1) does not decode: \(error)")
            }
            let response = CouponListResponse(
                query: request.query,
                page: page,
                target: "",
                verifiedBySerial: archive.publicKeyID,
                rawBody: body
            )
            pending += state.apply(.pageLoaded(request.id, response))
        }
    }
}
