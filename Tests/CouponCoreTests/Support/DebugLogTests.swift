import CouponCore
import Testing

@Test func debugLogIsCreatedPrivateAndAppendsLines() throws {
    let path = TestFiles.makeDirectory() + "/debug.log"
    let log = try DebugLog(path: path)
    log.log("first")
    log.log("second")
    #expect(TestFiles.mode(path) == 0o600)
    let lines = (TestFiles.read(path) ?? "").split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.hasSuffix(" first") == true)
    #expect(lines.first?.contains("Z ") == true)

    let again = try DebugLog(path: path)
    again.log("third")
    #expect((TestFiles.read(path) ?? "").split(separator: "\n").count == 3)
}

@Test func debugLogWritesControlCharactersAsEscapes() throws {
    let path = TestFiles.makeDirectory() + "/debug.log"
    try DebugLog(path: path).log("a\u{1B}[31mb\nc")
    let text = TestFiles.read(path) ?? ""
    #expect(!text.contains("\u{1B}"))
    #expect(text.hasSuffix("a\\u{1B}[31mb\\nc\n"))
}

@Test func emptyOrUnopenableLogSettingMeansNoLog() {
    #expect(DebugLog(environmentValue: "") == nil)
    #expect(DebugLog(environmentValue: "/nonexistent-dir/x.log") == nil)
    #expect(throws: DebugLogError.self) { try DebugLog(path: "/nonexistent-dir/x.log") }
}

@Test func clientLogsTargetsStatusesAndRequestIDsButNoSecret() async throws {
    let path = TestFiles.makeDirectory() + "/debug.log"
    let log = try DebugLog(path: path)
    let answer = try TestFixtures.signedResponse(body: TestFixtures.onePageBody, key: try TestFixtures.wechatPayKey())
    let transport = FakeTransport(answers: [.success(answer)])
    _ = try await makeClient(transport: transport, log: log).fetch(CouponQuery(openid: "o1", appid: "wx1"))

    let text = TestFiles.read(path) ?? ""
    let authorization = try #require(transport.requests.first?.headers["Authorization"])
    let signature = try AuthorizationHeader(parsing: authorization).signature
    #expect(text.contains("/v3/marketing/favor/users/o1/coupons"))
    #expect(text.contains("status 200"))
    #expect(text.contains("08F8B9C7A30610A1B2C3D4E5F6"))
    #expect(!text.contains("WECHATPAY2-SHA256-RSA2048"))
    #expect(!text.contains(signature))
    #expect(!text.contains(String(signature.prefix(16))))
    #expect(!text.contains("PRIVATE KEY"))
}

@Test func retryWaitsOfAnySizeAreLoggedWithoutOverflow() async throws {
    let path = TestFiles.makeDirectory() + "/debug.log"
    let unavailable = TestFixtures.unsignedResponse(status: 503, body: #"{"code":"SERVICE_UNAVAILABLE"}"#)
    let client = try makeClient(
        transport: FakeTransport(answers: [.success(unavailable)]),
        log: try DebugLog(path: path)
    ) {
        // Settings as large as Duration holds in whole seconds.
        $0.retryPolicy = RetryPolicy(
            maximumRetries: 1,
            totalBudget: .seconds(Int64.max),
            baseDelay: .seconds(Int64.max / 2),
            maximumDelay: .seconds(Int64.max / 2)
        )
    }
    _ = await fetchError(client)
    #expect((TestFiles.read(path) ?? "").contains("retrying in 9223372036854775807 ms"))
}
