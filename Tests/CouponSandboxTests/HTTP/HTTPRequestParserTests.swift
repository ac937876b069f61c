import Testing

@testable import CouponSandbox

@Suite struct HTTPRequestParserTests {
    private let parser = HTTPRequestParser(maximumHeaderBytes: 1024, maximumBodyBytes: 64)

    private func parse(_ text: String) -> HTTPRequestParser.Outcome {
        parser.parse(Array(text.utf8))
    }

    private func failure(_ text: String) -> HTTPRequestError? {
        if case .failure(let error) = parse(text) { return error }
        return nil
    }

    @Test func wholeRequestIsReadWithItsTargetVerbatim() throws {
        let text = "GET /v3/a%2Fb?x=1&y=%E4%BD%A0 HTTP/1.1\r\nHost: h\r\nAccept:  application/json \r\n\r\n"
        guard case .complete(let request, let consumed) = parse(text) else {
            Issue.record("not complete")
            return
        }
        #expect(request.method == "GET")
        #expect(request.target == "/v3/a%2Fb?x=1&y=%E4%BD%A0")
        #expect(request.path == "/v3/a%2Fb")
        #expect(request.query == "x=1&y=%E4%BD%A0")
        #expect(request.header("accept") == "application/json")
        #expect(consumed == text.utf8.count)
    }

    @Test func partialRequestWaitsForMoreBytes() {
        guard case .incomplete = parse("GET / HTTP/1.1\r\nHost: h\r\n") else {
            Issue.record("should wait")
            return
        }
        guard case .incomplete = parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nab") else {
            Issue.record("should wait for the body")
            return
        }
    }

    @Test func bodyIsTakenByContentLengthAndTheRestLeftForTheNextRequest() {
        let text = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n{}GET / HTTP/1.1\r\n"
        guard case .complete(let request, let consumed) = parse(text) else {
            Issue.record("not complete")
            return
        }
        #expect(request.body == Array("{}".utf8))
        #expect(consumed == text.utf8.count - "GET / HTTP/1.1\r\n".utf8.count)
    }

    @Test func bareLineFeedsAreAccepted() {
        guard case .complete(let request, _) = parse("GET /x HTTP/1.1\nHost: h\n\n") else {
            Issue.record("not complete")
            return
        }
        #expect(request.target == "/x")
    }

    @Test func leadingEmptyLinesAreSkipped() {
        guard case .complete = parse("\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n") else {
            Issue.record("not complete")
            return
        }
    }

    @Test(arguments: [
        "GET /\r\n\r\n", "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", "GET http://h/ HTTP/1.1\r\nHost: h\r\n\r\n",
        "G(T / HTTP/1.1\r\nHost: h\r\n\r\n", "GET / FTP/1.1\r\nHost: h\r\n\r\n",
    ])
    func malformedRequestLineIsRefused(_ text: String) {
        #expect(failure(text) == .malformedRequestLine)
    }

    @Test func otherHTTPVersionsAreRefused() {
        #expect(failure("GET / HTTP/2.0\r\nHost: h\r\n\r\n") == .unsupportedVersion)
    }

    @Test(arguments: [
        "GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n", "GET / HTTP/1.1\r\nHost : h\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n", "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{01}b\r\n\r\n",
    ])
    func malformedHeaderIsRefused(_ text: String) {
        #expect(failure(text) == .malformedHeader)
    }

    @Test func http11WithoutHostIsRefusedButHttp10IsNot() {
        #expect(failure("GET / HTTP/1.1\r\nAccept: x\r\n\r\n") == .missingHost)
        guard case .complete(let request, _) = parse("GET / HTTP/1.0\r\n\r\n") else {
            Issue.record("HTTP/1.0 needs no Host")
            return
        }
        #expect(request.wantsClose)
    }

    @Test(arguments: ["abc", "-1", "1, 2", "1\r\nContent-Length: 2"])
    func contentLengthThatIsNotOneNumberIsRefused(_ value: String) {
        #expect(failure("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \(value)\r\n\r\n") == .invalidContentLength)
    }

    @Test func repeatedEqualContentLengthIsAccepted() {
        guard case .complete = parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1, 1\r\n\r\nx") else {
            Issue.record("equal values are one length")
            return
        }
    }

    @Test func transferEncodingIsRefused() {
        #expect(
            failure("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n") == .unsupportedTransferEncoding
        )
    }

    @Test func bodyOverTheLimitIsRefusedBeforeItArrives() {
        #expect(failure("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 65\r\n\r\n") == .bodyTooLarge(65))
    }

    @Test func headerOverTheLimitIsRefusedEvenUnfinished() {
        let long = "GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "a", count: 2000)
        #expect(failure(long) == .headerTooLarge)
        #expect(failure(long + "\r\n\r\n") == .headerTooLarge)
    }

    @Test func endlessEmptyLinesAreRefused() {
        #expect(failure(String(repeating: "\r\n", count: 100)) == .malformedRequestLine)
    }

    @Test func connectionHeaderDecidesKeepAlive() {
        guard case .complete(let close, _) = parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: Close\r\n\r\n"),
            case .complete(let keep, _) = parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"),
            case .complete(let plain, _) = parse("GET / HTTP/1.1\r\nHost: h\r\n\r\n")
        else {
            Issue.record("not complete")
            return
        }
        #expect(close.wantsClose)
        #expect(!keep.wantsClose)
        #expect(!plain.wantsClose)
    }
}
