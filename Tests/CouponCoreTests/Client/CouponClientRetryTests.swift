import CouponCore
import Testing

private let unavailable = TestFixtures.unsignedResponse(
    status: 503,
    body: #"{"code":"SERVICE_UNAVAILABLE","message":"x"}"#
)
private let refused = TransportError.cannotConnect(host: "api.mch.weixin.qq.com", reason: "Connection refused")

@Test(arguments: [429, 500, 502, 503, 504])
func rateLimitAndServerErrorsAreRetriedUntilTheyClear(status: Int) async throws {
    let failing = TestFixtures.unsignedResponse(status: status, body: #"{"code":"SYSTEM_ERROR"}"#)
    let transport = FakeTransport(answers: [.success(failing), .success(failing), .success(try signedPageAnswer())])
    let sleeper = FakeSleeper()
    let response = try await makeClient(transport: transport, sleeper: sleeper).fetch(TestFixtures.query)
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
    let transport = FakeTransport(answers: [.success(limited), .success(try signedPageAnswer())])
    let sleeper = FakeSleeper()
    _ = try await makeClient(transport: transport, sleeper: sleeper).fetch(TestFixtures.query)
    #expect(sleeper.sleeps == [.seconds(5)])
}

@Test func eachAttemptIsSignedAfreshForTheSameTarget() async throws {
    let transport = FakeTransport(answers: [.success(unavailable), .success(try signedPageAnswer())])
    let response = try await makeClient(transport: transport, nonceSource: CountingNonce()).fetch(TestFixtures.query)
    #expect(Set(transport.requests.map(\.url)) == ["https://api.mch.weixin.qq.com" + response.target])
    let headers = try transport.requests.map {
        try AuthorizationHeader(parsing: try #require($0.headers["Authorization"]))
    }
    // A new nonce for each attempt (WeChat Pay refuses a reused one), each signature over the same target.
    #expect(headers.map(\.nonce) == ["NONCE000000000000000000000000001", "NONCE000000000000000000000000002"])
    let publicKey = try TestFixtures.merchantKey().publicKey
    for header in headers {
        let message = SignatureMessage.request(
            method: "GET",
            target: response.target,
            timestamp: TestFixtures.now,
            nonce: header.nonce
        )
        let signature = try #require(Base64.decode(header.signature))
        #expect(publicKey.isValidSignature(signature, for: Array(message.utf8)))
    }
}

@Test func unreachablePrimaryFallsBackToTheBackupHostAtOnce() async throws {
    let answer = try signedPageAnswer()
    let transport = FakeTransport { request, _ throws(TransportError) in
        if request.url.hasPrefix("https://api.mch.weixin.qq.com/") { throw refused }
        return answer
    }
    let sleeper = FakeSleeper()
    let response = try await makeClient(transport: transport, sleeper: sleeper).fetch(TestFixtures.query)
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

// The call is idempotent, so an answer cut off mid-body is asked for again, at the host that did answer.
@Test func answerCutShortIsRetriedAtTheSameHostAndReportedAsCutShort() async throws {
    let cut = TransportError.answerCutShort(
        host: "api.mch.weixin.qq.com",
        reason: "transfer closed with 90 bytes remaining to read"
    )
    let transport = FakeTransport(answers: [.failure(cut)])
    let sleeper = FakeSleeper()
    let error = await fetchError(try makeClient(transport: transport, sleeper: sleeper))
    guard case .transport(.answerCutShort)? = error else {
        Issue.record("expected answerCutShort, got \(String(describing: error))")
        return
    }
    #expect(transport.requests.count == 4)
    #expect(transport.requests.allSatisfy { $0.url.hasPrefix("https://api.mch.weixin.qq.com/") })
    #expect(sleeper.sleeps.count == 3)

    let report = try #require(error?.report(language: .english))
    #expect(report.code == "ANSWER_CUT_SHORT")
    #expect(report.message.contains("was reached"))
    #expect(report.message.contains("90 bytes remaining"))
    #expect(report.explanation.contains("WeChat Pay was reached"))
    #expect(report.explanation.contains("retried"))
    #expect(!report.explanation.contains("could not be reached"))
    #expect(report.nextStep.contains("safe to repeat"))
    #expect(try #require(error?.report(language: .chinese)).explanation.contains("已连上微信支付"))
}

@Test func answerCutShortOnceIsRecoveredByTheRetry() async throws {
    let cut = TransportError.answerCutShort(host: "api.mch.weixin.qq.com", reason: "transfer closed")
    let transport = FakeTransport(answers: [.failure(cut), .success(try signedPageAnswer())])
    let response = try await makeClient(transport: transport).fetch(TestFixtures.query)
    #expect(response.attempts == 2)
    #expect(response.page.coupons.map(\.couponID) == ["98674556"])
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
    let answer = try signedPageAnswer()
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
    let transport = FakeTransport(answers: [.success(try signedPageAnswer())])
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
