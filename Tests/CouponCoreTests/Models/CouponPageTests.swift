import CouponCore
import Testing

private func page(_ json: String) throws -> CouponPage {
    try CouponPage(body: Array(json.utf8))
}

@Test func fullCouponDecodesEveryDocumentedField() throws {
    let json = """
        {"data":[{"stock_creator_mchid":"9865002","stock_id":"9865000","coupon_id":"98674556",
        "coupon_name":"单品减至券","status":"USED","description":"仅限指定商品","create_time":"2026-03-01T10:15:00+08:00",
        "coupon_type":"CUT_TO","no_cash":true,"available_begin_time":"2026-03-01T00:00:00+08:00",
        "available_end_time":"2026-03-31T23:59:59.500+08:00","singleitem":true,
        "cut_to_message":{"single_price_max":3000,"cut_to_price":990},
        "consume_information":{"consume_time":"2026-03-02T12:00:00Z","consume_mchid":"9856081",
        "transaction_id":"4200000000000000000000000001",
        "goods_detail":[{"goods_id":"a1","quantity":2,"price":3000,"discount_amount":2010}]},
        "business_type":"MULTIUSE","available_balance":1234}],"total_count":1,"limit":20,"offset":0}
        """
    let coupon = try #require(try page(json).coupons.first)
    #expect(coupon.couponID == "98674556")
    #expect(coupon.stockID == "9865000")
    #expect(coupon.stockCreatorMchid == "9865002")
    #expect(coupon.name == "单品减至券")
    #expect(coupon.status == .used)
    #expect(coupon.type == .cutTo)
    #expect(coupon.noCash == true && coupon.singleItem == true)
    #expect(coupon.cutToMessage == CutToMessage(singlePriceMax: Money(fen: 3000), cutToPrice: Money(fen: 990)))
    #expect(coupon.availableEndTime?.milliseconds == 500)
    #expect(coupon.consumeInformation?.consumeMchid == "9856081")
    #expect(coupon.consumeInformation?.consumeTime?.utcOffsetSeconds == 0)
    #expect(coupon.consumeInformation?.goods.first?.lineTotal == Money(fen: 3990))
    #expect(coupon.isMultiUse)
    #expect(coupon.availableBalance == Money(fen: 1234))
    #expect(coupon.unknownFields.isEmpty)
}

@Test func missingDataIsAnEmptyPage() throws {
    let decoded = try page(#"{"total_count":0,"limit":20,"offset":0}"#)
    #expect(decoded.coupons.isEmpty)
    #expect(decoded.totalCount == 0)
    #expect(try page(#"{"data":null}"#).coupons.isEmpty)
}

@Test func unknownStatusAndTypeAreKeptVerbatim() throws {
    let coupon = try #require(
        try page(#"{"data":[{"coupon_id":"1","status":"FROZEN","coupon_type":"DISCOUNT"}]}"#).coupons.first
    )
    #expect(coupon.status == .other("FROZEN"))
    #expect(coupon.status.apiValue == "FROZEN")
    #expect(coupon.type == .other("DISCOUNT"))
}

@Test func nullOrMissingBooleansAndNestedObjectsAreNil() throws {
    let coupon = try #require(
        try page(#"{"data":[{"coupon_id":"1","no_cash":null,"normal_coupon_information":null}]}"#).coupons.first
    )
    #expect(coupon.noCash == nil)
    #expect(coupon.singleItem == nil)
    #expect(coupon.normalInformation == nil)
    #expect(coupon.cutToMessage == nil)
    #expect(coupon.consumeInformation == nil)
}

@Test func booleansSentAsStringsAreRead() throws {
    let coupon = try #require(
        try page(#"{"data":[{"coupon_id":"1","no_cash":"true","singleitem":"false"}]}"#).coupons.first
    )
    #expect(coupon.noCash == true)
    #expect(coupon.singleItem == false)
}

@Test func timesWithAndWithoutFractionsInZOrOffsetAllDecode() throws {
    let json = """
        {"data":[{"coupon_id":"1","create_time":"2026-03-01T02:15:00Z",
        "available_begin_time":"2026-03-01T10:15:00.123+08:00","available_end_time":"2026-03-01T10:15:00+08:00"}]}
        """
    let coupon = try #require(try page(json).coupons.first)
    let utc = try #require(coupon.createTime)
    let fraction = try #require(coupon.availableBeginTime)
    let offset = try #require(coupon.availableEndTime)
    #expect(utc.secondsSince1970 == offset.secondsSince1970)
    #expect(utc.utcOffsetSeconds == 0 && offset.utcOffsetSeconds == 8 * 3600)
    #expect(fraction.secondsSince1970 == offset.secondsSince1970 && fraction.milliseconds == 123)
}

@Test func unknownKeysAreKeptInRawInTheirOrder() throws {
    let coupon = try #require(
        try page(#"{"data":[{"coupon_id":"1","zeta":1,"stock_id":"2","alpha":{"x":[true]}}]}"#).coupons.first
    )
    #expect(coupon.unknownFields.map(\.key) == ["zeta", "alpha"])
    #expect(coupon.raw.jsonText == #"{"coupon_id":"1","zeta":1,"stock_id":"2","alpha":{"x":[true]}}"#)
}

@Test func malformedJSONIsATypedErrorWithItsOffset() {
    let error = #expect(throws: CouponDecodingError.self) { try page(#"{"data":[{"coupon_id":"1",}]}"#) }
    guard case .malformedJSON(let parse)? = error else {
        Issue.record("expected malformedJSON, got \(String(describing: error))")
        return
    }
    #expect(parse.offset == 26)  // the "}" where a key should follow ","
}

@Test func structuralSurprisesAreTypedErrors() {
    #expect(throws: CouponDecodingError.notAnObject) { try page("[]") }
    #expect(throws: CouponDecodingError.dataNotAnArray) { try page(#"{"data":{}}"#) }
    #expect(throws: CouponDecodingError.missingField("coupon_id")) { try page(#"{"data":[{"stock_id":"1"}]}"#) }
    #expect(throws: CouponDecodingError.notAnObject) { try page(#"{"data":[7]}"#) }
}

@Test func deeplyNestedAnswerIsRefusedNotOverflowed() {
    let deep = #"{"data":[{"coupon_id":"1","x":"# + String(repeating: "[", count: 100_000) + "]}]}"
    #expect(throws: CouponDecodingError.self) { try page(deep) }
}

@Test func negativeOrHugePagingNumbersAreClamped() throws {
    let decoded = try page(#"{"data":[],"total_count":-5,"limit":99999999999999999999,"offset":3}"#)
    #expect(decoded.totalCount == 0)
    #expect(decoded.offset == 3)
    // Past Int64 the number is not one at all, so the page size falls back to the coupons on the page.
    #expect(decoded.limit == 0)
}

@Test func goodsLineWithTheMostNegativeDiscountHasNoTotalInsteadOfTrapping() throws {
    let json = """
        {"data":[{"coupon_id":"1","consume_information":{"goods_detail":[
        {"goods_id":"a","quantity":1,"price":1,"discount_amount":-9223372036854775808}]}}]}
        """
    let line = try #require(try page(json).coupons.first?.consumeInformation?.goods.first)
    #expect(line.discountAmount == Money(fen: .min))
    #expect(line.grossAmount == Money(fen: 1))
    #expect(line.lineTotal == nil)
}

@Test func randomlyMutatedAnswersDecodeOrThrowButNeverTrap() {
    let seeds = [
        TestFixtures.onePageBody,
        """
        {"data":[{"coupon_id":"1","status":"USED","coupon_type":"CUT_TO","available_balance":5,\
        "cut_to_message":{"single_price_max":3000,"cut_to_price":990},"consume_information":{"consume_time":\
        "2026-03-02T12:00:00Z","goods_detail":[{"goods_id":"a1","quantity":2,"price":3000,"discount_amount":2010}]}}],\
        "total_count":1,"limit":20,"offset":0}
        """,
    ]
    var mutator = Mutator(
        seed: 0x5041_4745,
        tokens: ["-", "\"", "null", "[]", "{}", "\"data\":", ",", "-9223372036854775808"]
    )
    var decoded = 0
    var refused = 0
    for input in mutator.mutants(of: seeds, count: 3000) {
        do {
            let page = try CouponPage(body: input)
            decoded += 1
            if page.totalCount < 0 || page.offset < 0 || page.limit < 0
                || page.coupons.contains(where: \.couponID.isEmpty)
            {
                Issue.record("\(String(decoding: input, as: UTF8.self).debugDescription) decoded into \(page)")
            }
            // What a screen derives from a coupon must not trap either.
            for coupon in page.coupons {
                _ = coupon.normalInformation.map { $0.couponAmount.yuanText + $0.transactionMinimum.yuanText }
                _ = coupon.cutToMessage.map { $0.singlePriceMax.yuanText + $0.cutToPrice.yuanText }
                _ = coupon.availableBalance?.yuanText
                _ = coupon.consumeInformation?.goods.map { ($0.lineTotal?.yuanText, $0.grossAmount?.yuanText) }
                _ = coupon.unknownFields
            }
        } catch {
            refused += 1
            _ = error.description
        }
    }
    #expect(decoded > 100 && refused > 100, "decoded \(decoded), refused \(refused)")
}
