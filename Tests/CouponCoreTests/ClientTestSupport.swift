import CouponCore

/// A client wired to fakes, with the fixture credentials and keys.
func makeClient(
    transport: FakeTransport,
    sleeper: FakeSleeper = FakeSleeper(),
    clock: FixedClock = FixedClock(),
    nonceSource: any NonceSource = FixedNonce(),
    keys: WechatPayVerificationKeys? = nil,
    baseURL: String = CouponClientConfiguration.primaryBaseURL,
    log: DebugLog? = nil,
    configure: (inout CouponClientConfiguration) -> Void = { _ in }
) throws -> CouponClient {
    var configuration = CouponClientConfiguration(
        credentials: try TestFixtures.credentials(),
        verificationKeys: try keys ?? TestFixtures.publicKeyMode(),
        baseURL: baseURL
    )
    configure(&configuration)
    return CouponClient(
        configuration: configuration,
        transport: transport,
        clock: clock,
        nonceSource: nonceSource,
        sleeper: sleeper,
        log: log
    )
}

/// The error `client` ended `query` with, or `nil` when it got a page.
func fetchError(_ client: CouponClient, _ query: CouponQuery = TestFixtures.query) async -> CouponClientError? {
    do {
        _ = try await client.fetch(query)
        return nil
    } catch {
        return error
    }
}

/// A 200 answer carrying `body`, signed with the fixture WeChat Pay key as WeChat Pay signs it.
func signedPageAnswer(body: String = TestFixtures.onePageBody) throws -> HTTPResponse {
    try TestFixtures.signedResponse(body: body, key: try TestFixtures.wechatPayKey())
}

extension String {
    /// The string with its first `target` replaced.
    func replacingFirst(_ target: Character, with replacement: String) -> String {
        guard let index = firstIndex(of: target) else { return self }
        return String(self[..<index]) + replacement + String(self[self.index(after: index)...])
    }
}
