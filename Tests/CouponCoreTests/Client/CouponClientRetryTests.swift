import CouponCore
import Testing

private let query = CouponQuery(openid: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", appid: "wx233544546545989")

private func okAnswer() throws -> HTTPResponse {
    try TestFixtures.signedResponse(body: TestFixtures.onePageBody, key: try TestFixtures.wechatPayKey())
}

private let unavailable = TestFixtures.unsignedResponse(
    status: 503,
    body: #"{"code":"SERVICE_UNAVAILABLE","message":"x"}"#
)
private let refused = TransportError.cannotConnect(host: "api.mch.weixin.qq.com", reason: "Connection refused")

private func fetchError(_ client: CouponClient) async -> CouponClientError? {
    do {
        _ = try await client.fetch(query)
        return nil
    } catch {
        return error
    }
}

@Test(arguments: [429, 500, 502, 503, 504])
func rateLimitAndServerErrorsAreRetriedUntilTheyClear(status: Int) async throws {
    let failing = TestFixtures.unsignedResponse(status: status, body: #"{"code":"SYSTEM_ERROR"}"#)
    let transport = FakeTransport(answers: [.success(failing), .success(failing), .success(try okAnswer())])
    let sleeper = FakeSleeper()
    let response = try await makeClient(transport: transport, sleeper: sleeper).fetch(query)
    #expect(response.attempts == 3)
    #expect(sleeper.sleeps.count == 2)
}

@Test func atMostThreeRetriesThenTheLastErrorIsReturned() async throws {
    let transport = FakeTransport(answers: [.success(unavailable)])
    let sleeper = FakeSleeper()
    let error = await fetchError(try makeClient(transport: transport, sleeper: sleeper))
    guard case .api(let api)? = error else {
        Issue.record("expected api, got \(String(describing: error))")
        return
    }
    #expect(api.code == "SERVICE_UNAVAILABLE")
    #expect(transport.requests.count == 4)
    #expect(sleeper.sleeps.count == 3)
}

@Test func backoffGrowsExponentiallyWithinItsJitterBounds() async throws {
    let transport = FakeTransport(answers: [.success(unavailable)])
    let sleeper = FakeSleeper()
    _ = await fetchError(try makeClient(transport: transport, sleeper: sleeper))
    let sleeps = sleeper.sleeps
    try #require(sleeps.count == 3)
    for (index, sleep) in sleeps.enumerated() {
        let ceiling = Duration.seconds(1 << index)
        #expect(sleep >= ceiling / 2 && sleep <= ceiling, "retry \(index + 1) waited \(sleep)")
    }
    #expect(sleeps.reduce(.zero, +) <= .seconds(7))
}

@Test func retriesStopWhenTheBudgetWouldBeSpent() async throws {
    let sleeper = FakeSleeper()
    // Each attempt takes 4.5 s (or its timeout), so after two attempts and a wait the 10 s budget has no room left.
    let transport = FakeTransport { request, _ throws(TransportError) in
        sleeper.advance(by: min(.milliseconds(4500), request.timeout))
        return unavailable
    }
    let client = try makeClient(transport: transport, sleeper: sleeper) { configuration in
        configuration.retryPolicy.totalBudget = .seconds(10)
    }
    _ = await fetchError(client)
    #expect(transport.requests.count == 2)
    #expect(sleeper.now() <= .seconds(10))
}

@Test func attemptTimeoutNeverReachesPastTheBudget() async throws {
    let sleeper = FakeSleeper()
    let transport = FakeTransport { _, _ throws(TransportError) in
        sleeper.advance(by: .seconds(7))
        throw .timedOut(seconds: 7)
    }
    let client = try makeClient(transport: transport, sleeper: sleeper, baseURL: "https://127.0.0.1:9") {
        configuration in
        configuration.retryPolicy.totalBudget = .seconds(12)
    }
    _ = await fetchError(client)
    let timeouts = transport.requests.map(\.timeout)
    #expect(timeouts.first == .seconds(10))
    #expect(timeouts.dropFirst().allSatisfy { $0 <= .seconds(5) })
}

@Test func configuredRetryLimitIsHonoured() async throws {
    let transport = FakeTransport(answers: [.success(unavailable)])
    let client = try makeClient(transport: transport) { $0.retryPolicy.maximumRetries = 1 }
    _ = await fetchError(client)
    #expect(transport.requests.count == 2)

    let none = FakeTransport(answers: [.success(unavailable)])
    _ = await fetchError(try makeClient(transport: none) { $0.retryPolicy = .none })
    #expect(none.requests.count == 1)
}

@Test func retryAfterFromTheServerIsWaitedAtLeast() async throws {
    var limited = TestFixtures.unsignedResponse(status: 429, body: #"{"code":"FREQUENCY_LIMIT_EXCEED"}"#)
    limited.headers.add(name: "Retry-After", value: "5")
    let transport = FakeTransport(answers: [.success(limited), .success(try okAnswer())])
    let sleeper = FakeSleeper()
    _ = try await makeClient(transport: transport, sleeper: sleeper).fetch(query)
    #expect(sleeper.sleeps == [.seconds(5)])
}

@Test func eachAttemptIsSignedAfreshForTheSameTarget() async throws {
    let transport = FakeTransport(answers: [.success(unavailable), .success(try okAnswer())])
    _ = try await makeClient(transport: transport).fetch(query)
    let urls = Set(transport.requests.map(\.url))
    #expect(urls.count == 1)
    #expect(transport.requests.allSatisfy { $0.headers["Authorization"] != nil })
}

@Test func unreachablePrimaryFallsBackToTheBackupHostAtOnce() async throws {
    let answer = try okAnswer()
    let transport = FakeTransport { request, _ throws(TransportError) in
        if request.url.hasPrefix("https://api.mch.weixin.qq.com/") { throw refused }
        return answer
    }
    let sleeper = FakeSleeper()
    let response = try await makeClient(transport: transport, sleeper: sleeper).fetch(query)
    let hosts = transport.requests.map { $0.url.split(separator: "/")[1] }
    #expect(hosts == ["api.mch.weixin.qq.com", "api2.mch.weixin.qq.com"])
    #expect(sleeper.sleeps.isEmpty)
    #expect(response.attempts == 2)
}

@Test func bothHostsUnreachableEndsInANetworkErrorWithinTheRetryLimit() async throws {
    let transport = FakeTransport(answers: [.failure(refused)])
    let error = await fetchError(try makeClient(transport: transport))
    guard case .transport(.cannotConnect)? = error else {
        Issue.record("expected cannotConnect, got \(String(describing: error))")
        return
    }
    #expect(transport.requests.count == 4)
    #expect(error?.report(language: .english).code == "NETWORK")
}

@Test func customBaseURLHasNoBackup() async throws {
    let transport = FakeTransport(answers: [.failure(refused)])
    _ = await fetchError(try makeClient(transport: transport, baseURL: "https://pay.example.com"))
    #expect(transport.requests.allSatisfy { $0.url.hasPrefix("https://pay.example.com/") })
}

@Test func tlsFailureIsNotRetried() async throws {
    let transport = FakeTransport(answers: [.failure(.tlsFailure(reason: "certificate verify failed"))])
    _ = await fetchError(try makeClient(transport: transport))
    #expect(transport.requests.count == 1)
}

// MARK: - Cancellation

@Test func cancellingDuringBackoffEndsInCancelledPromptly() async throws {
    let sleeper = FakeSleeper(blocks: true)
    let transport = FakeTransport(answers: [.success(unavailable)])
    let client = try makeClient(transport: transport, sleeper: sleeper)
    let task = Task { () -> CouponClientError? in
        await fetchError(client)
    }
    for await _ in sleeper.sleepsStarted { break }
    task.cancel()
    let error = await task.value
    guard case .cancelled? = error else {
        Issue.record("expected cancelled, got \(String(describing: error))")
        return
    }
    #expect(transport.requests.count == 1)
}

@Test func cancellingWhileTheRequestIsInFlightDropsTheAnswer() async throws {
    let (started, signal) = AsyncStream<Void>.makeStream()
    let answer = try okAnswer()
    let transport = FakeTransport { _, _ throws(TransportError) in
        signal.yield()
        // A transport that ignores cancellation: the client must still drop what it returns.
        while !Task.isCancelled { await Task.yield() }
        return answer
    }
    let client = try makeClient(transport: transport)
    let task = Task { () -> CouponClientError? in
        await fetchError(client)
    }
    for await _ in started { break }
    task.cancel()
    let error = await task.value
    guard case .cancelled? = error else {
        Issue.record("expected cancelled, got \(String(describing: error))")
        return
    }
}

@Test func alreadyCancelledTaskSendsNothing() async throws {
    let transport = FakeTransport(answers: [.success(try okAnswer())])
    let client = try makeClient(transport: transport)
    let task = Task { () -> CouponClientError? in
        withUnsafeCurrentTask { $0?.cancel() }
        return await fetchError(client)
    }
    let error = await task.value
    guard case .cancelled? = error else {
        Issue.record("expected cancelled, got \(String(describing: error))")
        return
    }
    #expect(transport.requests.isEmpty)
}
