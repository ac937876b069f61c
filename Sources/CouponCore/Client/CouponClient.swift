/// The real coupon client: signs each query, sends it, verifies the answer and decodes it.
///
/// Rules it keeps: the query is validated first; its request target is built once and that one
/// string is signed and sent; a 2xx answer is trusted only when its signature checks out; 429,
/// 5xx, connection failures and answers cut short are retried within `RetryPolicy`; a signature
/// probe is asked again once; the backup host is tried when the primary cannot be reached;
/// cancellation ends the query at once with `.cancelled`.
public final class CouponClient: CouponFetching {
    /// The settings the client was made with.
    public let configuration: CouponClientConfiguration
    private let transport: any HTTPTransport
    private let signer: RequestSigner
    private let verifier: ResponseVerifier
    private let sleeper: any Sleeper
    private let log: DebugLog?

    /// The mchid requests are signed as.
    public var callerMchid: String { configuration.credentials.mchid }

    /// Makes a client; everything but the configuration defaults to the real thing (network, clocks, CSPRNG).
    ///
    /// `log` defaults to the file `COUPONDESK_DEBUG_LOG` names, and to none when it names none.
    public init(
        configuration: CouponClientConfiguration,
        transport: any HTTPTransport = URLSessionTransport(),
        clock: any WallClock = SystemWallClock(),
        nonceSource: any NonceSource = SecureNonceSource(),
        sleeper: any Sleeper = TaskSleeper(),
        log: DebugLog? = DebugLog.fromEnvironment
    ) {
        self.configuration = configuration
        self.transport = transport
        self.signer = RequestSigner(credentials: configuration.credentials, clock: clock, nonceSource: nonceSource)
        self.verifier = ResponseVerifier(
            keys: configuration.verificationKeys,
            clock: clock,
            maximumSkewSeconds: configuration.maximumSkewSeconds
        )
        self.sleeper = sleeper
        self.log = log
    }

    public func fetch(_ query: CouponQuery) async throws(CouponClientError) -> CouponListResponse {
        guard !Task.isCancelled else { throw .cancelled }
        let target: String
        do {
            target = try query.requestTarget(callerMchid: callerMchid)
        } catch {
            throw .invalidQuery(error)
        }
        if let problem = configuration.credentials.problem {
            throw .configuration(problem)
        }
        let endpoints: [BaseURL]
        do {
            endpoints = try configuration.endpoints()
        } catch {
            throw .transport(error)
        }
        // Everything that goes into a header is checked too, so nothing from the settings can break one.
        if let problem = configuration.problem() {
            throw .configuration(problem)
        }

        var run = Run(start: sleeper.now(), endpoints: endpoints)
        while true {
            let outcome = try await attempt(target: target, run: &run)
            switch outcome {
            case .success(let response, let serial):
                return try decode(query: query, target: target, response: response, serial: serial, run: run)
            case .failure(let error, let retry):
                try await prepareRetry(after: error, retry: retry, run: &run)
            }
        }
    }

    // MARK: - One attempt

    /// The bookkeeping of one query across its attempts.
    private struct Run {
        let start: Duration
        let endpoints: [BaseURL]
        var endpointIndex = 0
        var attempts = 0
        var retries = 0
        var hasRetriedProbe = false
        var hasTriedBackup = false
    }

    /// What one attempt came to, and whether it may be tried again.
    private enum Outcome {
        case success(HTTPResponse, serial: String)
        case failure(CouponClientError, retry: RetryKind)
    }

    private enum RetryKind {
        /// Return the error as it is.
        case never
        /// Ask again at once, once: a signature probe.
        case immediately
        /// Back off and ask again; `retryAfter` is the server's own wish, when it gave one.
        case afterBackoff(retryAfter: Duration?)
        /// The host could not be reached: try the other host.
        case otherHost
    }

    private func attempt(target: String, run: inout Run) async throws(CouponClientError) -> Outcome {
        guard !Task.isCancelled else { throw .cancelled }
        run.attempts += 1
        let endpoint = run.endpoints[run.endpointIndex]
        let signed: SignedRequest
        do {
            signed = try signer.sign(method: "GET", target: target)
        } catch {
            throw .configuration("cannot sign the request: \(error)")
        }
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: signed.authorization)
        headers.add(name: "Accept", value: "application/json")
        headers.add(name: "User-Agent", value: configuration.userAgent)
        if let serial = configuration.verificationKeys.preferredSerial {
            headers.add(name: "Wechatpay-Serial", value: serial)
        }
        let remaining = configuration.retryPolicy.totalBudget - (sleeper.now() - run.start)
        let timeout = max(min(configuration.requestTimeout, remaining), .milliseconds(1))
        let request = HTTPRequest(method: "GET", url: endpoint.url(for: target), headers: headers, timeout: timeout)

        log?.log("GET \(endpoint)\(target) attempt \(run.attempts)")
        let sent = sleeper.now()
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            guard !Task.isCancelled else { throw .cancelled }
            log?.log("GET \(endpoint)\(target) failed after \(Self.milliseconds(sleeper.now() - sent)) ms: \(error)")
            return .failure(.transport(error), retry: Self.retryKind(after: error, endpoints: run.endpoints.count))
        }
        guard !Task.isCancelled else { throw .cancelled }
        let requestID = response.headers["Request-ID"].map { VisibleText.escape($0, limit: 128) }
        log?.log(
            "GET \(endpoint)\(target) status \(response.statusCode) in \(Self.milliseconds(sleeper.now() - sent)) ms"
                + " Request-ID \(requestID ?? "none")"
        )

        switch response.statusCode {
        case 200...299:
            do {
                let serial = try verifier.verify(headers: response.headers, body: response.body)
                return .success(response, serial: serial)
            } catch {
                log?.log("answer to GET \(target) not trusted: \(error)")
                let retry: RetryKind = error == .signatureProbe ? .immediately : .never
                return .failure(.verification(error, requestID: requestID), retry: retry)
            }
        case 400...599:
            var verified = false
            if ResponseVerifier.isSigned(response.headers) {
                verified = (try? verifier.verify(headers: response.headers, body: response.body)) != nil
            }
            let error = APIError(response: response, isSignatureVerified: verified, signedMessage: signed.message)
            guard RetryPolicy.isRetryable(statusCode: response.statusCode) else {
                return .failure(.api(error), retry: .never)
            }
            return .failure(.api(error), retry: .afterBackoff(retryAfter: Self.retryAfter(response.headers)))
        default:
            let error = TransportError.other(
                "unexpected HTTP \(response.statusCode) from \(endpoint); WeChat Pay answers 2xx, 4xx or 5xx, "
                    + "so a proxy or gateway is in the way"
            )
            return .failure(.transport(error), retry: .never)
        }
    }

    // MARK: - Retries

    private func prepareRetry(
        after error: CouponClientError,
        retry: RetryKind,
        run: inout Run
    ) async throws(CouponClientError) {
        let policy = configuration.retryPolicy
        var delay: Duration
        switch retry {
        case .never:
            throw error
        case .immediately:
            // A probe is answered by asking again once; a second probe is reported.
            guard !run.hasRetriedProbe else { throw error }
            run.hasRetriedProbe = true
            delay = .zero
        case .afterBackoff(let retryAfter):
            guard run.retries < policy.maximumRetries else { throw error }
            run.retries += 1
            delay = policy.delay(beforeRetry: run.retries, jitter: Double.random(in: 0...1))
            if let retryAfter { delay = max(delay, retryAfter) }
        case .otherHost:
            guard run.retries < policy.maximumRetries else { throw error }
            run.retries += 1
            run.endpointIndex = (run.endpointIndex + 1) % run.endpoints.count
            if run.hasTriedBackup {
                delay = policy.delay(beforeRetry: run.retries, jitter: Double.random(in: 0...1))
            } else {
                // The backup is another region's access point, so it is worth asking at once.
                run.hasTriedBackup = true
                delay = .zero
            }
        }

        let elapsed = sleeper.now() - run.start
        guard elapsed + delay < policy.totalBudget else {
            log?.log("giving up after \(run.attempts) attempts: the retry budget of \(policy.totalBudget) is spent")
            throw error
        }
        if delay > .zero {
            log?.log("retrying in \(Self.milliseconds(delay)) ms after: \(error)")
            do {
                try await sleeper.sleep(for: delay)
            } catch {
                throw .cancelled
            }
        }
    }

    /// How a transport failure is tried again: at the other host when this one could not be reached or did not
    /// answer, at the same host when it answered but was cut off, or not at all.
    private static func retryKind(after error: TransportError, endpoints: Int) -> RetryKind {
        guard RetryPolicy.isRetryable(error) else { return .never }
        if case .answerCutShort = error { return .afterBackoff(retryAfter: nil) }
        return endpoints > 1 ? .otherHost : .afterBackoff(retryAfter: nil)
    }

    /// `Retry-After` in seconds, when the server sent one; HTTP dates are not used by WeChat Pay.
    private static func retryAfter(_ headers: HTTPHeaders) -> Duration? {
        guard let text = headers["Retry-After"], text.utf8.count <= 6, let seconds = Int(text), seconds >= 0 else {
            return nil
        }
        return .seconds(seconds)
    }

    // MARK: - Decoding

    private func decode(
        query: CouponQuery,
        target: String,
        response: HTTPResponse,
        serial: String,
        run: Run
    ) throws(CouponClientError) -> CouponListResponse {
        let requestID = response.headers["Request-ID"].map { VisibleText.escape($0, limit: 128) }
        let page: CouponPage
        do {
            page = try CouponPage(body: response.body)
        } catch {
            throw .decoding(error, requestID: requestID)
        }
        guard !Task.isCancelled else { throw .cancelled }
        return CouponListResponse(
            query: query,
            page: page,
            target: target,
            statusCode: response.statusCode,
            requestID: requestID,
            verifiedBySerial: serial,
            rawBody: response.body,
            latency: sleeper.now() - run.start,
            attempts: run.attempts
        )
    }

    /// The duration in whole milliseconds for the log, saturating: waits come from settings of any size.
    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        let (total, sumOverflow) = whole.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
        return sumOverflow ? (seconds < 0 ? .min : .max) : total
    }
}
