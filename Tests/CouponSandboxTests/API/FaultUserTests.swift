import CouponCore
import Testing

@testable import CouponSandbox

/// Every fault user, driven with the real CouponClient, ends in the typed error it is there to show.
@Suite struct FaultUserTests {
    static let rateLimited = "oUpF8uFault429RateLimited000"
    static let serverError = "oUpF8uFault500ServerError000"
    static let slow = "oUpF8uFaultSlowAnswer0000000"
    static let badSignature = "oUpF8uFaultBadSignature00000"
    static let missingSignature = "oUpF8uFaultNoSignature000000"
    static let staleTimestamp = "oUpF8uFaultStaleTimestamp000"
    static let probe = "oUpF8uFaultSignTestProbe0000"
    static let probeOnce = "oUpF8uFaultSignTestOnce00000"
    static let unknownSerial = "oUpF8uFaultUnknownSerial0000"
    static let truncatedBody = "oUpF8uFaultTruncatedBody0000"
    static let malformedBody = "oUpF8uFaultMalformedBody0000"
    static let hostileText = "oUpF8uFaultHostileText000000"

    @Test func everyFaultHasADemoUser() throws {
        let faults = Set(try SandboxDataSet.demo().users.compactMap(\.fault))
        #expect(faults == Set(SandboxFault.allCases))
    }

    @Test func rateLimitedUserRecoversWithinTheRetryPolicy() async throws {
        try await ClientSupport.withSandbox({ $0.rateLimitedCalls = 2 }) { server in
            let response = try await ClientSupport.client(for: server).fetch(ClientSupport.query(Self.rateLimited))
            #expect(response.attempts == 3)
            #expect(response.page.coupons.count == 2)
        }
    }

    @Test func rateLimitedUserWithoutRetriesIs429RatelimitExceeded() async throws {
        try await ClientSupport.withSandbox { server in
            let client = ClientSupport.client(for: server, retryPolicy: .none)
            guard case .api(let api) = await ClientSupport.error(of: client, ClientSupport.query(Self.rateLimited))
            else {
                Issue.record("expected an API error")
                return
            }
            #expect(api.statusCode == 429)
            #expect(api.code == "RATELIMIT_EXCEEDED")
            #expect(TestSupport.isRequestID(api.requestID))
        }
    }

    @Test func serverErrorUserRecoversOnTheRetry() async throws {
        try await ClientSupport.withSandbox { server in
            let response = try await ClientSupport.client(for: server).fetch(ClientSupport.query(Self.serverError))
            #expect(response.attempts == 2)
        }
    }

    @Test func serverErrorUserWithoutRetriesIs500SystemError() async throws {
        try await ClientSupport.withSandbox { server in
            let client = ClientSupport.client(for: server, retryPolicy: .none)
            guard case .api(let api) = await ClientSupport.error(of: client, ClientSupport.query(Self.serverError))
            else {
                Issue.record("expected an API error")
                return
            }
            #expect(api.statusCode == 500)
            #expect(api.code == "SYSTEM_ERROR")
        }
    }

    @Test func faultsCountCallsPerRequestTargetAndCanBeReset() async throws {
        try await ClientSupport.withSandbox({ $0.rateLimitedCalls = 1 }) { server in
            let client = ClientSupport.client(for: server, retryPolicy: .none)
            // The HTTP status a lookup ended with: 200 for a page, -1 for anything that was not an answer.
            func status(_ query: CouponQuery) async -> Int {
                switch await ClientSupport.error(of: client, query) {
                case nil: return 200
                case .api(let api)?: return api.statusCode
                default: return -1
                }
            }
            var query = ClientSupport.query(Self.rateLimited)
            #expect(await status(query) == 429)
            #expect(await status(query) == 200)
            // Another page is another target, so it starts from its own first call.
            query.offset = 1
            #expect(await status(query) == 429)
            server.resetFaultCounters()
            query.offset = 0
            #expect(await status(query) == 429)
        }
    }

    @Test func slowUserAnswersAfterTheConfiguredDelay() async throws {
        try await ClientSupport.withSandbox({ $0.slowDelay = .milliseconds(150) }) { server in
            let response = try await ClientSupport.client(for: server).fetch(ClientSupport.query(Self.slow))
            #expect(response.latency >= .milliseconds(150))
        }
    }

    @Test func slowUserTimesOutAClientThatWillNotWait() async throws {
        try await ClientSupport.withSandbox({ $0.slowDelay = .seconds(3) }) { server in
            let client = ClientSupport.client(for: server, retryPolicy: .none, requestTimeout: .seconds(1))
            guard case .transport(.timedOut) = await ClientSupport.error(of: client, ClientSupport.query(Self.slow))
            else {
                Issue.record("expected a timeout")
                return
            }
        }
    }

    @Test func badSignatureIsASignatureMismatch() async throws {
        try await ClientSupport.withSandbox { server in
            let error = await ClientSupport.error(
                of: ClientSupport.client(for: server),
                ClientSupport.query(Self.badSignature)
            )
            guard case .verification(.signatureMismatch(let serial), let requestID) = error else {
                Issue.record("expected a signature mismatch, got \(String(describing: error))")
                return
            }
            #expect(serial == server.merchant.publicKeyID)
            #expect(TestSupport.isRequestID(requestID))
        }
    }

    @Test func missingSignatureIsAMissingHeader() async throws {
        try await ClientSupport.withSandbox { server in
            let error = await ClientSupport.error(
                of: ClientSupport.client(for: server),
                ClientSupport.query(Self.missingSignature)
            )
            guard case .verification(.missingHeader(let name), _) = error else {
                Issue.record("expected a missing header, got \(String(describing: error))")
                return
            }
            #expect(name == "Wechatpay-Signature")
        }
    }

    @Test func staleTimestampIsOutsideTheWindow() async throws {
        try await ClientSupport.withSandbox({ $0.staleTimestampSeconds = 900 }) { server in
            let error = await ClientSupport.error(
                of: ClientSupport.client(for: server),
                ClientSupport.query(Self.staleTimestamp)
            )
            guard case .verification(.timestampOutOfWindow(let skew), _) = error else {
                Issue.record("expected an out-of-window timestamp, got \(String(describing: error))")
                return
            }
            #expect(skew.magnitude >= 899)
        }
    }

    @Test func staleTimestampOfAnySizeStillSignsAnAnswer() async throws {
        try await TestSupport.withSandbox({ $0.staleTimestampSeconds = .min }) { server in
            let response = try TestSupport.get(server, TestSupport.target(Self.staleTimestamp, TestSupport.issuedBy()))
            #expect(response.statusCode == 200)
            #expect(response.header("Wechatpay-Timestamp") == "0")
            #expect(TestSupport.isSignatureValid(response, server: server))
        }
    }

    @Test func signatureProbeOnEveryAnswerIsReportedAfterOneRetry() async throws {
        let log = LogRecorder()
        try await ClientSupport.withSandbox({ $0.requestLog = log.record }) { server in
            let error = await ClientSupport.error(
                of: ClientSupport.client(for: server),
                ClientSupport.query(Self.probe)
            )
            guard case .verification(.signatureProbe, _) = error else {
                Issue.record("expected a signature probe, got \(String(describing: error))")
                return
            }
            #expect(log.lines.count == 2)
        }
    }

    @Test func signatureProbeOnTheFirstAnswerOnlyIsRecoveredByTheOneRetry() async throws {
        try await ClientSupport.withSandbox { server in
            let response = try await ClientSupport.client(for: server, retryPolicy: .none).fetch(
                ClientSupport.query(Self.probeOnce)
            )
            #expect(response.attempts == 2)
        }
    }

    @Test func unknownSerialNamesTheKeyAndTheConfiguredOnes() async throws {
        try await ClientSupport.withSandbox { server in
            let error = await ClientSupport.error(
                of: ClientSupport.client(for: server),
                ClientSupport.query(Self.unknownSerial)
            )
            guard case .verification(.unknownSerial(let serial, let configured), _) = error else {
                Issue.record("expected an unknown serial, got \(String(describing: error))")
                return
            }
            #expect(serial.hasPrefix("PUB_KEY_ID_"))
            #expect(serial != server.merchant.publicKeyID)
            #expect(configured == [server.merchant.publicKeyID])
        }
    }

    @Test func truncatedBodyIsAnAnswerCutShortThatIsRetriedThenReported() async throws {
        let log = LogRecorder()
        try await ClientSupport.withSandbox({ $0.requestLog = log.record }) { server in
            let error = await ClientSupport.error(
                of: ClientSupport.client(for: server),
                ClientSupport.query(Self.truncatedBody)
            )
            guard case .transport(.answerCutShort(let host, let reason)) = error else {
                Issue.record("expected an answer cut short, got \(String(describing: error))")
                return
            }
            #expect(host == "127.0.0.1")
            #expect(reason.contains("bytes remaining"))
            // The first ask and three retries, each answered and cut off halfway.
            #expect(log.lines.map(\.fault) == Array(repeating: .truncatedBody, count: 4))
            let report = try #require(error?.report(language: .english))
            #expect(report.code == "ANSWER_CUT_SHORT")
            #expect(report.explanation.contains("WeChat Pay was reached"))
        }
    }

    @Test func truncatedBodyStopsShortOfItsContentLength() async throws {
        try await TestSupport.withSandbox { server in
            let target = TestSupport.target(Self.truncatedBody, TestSupport.issuedBy())
            let failure = #expect(throws: RawHTTPClient.Failure.self) { try TestSupport.get(server, target) }
            guard case .truncated(let expected, let received)? = failure else {
                Issue.record("expected a truncated body, got \(String(describing: failure))")
                return
            }
            // Half the announced body, then the connection closes.
            #expect(expected > 0 && received == expected / 2)
        }
    }

    @Test func malformedBodyIsADecodingFailureOfAVerifiedAnswer() async throws {
        try await ClientSupport.withSandbox { server in
            let error = await ClientSupport.error(
                of: ClientSupport.client(for: server),
                ClientSupport.query(Self.malformedBody)
            )
            guard case .decoding(.malformedJSON, let requestID) = error else {
                Issue.record("expected a decoding failure, got \(String(describing: error))")
                return
            }
            #expect(TestSupport.isRequestID(requestID))
        }
    }

    @Test func hostileTextArrivesIntactForTheClientToNeutralise() async throws {
        try await ClientSupport.withSandbox { server in
            let response = try await ClientSupport.client(for: server).fetch(ClientSupport.query(Self.hostileText))
            let names = response.page.coupons.map(\.name)
            #expect(names.contains { $0.contains("\u{1B}[2J") })
            #expect(names.contains { $0.contains("\u{1B}]52;c;") && $0.contains("\u{07}") })
            #expect(names.contains { $0.contains("\u{07}\u{07}") })
            #expect(
                response.page.coupons.contains {
                    $0.description.contains("\u{9B}") && $0.description.contains("\u{00}")
                }
            )
        }
    }
}
