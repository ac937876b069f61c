import CouponCore
import Testing

private func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError> {
    do {
        return .success(try await URLSessionTransport().send(request))
    } catch {
        return .failure(error)
    }
}

private func request(_ url: String, timeout: Duration = .seconds(10)) -> HTTPRequest {
    HTTPRequest(method: "GET", url: url, headers: ["Accept": "application/json"], timeout: timeout)
}

@Test func transportRefusesPlainHTTPToARemoteHostWithoutConnecting() async {
    let result = await send(request("http://api.mch.weixin.qq.com/v3/x"))
    #expect(throws: TransportError.insecureScheme("http://api.mch.weixin.qq.com")) { try result.get() }
}

@Test func closedLoopbackPortIsACannotConnectError() async throws {
    // Binding and closing a socket leaves a port that nothing listens on.
    let port = try #require(LoopbackListener()?.port)
    let result = await send(request("http://127.0.0.1:\(port)/v3/x"))
    guard case .failure(.cannotConnect(let host, _)) = result else {
        Issue.record("expected cannotConnect, got \(result)")
        return
    }
    #expect(host == "127.0.0.1")
}

// libcurl: "transfer closed with 90 bytes remaining to read", a body short of its Content-Length.
@Test func answerShortOfItsContentLengthIsCutShortNotUnreachable() async throws {
    let listener = try #require(LoopbackListener())
    listener.answerOnce(with: Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789".utf8))
    let result = await send(request("http://127.0.0.1:\(listener.port)/v3/x"))
    guard case .failure(.answerCutShort(let host, let reason)) = result else {
        Issue.record("expected answerCutShort, got \(result)")
        return
    }
    #expect(host == "127.0.0.1")
    #expect(reason.contains("90 bytes remaining"))
}

@Test func connectionClosedWithoutAnyAnswerIsCutShort() async throws {
    let listener = try #require(LoopbackListener())
    listener.answerOnce(with: [])
    let result = await send(request("http://127.0.0.1:\(listener.port)/v3/x"))
    guard case .failure(.answerCutShort(_, let reason)) = result else {
        Issue.record("expected answerCutShort, got \(result)")
        return
    }
    #expect(reason.contains("Empty reply"))
}

// URLSession on Linux turns the timeout into milliseconds and traps on overflow, so a huge setting must be capped.
@Test func timeoutOfAnySizeIsCappedInsteadOfTrappingURLSession() async throws {
    let port = try #require(LoopbackListener()?.port)
    let huge = Duration.seconds(Int64.max) + .nanoseconds(1)
    let result = await send(request("http://127.0.0.1:\(port)/v3/x", timeout: huge))
    guard case .failure(.cannotConnect) = result else {
        Issue.record("expected cannotConnect, got \(result)")
        return
    }
}

@Test func silentServerEndsInATimeout() async throws {
    let listener = try #require(LoopbackListener())
    let result = await send(request("http://127.0.0.1:\(listener.port)/v3/x", timeout: .seconds(1)))
    #expect(throws: TransportError.timedOut(seconds: 1)) { try result.get() }
}

@Test func cancellingTheTaskEndsAnInFlightRequest() async throws {
    let listener = try #require(LoopbackListener())
    let url = "http://127.0.0.1:\(listener.port)/v3/x"
    let task = Task { () -> Result<HTTPResponse, TransportError> in
        await send(request(url, timeout: .seconds(60)))
    }
    try await Task.sleep(for: .milliseconds(200))
    task.cancel()
    let result = await task.value
    guard case .failure = result else {
        Issue.record("a cancelled request must not produce an answer")
        return
    }
}
