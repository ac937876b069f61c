import CouponCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A loopback socket that accepts connections into its backlog and never answers: not an HTTP server.
private final class SilentListener {
    let descriptor: Int32
    let port: UInt16

    init?() {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(fd, address, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, address, &length) == 0
            }
        }
        guard ready else {
            close(fd)
            return nil
        }
        descriptor = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit {
        close(descriptor)
    }
}

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
    let port = try #require(SilentListener()?.port)
    let result = await send(request("http://127.0.0.1:\(port)/v3/x"))
    guard case .failure(.cannotConnect(let host, _)) = result else {
        Issue.record("expected cannotConnect, got \(result)")
        return
    }
    #expect(host == "127.0.0.1")
}

@Test func silentServerEndsInATimeout() async throws {
    let listener = try #require(SilentListener())
    let result = await send(request("http://127.0.0.1:\(listener.port)/v3/x", timeout: .seconds(1)))
    #expect(throws: TransportError.timedOut(seconds: 1)) { try result.get() }
}

@Test func cancellingTheTaskEndsAnInFlightRequest() async throws {
    let listener = try #require(SilentListener())
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
