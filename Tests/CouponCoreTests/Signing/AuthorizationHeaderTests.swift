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

@Test func errorsNameWhatTheClientSentWithControlCharactersVisible() {
    let error = #expect(throws: AuthorizationHeaderError.self) {
        try AuthorizationHeader(parsing: "WECHATPAY2\u{1B}[2J mchid=\"1\"")
    }
    #expect(error?.description.contains("WECHATPAY2\\u{1B}[2J") == true)
}

@Test func randomlyMutatedHeadersParseOrThrowButNeverTrap() {
    let seeds = [
        AuthorizationHeader(
            mchid: "1900000001",
            nonce: "5K8264IL",
            timestamp: "1700000000",
            serialNumber: "408B07E7",
            signature: "qiN4rXi/NP/7USHvzG7fzp4k19exQwGmSBu4z+2uJlk2d5vg=="
        ).value,
        "WECHATPAY2-SHA256-RSA2048 serial_no=\"A\",timestamp=\"1\",signature=\"c2ln\",nonce_str=\"n\",mchid=\"1\"",
    ]
    var mutator = Mutator(seed: 0x4155_5448, tokens: ["\"", ",", "=", " ", "mchid=\"2\"", "\u{0}", "é", "\r\n"])
    var parsed = 0
    var refused = 0
    for input in mutator.mutants(of: seeds, count: 3000) {
        do {
            let header = try AuthorizationHeader(parsing: String(decoding: input, as: UTF8.self))
            parsed += 1
            // Every field parsed is non-empty and the header writes back out as one that reads the same.
            let fields = [header.mchid, header.nonce, header.timestamp, header.serialNumber, header.signature]
            if fields.contains(where: \.isEmpty) || (try? AuthorizationHeader(parsing: header.value)) != header {
                Issue.record("\(String(decoding: input, as: UTF8.self).debugDescription) parsed into \(header)")
            }
        } catch {
            refused += 1
            _ = error.description
        }
    }
    #expect(parsed > 100 && refused > 100, "parsed \(parsed), refused \(refused)")
}
