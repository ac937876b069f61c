import CouponCore
import Foundation
import Testing

@testable import CouponSandbox

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The HTTP server itself: loopback only, keep-alive, bounds, malformed input and shutdown.
@Suite struct HTTPListenerTests {
    @Test func keptAliveConnectionAnswersSeveralRequestsInTurn() async throws {
        try await TestSupport.withSandbox { server in
            let client = try RawHTTPClient(port: server.port)
            for offset in 0..<3 {
                let target = TestSupport.target(TestSupport.pagingUser, TestSupport.issuedBy(extra: "offset=\(offset)"))
                client.send(
                    TestSupport.request(
                        target,
                        authorization: try TestSupport.authorization(for: server, target: target)
                    )
                )
                let response = try client.readResponse()
                #expect(response.statusCode == 200)
                #expect(response.header("Connection") == "keep-alive")
            }
            #expect(server.connectionCount == 1)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await TestSupport.withSandbox { server in
            let client = try RawHTTPClient(port: server.port)
            var bytes = ""
            var targets: [String] = []
            for offset in 0..<3 {
                let target = TestSupport.target(
                    TestSupport.pagingUser,
                    TestSupport.issuedBy(extra: "offset=\(offset)&limit=1")
                )
                targets.append(target)
                bytes += TestSupport.request(
                    target,
                    authorization: try TestSupport.authorization(for: server, target: target)
                )
            }
            client.send(bytes)
            var offsets: [Int64] = []
            for _ in targets {
                offsets.append(try TestSupport.json(try client.readResponse())["offset"]?.int64Value ?? -1)
            }
            #expect(offsets == [0, 1, 2])
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await TestSupport.withSandbox { server in
            let client = try RawHTTPClient(port: server.port)
            let target = TestSupport.target(TestSupport.issuedBy())
            client.send(
                TestSupport.request(
                    target,
                    authorization: try TestSupport.authorization(for: server, target: target),
                    extraHeaders: ["Connection: close"]
                )
            )
            let response = try client.readResponse()
            #expect(response.header("Connection") == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test func malformedRequestGetsAJSON400AndTheServerKeepsServing() async throws {
        try await TestSupport.withSandbox { server in
            for garbage in [
                "\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
            ] {
                let client = try RawHTTPClient(port: server.port)
                client.send(garbage)
                let response = try client.readResponse()
                #expect(response.statusCode == 400)
                #expect(try TestSupport.json(response)["code"]?.stringValue == "INVALID_REQUEST")
                #expect(client.isClosedByServer())
            }
            #expect(try TestSupport.get(server, TestSupport.target(TestSupport.issuedBy())).statusCode == 200)
        }
    }

    @Test func randomBytesNeverStopTheServer() async throws {
        try await TestSupport.withSandbox { server in
            var random = SplitMix64(seed: 7)
            for round in 0..<40 {
                let client = try RawHTTPClient(port: server.port, timeoutSeconds: 2)
                var bytes = (0..<Int(random.next() % 600)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                // Half the rounds start like a request, so the parser gets past the request line.
                if round % 2 == 0 { bytes = Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8) + bytes }
                client.send(bytes + [13, 10, 13, 10])
                _ = try? client.readResponse()
            }
            #expect(try TestSupport.get(server, TestSupport.target(TestSupport.issuedBy())).statusCode == 200)
        }
    }

    @Test func oversizedHeaderGets431() async throws {
        try await TestSupport.withSandbox({ $0.maximumHeaderBytes = 1024 }) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Filler: " + String(repeating: "a", count: 4096) + "\r\n\r\n")
            #expect(try client.readResponse().statusCode == 431)
        }
    }

    @Test func oversizedBodyGets413WithoutReadingIt() async throws {
        try await TestSupport.withSandbox({ $0.maximumBodyBytes = 16 }) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n")
            #expect(try client.readResponse().statusCode == 413)
        }
    }

    @Test func chunkedBodyGets501() async throws {
        try await TestSupport.withSandbox { server in
            let client = try RawHTTPClient(port: server.port)
            client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            #expect(try client.readResponse().statusCode == 501)
        }
    }

    @Test func clientThatDisconnectsMidRequestDoesNotDisturbOthers() async throws {
        try await TestSupport.withSandbox { server in
            do {
                let client = try RawHTTPClient(port: server.port)
                client.send("GET /v3/marketing/favor/users/x/coupons?appid=")
            }
            #expect(try TestSupport.get(server, TestSupport.target(TestSupport.issuedBy())).statusCode == 200)
        }
    }

    @Test func idleConnectionIsClosedAfterTheIdleTimeout() async throws {
        try await TestSupport.withSandbox({ $0.idleTimeout = .milliseconds(100) }) { server in
            let client = try RawHTTPClient(port: server.port)
            // The read blocks until the server closes; the client's own timeout is 5 s.
            #expect(client.isClosedByServer())
        }
    }

    @Test func unfinishedRequestIsDroppedAfterTheRequestTimeout() async throws {
        try await TestSupport.withSandbox({ $0.requestTimeout = .milliseconds(100) }) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send("GET / HTTP/1.1\r\nHost: x\r\n")
            #expect(client.isClosedByServer())
        }
    }

    @Test func connectionsBeyondTheLimitAreClosedAtOnce() async throws {
        try await TestSupport.withSandbox({ $0.maximumConnections = 2 }) { server in
            let first = try RawHTTPClient(port: server.port)
            let second = try RawHTTPClient(port: server.port)
            // Both are accepted once the server has seen them.
            for _ in 0..<1000 where server.connectionCount < 2 { try await Task.sleep(for: .milliseconds(5)) }
            #expect(server.connectionCount == 2)
            let third = try RawHTTPClient(port: server.port)
            #expect(third.isClosedByServer())
            _ = (first, second)
        }
    }

    @Test func stopClosesOpenConnectionsAndFreesThePort() throws {
        let server = try SandboxServer.start(TestSupport.configuration())
        let port = server.port
        let client = try RawHTTPClient(port: port)
        let target = TestSupport.target(TestSupport.issuedBy())
        client.send(
            TestSupport.request(target, authorization: try TestSupport.authorization(for: server, target: target))
        )
        #expect(try client.readResponse().statusCode == 200)

        server.stop()
        #expect(!server.isRunning)
        #expect(client.isClosedByServer())
        #expect(throws: RawHTTPClient.Failure.self) { try RawHTTPClient(port: port) }
        server.stop()

        // The same port can be taken again at once.
        let again = try SandboxServer.start(TestSupport.configuration { $0.port = port })
        defer { again.stop() }
        #expect(again.port == port)
    }

    @Test func stopDropsAnAnswerStillHeldBack() throws {
        let logged = LogRecorder()
        let server = try SandboxServer.start(
            TestSupport.configuration {
                $0.slowDelay = .seconds(30)
                $0.requestLog = logged.record
            }
        )
        let client = try RawHTTPClient(port: server.port)
        let target = TestSupport.target("oUpF8uFaultSlowAnswer0000000", TestSupport.issuedBy())
        client.send(
            TestSupport.request(target, authorization: try TestSupport.authorization(for: server, target: target))
        )
        for _ in 0..<1000 where server.connectionCount == 0 { usleep(1000) }
        server.stop()
        #expect(client.isClosedByServer())
        #expect(logged.lines.isEmpty)
    }

    @Test(arguments: ["0.0.0.0", "192.168.1.10", "example.com", "::", "fe80::1"])
    func nonLoopbackHostIsRefused(_ host: String) {
        #expect(throws: SandboxError.notLoopback(host: host)) {
            try SandboxServer.start(TestSupport.configuration { $0.host = host })
        }
    }

    @Test func portInUseIsAClearError() throws {
        let server = try SandboxServer.start(TestSupport.configuration())
        defer { server.stop() }
        let port = server.port
        do {
            _ = try SandboxServer.start(TestSupport.configuration { $0.port = port })
            Issue.record("a second server took a port in use")
        } catch {
            guard case .cannotListen(_, let failedPort, let operation, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(failedPort == port)
            #expect(operation == "bind")
            #expect(error.description.contains("pick another port"))
        }
    }

    @Test func ipv6LoopbackIsServed() async throws {
        try await TestSupport.withSandbox({ $0.host = "::1" }) { server in
            #expect(server.baseURL == "http://[::1]:\(server.port)")
            let client = try RawHTTPClient(port: server.port, ipv6: true)
            let target = TestSupport.target(TestSupport.issuedBy())
            client.send(
                TestSupport.request(target, authorization: try TestSupport.authorization(for: server, target: target))
            )
            #expect(try client.readResponse().statusCode == 200)
            // Only ::1 is bound, not IPv4 as well. Another test's sandbox may hold the same port number on IPv4,
            // so a connection there is allowed, as long as this server never accepts it.
            withExtendedLifetime(client) {
                if let ipv4 = try? RawHTTPClient(port: server.port) {
                    ipv4.send(TestSupport.request(target, authorization: nil))
                    _ = try? ipv4.readResponse()
                }
                // The IPv6 client's kept-alive connection, and nothing else.
                #expect(server.connectionCount == 1)
            }
        }
    }

    @Test func localhostMeansIPv4Loopback() async throws {
        try await TestSupport.withSandbox({ $0.host = "localhost" }) { server in
            #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
        }
    }

    @Test func urlSessionTalksToTheServerOverOneKeptAliveConnection() async throws {
        try await TestSupport.withSandbox { server in
            let session = URLSession(configuration: .ephemeral)
            defer { session.invalidateAndCancel() }
            for offset in 0..<3 {
                let target = TestSupport.target(TestSupport.pagingUser, TestSupport.issuedBy(extra: "offset=\(offset)"))
                var request = URLRequest(url: try #require(URL(string: server.baseURL + target)))
                request.setValue(
                    try TestSupport.authorization(for: server, target: target),
                    forHTTPHeaderField: "Authorization"
                )
                request.setValue("application/json", forHTTPHeaderField: "Accept")
                request.setValue("CouponSandboxTests/1.0", forHTTPHeaderField: "User-Agent")
                let (data, response) = try await session.data(for: request)
                let http = try #require(response as? HTTPURLResponse)
                #expect(http.statusCode == 200)
                #expect(CouponTestJSON.offset(of: data) == offset)
            }
            #expect(server.connectionCount == 1)
        }
    }

    @Test func concurrentClientsAreAllAnswered() async throws {
        try await TestSupport.withSandbox { server in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for offset in 0..<8 {
                    group.addTask {
                        let target = TestSupport.target(
                            TestSupport.pagingUser,
                            TestSupport.issuedBy(extra: "offset=\(offset % 7)")
                        )
                        return try TestSupport.get(server, target).statusCode
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 8))
        }
    }
}

/// Reads fields of an answer body in tests.
enum CouponTestJSON {
    static func offset(of data: Data) -> Int? {
        (try? JSONParser.parse(Array(data)))?["offset"]?.int64Value.map(Int.init)
    }
}
