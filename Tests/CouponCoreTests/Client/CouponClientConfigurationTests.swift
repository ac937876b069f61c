import CouponCore
import Testing

@Test func primaryHostGetsTheDocumentedBackup() throws {
    let configuration = CouponClientConfiguration(
        credentials: try TestFixtures.credentials(),
        verificationKeys: try TestFixtures.publicKeyMode()
    )
    #expect(configuration.baseURL == "https://api.mch.weixin.qq.com")
    #expect(configuration.backupBaseURL == "https://api2.mch.weixin.qq.com")
    #expect(
        try configuration.endpoints().map(\.description) == [
            "https://api.mch.weixin.qq.com", "https://api2.mch.weixin.qq.com",
        ]
    )
    #expect(configuration.requestTimeout == .seconds(10))
    #expect(configuration.retryPolicy == RetryPolicy())
    #expect(configuration.problem() == nil)
}

@Test func otherBaseURLHasNoBackup() throws {
    let configuration = CouponClientConfiguration(
        credentials: try TestFixtures.credentials(),
        verificationKeys: try TestFixtures.publicKeyMode(),
        baseURL: "http://127.0.0.1:8080"
    )
    #expect(configuration.backupBaseURL == nil)
    #expect(try configuration.endpoints().count == 1)
}

@Test func userAgentNamesTheProductAndVersion() throws {
    let configuration = CouponClientConfiguration(
        credentials: try TestFixtures.credentials(),
        verificationKeys: try TestFixtures.publicKeyMode()
    )
    #expect(configuration.userAgent.contains("CouponDesk/\(CouponDeskVersion.current)"))
}

@Test func configurationProblemsAreNamed() throws {
    var configuration = CouponClientConfiguration(
        credentials: try TestFixtures.credentials(),
        verificationKeys: WechatPayVerificationKeys()
    )
    #expect(configuration.problem()?.contains("pub_key.pem") == true)
    configuration.verificationKeys = try TestFixtures.publicKeyMode()
    configuration.baseURL = "http://api.example.com"
    #expect(configuration.problem()?.contains("only loopback hosts may use http") == true)
    configuration.baseURL = "https://api.example.com"
    configuration.verificationKeys.publicKeyID = "PUB KEY\n"
    #expect(configuration.problem()?.contains("PUB_KEY_ID_") == true)
    configuration.verificationKeys.publicKeyID = TestFixtures.publicKeyID
    configuration.userAgent = "CouponDesk\r\nX-Injected: 1"
    #expect(configuration.problem()?.contains("User-Agent") == true)
}

@Test func clientRefusesSettingsThatWouldBreakAHeader() async throws {
    let transport = FakeTransport(answers: [.success(HTTPResponse(statusCode: 200))])
    let client = try makeClient(transport: transport) { $0.verificationKeys.publicKeyID = "PUB_KEY_ID_1\r\nX: y" }
    do {
        _ = try await client.fetch(CouponQuery(openid: "o1", appid: "wx1"))
        Issue.record("a header-breaking public key id must be refused")
    } catch {
        guard case .configuration = error else {
            Issue.record("expected configuration, got \(error)")
            return
        }
    }
    #expect(transport.requests.isEmpty)
}
