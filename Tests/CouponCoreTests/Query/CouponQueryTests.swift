import CouponCore
import Testing

private let caller = "1900000001"

@Test func queryWithNoMerchantIsAskedAsIssuedByTheCaller() throws {
    let query = CouponQuery(openid: "o1", appid: "wx1")
    #expect(query.mode(callerMchid: caller) == .issuedBy(mchid: caller))
    #expect(
        try query.requestTarget(callerMchid: caller)
            == "/v3/marketing/favor/users/o1/coupons?appid=wx1&creator_mchid=1900000001&offset=0&limit=20"
    )
}

// "二选一 … 同时传入时以 creator_mchid 为准": creator_mchid wins over available_mchid.
@Test func creatorMchidWinsWhenBothMerchantsAreGiven() throws {
    let query = CouponQuery(openid: "o1", appid: "wx1", creatorMchid: "111", availableMchid: "222")
    #expect(query.mode(callerMchid: caller) == .issuedBy(mchid: "111"))
    #expect(query.ignoredParameters(callerMchid: caller) == ["available_mchid"])
    #expect(!(try query.requestTarget(callerMchid: caller)).contains("available_mchid"))
}

// With available_mchid the server ignores stock_id, status, offset and limit, so they are not sent.
@Test func usableAtModeLeavesOutTheParametersTheServerIgnores() throws {
    let query = CouponQuery(
        openid: "o1",
        appid: "wx1",
        stockID: "9",
        status: "USED",
        senderMchid: "333",
        availableMchid: "222",
        offset: 2,
        limit: 50
    )
    #expect(query.mode(callerMchid: caller) == .usableAt(mchid: "222"))
    #expect(
        try query.requestTarget(callerMchid: caller)
            == "/v3/marketing/favor/users/o1/coupons?appid=wx1&sender_mchid=333&available_mchid=222"
    )
    #expect(query.ignoredParameters(callerMchid: caller) == ["stock_id", "status", "offset", "limit"])
}

@Test func issuedByModeSendsEveryFilterInAFixedOrder() throws {
    let query = CouponQuery(
        openid: "o1",
        appid: "wx1",
        stockID: "9",
        status: "SENDED",
        creatorMchid: "111",
        senderMchid: "333",
        businessType: "MULTIUSE",
        offset: 4,
        limit: 100
    )
    let names = query.parameters(callerMchid: caller).map(\.name)
    #expect(
        names == ["appid", "stock_id", "status", "creator_mchid", "sender_mchid", "business_type", "offset", "limit"]
    )
    #expect(query.ignoredParameters(callerMchid: caller).isEmpty)
}

@Test func openidAndValuesArePercentEncodedOnceWithUpperCaseHex() throws {
    let query = CouponQuery(openid: "o+b=c&d%中", appid: "wx~_.-1")
    let target = try query.requestTarget(callerMchid: caller)
    #expect(target.hasPrefix("/v3/marketing/favor/users/o%2Bb%3Dc%26d%25%E4%B8%AD/coupons?appid=wx~_.-1&"))
}

@Test func requestTargetValidatesFirst() {
    #expect(throws: CouponQueryError.missingOpenid) {
        try CouponQuery(openid: "", appid: "wx1").requestTarget(callerMchid: caller)
    }
}

@Test func pageKeepsEverythingButTheOffset() {
    let query = CouponQuery(openid: "o1", appid: "wx1", status: "USED", limit: 50)
    let next = query.page(3)
    #expect(next.offset == 3)
    #expect(next.limit == 50 && next.status == "USED")
}
