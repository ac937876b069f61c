import CouponCore
import Testing

@testable import CouponSandbox

@Suite struct RequestLogTests {
    @Test func everyRequestGetsOneLineWithMethodTargetStatusAndLatency() async throws {
        let log = LogRecorder()
        try await TestSupport.withSandbox({ $0.requestLog = log.record }) { server in
            let target = TestSupport.target(TestSupport.issuedBy())
            _ = try TestSupport.get(server, target)
            _ = try TestSupport.get(server, "/nowhere")
            let lines = log.lines
            #expect(lines.count == 2)
            #expect(lines.first?.method == "GET")
            #expect(lines.first?.target == target)
            #expect(lines.first?.statusCode == 200)
            #expect(lines.first?.errorCode == nil)
            #expect(lines.last?.statusCode == 404)
            #expect(lines.last?.errorCode == "RESOURCE_NOT_EXISTS")
            #expect(lines.first?.description.hasPrefix("GET \(target) -> 200 ") == true)
            #expect(lines.first?.description.hasSuffix(" ms") == true)
        }
    }

    @Test func logLineNeverCarriesTheAuthorizationOrTheSignature() async throws {
        let log = LogRecorder()
        try await TestSupport.withSandbox({ $0.requestLog = log.record }) { server in
            let target = TestSupport.target(TestSupport.issuedBy())
            let authorization = try TestSupport.authorization(for: server, target: target)
            let client = try RawHTTPClient(port: server.port)
            client.send(TestSupport.request(target, authorization: authorization))
            let response = try client.readResponse()
            let signature = try AuthorizationHeader(parsing: authorization).signature
            let line = try #require(log.lines.first).description
            #expect(!line.contains(signature))
            #expect(!line.contains(try #require(response.header("Wechatpay-Signature"))))
            #expect(!line.contains("WECHATPAY2"))
        }
    }

    @Test func slowAnswerIsLoggedWithItsDelayWhenItGoesOut() async throws {
        let log = LogRecorder()
        try await TestSupport.withSandbox({
            $0.requestLog = log.record
            $0.slowDelay = .milliseconds(120)
        }) { server in
            _ = try TestSupport.get(server, TestSupport.target("oUpF8uFaultSlowAnswer0000000", TestSupport.issuedBy()))
            let line = try #require(log.lines.first)
            #expect(line.latency >= .milliseconds(120))
            #expect(line.fault == .slow)
            #expect(line.description.hasSuffix("[fault: slow]"))
        }
    }

    @Test func malformedRequestIsLoggedWithoutItsBytes() async throws {
        let log = LogRecorder()
        try await TestSupport.withSandbox({ $0.requestLog = log.record }) { server in
            let client = try RawHTTPClient(port: server.port)
            client.send("\u{1B}]52;c;AAAA\u{07} nonsense\r\n\r\n")
            _ = try client.readResponse()
            let line = try #require(log.lines.first)
            #expect(line.statusCode == 400)
            #expect(line.method == "-")
            #expect(!line.description.contains("\u{1B}"))
        }
    }

    @Test func printableEscapesEverythingOutsidePrintableASCII() {
        #expect(SandboxRequestLogLine.printable("a\u{1B}[2Jb") == "a\\x1B[2Jb")
        #expect(SandboxRequestLogLine.printable("你") == "\\xE4\\xBD\\xA0")
        #expect(SandboxRequestLogLine.printable("\\") == "\\x5C")
    }

    @Test func latencyIsShownInMillisecondsToOneDecimal() {
        #expect(SandboxRequestLogLine.milliseconds(.microseconds(1_449)) == "1.4 ms")
        #expect(SandboxRequestLogLine.milliseconds(.seconds(3)) == "3000.0 ms")
    }
}
