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

    // The limits are settings, so even absurd ones must bound the parser without overflowing.
    @Test func absurdLimitsStillParseWithoutOverflow() {
        let unbounded = HTTPRequestParser(maximumHeaderBytes: .max, maximumBodyBytes: .max)
        guard case .complete(let request, _) = unbounded.parse(Array("GET /x HTTP/1.1\r\nHost: h\r\n\r\n".utf8)) else {
            Issue.record("not complete")
            return
        }
        #expect(request.target == "/x")
        let none = HTTPRequestParser(maximumHeaderBytes: -1, maximumBodyBytes: -1)
        guard case .failure(.headerTooLarge) = none.parse(Array("GET / HTTP/1.1\r\n".utf8)) else {
            Issue.record("a negative limit must refuse")
            return
        }
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

    @Test func randomlyMutatedRequestsParseOrFailButNeverTrap() {
        let seeds = [
            "GET /v3/marketing/favor/users/o1/coupons?appid=wx1&limit=20 HTTP/1.1\r\nHost: h\r\n"
                + "Authorization: WECHATPAY2-SHA256-RSA2048 mchid=\"1\"\r\nAccept: */*\r\n\r\n",
            "POST /v3/x HTTP/1.1\r\nHost: h\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{\"a\":[1,2]}\n",
            "GET / HTTP/1.0\r\n\r\nGET /again HTTP/1.1\r\nHost: h\r\n\r\n",
        ]
        var mutator = RequestMutator(
            seed: 0x4854_5450,
            tokens: [":", " ", "\t", "\r\n", "Content-Length: ", "Transfer-Encoding: chunked\r\n", ",", "-1", "\u{0}"]
        )
        var outcomes = (complete: 0, incomplete: 0, failed: 0)
        for round in 0..<3000 {
            let input = mutator.mutant(of: seeds[round % seeds.count])
            switch parser.parse(input) {
            case .complete(let request, let consumed):
                outcomes.complete += 1
                if consumed <= 0 || consumed > input.count || request.body.count > parser.maximumBodyBytes
                    || request.target.first != "/"
                {
                    Issue.record("\(String(decoding: input, as: UTF8.self).debugDescription) read as \(request)")
                }
            case .incomplete:
                outcomes.incomplete += 1
            case .failure(let error):
                outcomes.failed += 1
                if !(400...505).contains(error.statusCode) { Issue.record("\(error) answers \(error.statusCode)") }
            }
        }
        #expect(outcomes.complete > 100 && outcomes.incomplete > 10 && outcomes.failed > 100, "\(outcomes)")
    }
}
