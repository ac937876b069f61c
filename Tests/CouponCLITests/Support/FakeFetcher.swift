import CouponCore
import Synchronization

/// A `CouponFetching` that answers from a script, for tests that need no server.
final class FakeFetcher: CouponFetching {
    let callerMchid: String
    private let answer: @Sendable (CouponQuery) throws(CouponClientError) -> CouponListResponse
    private let asked = Mutex<[CouponQuery]>([])

    init(
        callerMchid: String = "1900000001",
        answer: @escaping @Sendable (CouponQuery) throws(CouponClientError) -> CouponListResponse
    ) {
        self.callerMchid = callerMchid
        self.answer = answer
    }

    /// Every query asked so far.
    var queries: [CouponQuery] { asked.withLock { $0 } }

    func fetch(_ query: CouponQuery) async throws(CouponClientError) -> CouponListResponse {
        asked.withLock { $0.append(query) }
        return try answer(query)
    }

    /// An answer holding `coupons` as the page of `query`.
    static func response(
        for query: CouponQuery,
        coupons: [JSONValue],
        totalCount: Int,
        requestID: String = "REQ-1"
    ) throws -> CouponListResponse {
        let body = JSONValue.object([
            JSONMember("data", .array(coupons)),
            JSONMember("limit", .number(String(query.limit))),
            JSONMember("offset", .number(String(query.offset))),
            JSONMember("total_count", .number(String(totalCount))),
        ])
        return CouponListResponse(
            query: query,
            page: try CouponPage(json: body),
            target: "/v3/marketing/favor/users/\(query.openid)/coupons",
            requestID: requestID,
            verifiedBySerial: "PUB_KEY_ID_TEST"
        )
    }
}
