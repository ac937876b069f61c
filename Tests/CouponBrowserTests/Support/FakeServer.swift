import CouponBrowser
import CouponCore

/// Answers queries from a fixed set of coupons the way the API does.
///
/// With `creator_mchid`: `status=SENDED` gives usable coupons, `status=USED` usable and used ones,
/// and no expired coupon is ever returned; `offset` is the page number and `limit` the page size.
/// With `available_mchid`: usable coupons only, all in one answer.
struct FakeServer: Sendable {
    var coupons: [Coupon]
    var latency: Duration = .milliseconds(42)

    /// The coupons the query selects, before paging.
    func matching(_ query: CouponQuery) -> [Coupon] {
        switch query.mode(callerMchid: CouponFixtures.callerMchid) {
        case .issuedBy:
            return coupons.filter { coupon in
                switch query.status {
                case "SENDED": return coupon.status == .usable
                case "USED": return coupon.status == .usable || coupon.status == .used
                default: return coupon.status != .expired
                }
            }
        case .usableAt:
            return coupons.filter { $0.status == .usable }
        }
    }

    /// The answer to `query`.
    func answer(_ query: CouponQuery) -> CouponListResponse {
        let all = matching(query)
        let page: CouponPage
        switch query.mode(callerMchid: CouponFixtures.callerMchid) {
        case .issuedBy:
            let start = min(all.count, query.offset * query.limit)
            let end = min(all.count, start + query.limit)
            page = CouponPage(
                totalCount: all.count,
                offset: query.offset,
                limit: query.limit,
                coupons: Array(all[start..<end])
            )
        case .usableAt:
            page = CouponPage(totalCount: all.count, offset: 0, limit: all.count, coupons: all)
        }
        return CouponListResponse(
            query: query,
            page: page,
            target: (try? query.requestTarget(callerMchid: CouponFixtures.callerMchid)) ?? "",
            requestID: "08F78BB5AF0D11EE" + String(query.offset),
            verifiedBySerial: "PUB_KEY_ID_0114232024112100000",
            latency: latency
        )
    }
}

extension BrowserState {
    /// The fetch requests among `effects`.
    static func fetches(_ effects: [BrowserEffect]) -> [FetchRequest] {
        effects.compactMap { effect in
            if case .fetch(let request) = effect { return request }
            return nil
        }
    }

    /// Answers every fetch in `effects` from `server`, and any fetch those answers ask for, until none is left.
    mutating func answerAll(_ effects: [BrowserEffect], from server: FakeServer) {
        var pending = Self.fetches(effects)
        while !pending.isEmpty {
            let request = pending.removeFirst()
            pending += Self.fetches(apply(.pageLoaded(request.id, server.answer(request.query))))
        }
    }

    /// Answers the fetches in `effects` once, without following the fetches the answers ask for.
    mutating func answerOnce(_ effects: [BrowserEffect], from server: FakeServer) -> [BrowserEffect] {
        var next: [BrowserEffect] = []
        for request in Self.fetches(effects) {
            next += apply(.pageLoaded(request.id, server.answer(request.query)))
        }
        return next
    }
}
