import CouponCore
import Testing

@Test func authorizationHeaderParsesPairsInAnyOrder() throws {
    // "以上五项签名信息，无顺序要求": the server takes the pairs in any order.
    let value =
        "WECHATPAY2-SHA256-RSA2048 serial_no=\"ABC\",timestamp=\"1\",signature=\"c2ln\",nonce_str=\"n\",mchid=\"123\""
    let header = try AuthorizationHeader(parsing: value)
    #expect(header.mchid == "123")
    #expect(header.serialNumber == "ABC")
    #expect(header.signature == "c2ln")
    #expect(try AuthorizationHeader(parsing: header.value) == header)
}

@Test func authorizationHeaderRefusesOtherSchemesAndMissingFields() {
    #expect(throws: AuthorizationHeaderError.unsupportedScheme("Bearer")) {
        try AuthorizationHeader(parsing: "Bearer mchid=\"1\"")
    }
    #expect(throws: AuthorizationHeaderError.missingField("signature")) {
        try AuthorizationHeader(
            parsing: "WECHATPAY2-SHA256-RSA2048 mchid=\"1\",nonce_str=\"n\",timestamp=\"1\",serial_no=\"S\""
        )
    }
    #expect(throws: AuthorizationHeaderError.duplicateField("mchid")) {
        try AuthorizationHeader(parsing: "WECHATPAY2-SHA256-RSA2048 mchid=\"1\",mchid=\"2\"")
    }
    #expect(throws: AuthorizationHeaderError.missingScheme) {
        try AuthorizationHeader(parsing: "WECHATPAY2-SHA256-RSA2048")
    }
}
