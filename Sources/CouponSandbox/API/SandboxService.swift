import CouponCore

/// Answers requests as WeChat Pay's user-coupon list would, for the sandbox's one merchant.
///
/// Every member is used only on the server's serial queue (the listener calls it there, and the
/// server's own calls hop onto it), which is what makes the unchecked `Sendable` sound.
final class SandboxService: HTTPResponder, @unchecked Sendable {
    let merchant: SandboxMerchant
    let catalogue: CouponCatalogue

    private let configuration: SandboxConfiguration
    private let keys: SandboxKeys
    private let authenticator: RequestAuthenticator
    private let strangerKeyID: String
    private var nonces = NonceLedger()
    private var faultCalls: [String: Int] = [:]
    private var random = SystemRandomNumberGenerator()

    /// The path every coupon-list request has, around the openid.
    static let pathPrefix = "/v3/marketing/favor/users/"
    static let pathSuffix = "/coupons"

    init(configuration: SandboxConfiguration, keys: SandboxKeys, dataSet: SandboxDataSet) {
        self.configuration = configuration
        self.keys = keys
        self.catalogue = CouponCatalogue(dataSet: dataSet)
        self.merchant = SandboxMerchant(profile: dataSet.merchant, keys: keys)
        self.strangerKeyID = SandboxMerchant.strangerKeyID(mchid: dataSet.merchant.mchid, keys: keys)
        self.authenticator = RequestAuthenticator(
            merchant: merchant,
            merchantPublicKey: keys.merchantPrivateKey.publicKey,
            windowSeconds: configuration.timestampWindowSeconds
        )
    }

    /// Forgets how often each fault user's targets were called, so every fault starts again from its first call.
    func resetFaultCounters() {
        faultCalls.removeAll()
    }

    // MARK: - HTTPResponder

    func reply(to request: HTTPServerRequest) -> HTTPReply {
        let requestID = makeRequestID()
        var outcome = answer(request, requestID: requestID)
        let line = SandboxRequestLogLine(
            method: request.method,
            target: request.target,
            statusCode: outcome.reply.response.statusCode,
            errorCode: outcome.errorCode,
            fault: outcome.fault,
            requestID: requestID,
            latency: .zero
        )
        outcome.reply.onWrite = logger(for: line)
        return outcome.reply
    }

    func reply(to error: HTTPRequestError) -> HTTPReply {
        let requestID = makeRequestID()
        let failure = APIFailure(
            statusCode: error.statusCode,
            code: error.statusCode == 413 ? "PARAM_ERROR" : "INVALID_REQUEST",
            message: "HTTP请求格式错误",
            detail: .object([JSONMember("issue", .string(error.description))])
        )
        var reply = HTTPReply(response: failure.response(requestID: requestID), closesConnection: true)
        let line = SandboxRequestLogLine(
            method: "-",
            target: "-",
            statusCode: failure.statusCode,
            errorCode: failure.code,
            requestID: requestID,
            latency: .zero
        )
        reply.onWrite = logger(for: line)
        return reply
    }

    func dateHeader() -> String {
        HTTPServerResponse.httpDate(secondsSince1970: configuration.clock())
    }

    // MARK: - Answering

    private struct Outcome {
        var reply: HTTPReply
        var errorCode: String?
        var fault: SandboxFault?
    }

    private func answer(_ request: HTTPServerRequest, requestID: String) -> Outcome {
        func failed(_ failure: APIFailure, fault: SandboxFault? = nil) -> Outcome {
            Outcome(
                reply: HTTPReply(response: failure.response(requestID: requestID)),
                errorCode: failure.code,
                fault: fault
            )
        }

        guard let openidSegment = Self.openidSegment(of: request.path) else {
            return failed(
                APIFailure(statusCode: 404, code: "RESOURCE_NOT_EXISTS", message: "请求的资源不存在，请检查URL路径")
            )
        }
        guard request.method == "GET" else {
            var outcome = failed(
                APIFailure(statusCode: 405, code: "METHOD_NOT_ALLOWED", message: "该接口仅支持GET请求")
            )
            outcome.reply.response.headers.append(("Allow", "GET"))
            return outcome
        }
        guard !(request.header("Accept") ?? "").isEmpty, !(request.header("User-Agent") ?? "").isEmpty else {
            return failed(APIFailure(statusCode: 400, code: "INVALID_REQUEST", message: "Http头缺少Accept或User-Agent"))
        }

        let now = configuration.clock()
        if let failure = authenticator.authenticate(request, now: now, nonces: &nonces) {
            return failed(failure)
        }

        let query: CouponListRequest
        switch CouponListRequest.parse(openidSegment: openidSegment, query: request.query) {
        case .success(let parsed): query = parsed
        case .failure(let failure): return failed(failure)
        }
        guard merchant.appids.contains(query.appid) else {
            return failed(
                APIFailure(
                    statusCode: 400,
                    code: "APPID_MCHID_NOT_MATCH",
                    message: "商户号与appid不匹配",
                    detail: .object([
                        JSONMember("field", .string("appid")),
                        JSONMember("location", .string("query")),
                        JSONMember("issue", .string("appid is not bound to mchid \(merchant.mchid)")),
                    ])
                )
            )
        }
        guard let entry = catalogue.entry(openid: query.openid), entry.appid == query.appid else {
            return failed(APIFailure(statusCode: 400, code: "INVALID_REQUEST", message: "appid与openid不匹配"))
        }

        let fault = entry.fault
        let call = countCall(of: request.target, fault: fault)
        switch fault {
        case .rateLimited where call <= configuration.rateLimitedCalls:
            return failed(
                APIFailure(statusCode: 429, code: "RATELIMIT_EXCEEDED", message: "超过频率限制，请降低频率后重试"),
                fault: fault
            )
        case .serverError where call <= configuration.serverErrorCalls:
            return failed(
                APIFailure(statusCode: 500, code: "SYSTEM_ERROR", message: "系统错误，请使用相同参数稍后重试"),
                fault: fault
            )
        default:
            break
        }

        var body = listBody(for: query, in: entry, now: now)
        if fault == .malformedBody {
            // The last "}" becomes ",}": still text, no longer JSON.
            body = Array(body.dropLast()) + Array(",}".utf8)
        }
        let headers: [(name: String, value: String)]
        do throws(CryptoError) {
            headers = try signedHeaders(for: body, requestID: requestID, now: now, fault: fault, call: call)
        } catch {
            return failed(APIFailure(statusCode: 500, code: "SYSTEM_ERROR", message: "应答签名失败：\(error)"))
        }
        var reply = HTTPReply(response: HTTPServerResponse(statusCode: 200, headers: headers, body: body))
        switch fault {
        case .slow: reply.delay = configuration.slowDelay
        case .truncatedBody: reply.truncatedBodyLength = body.count / 2
        default: break
        }
        return Outcome(reply: reply, errorCode: nil, fault: fault)
    }

    /// The answer body: `{"data": […], "total_count": N, "limit": L, "offset": O}`.
    ///
    /// With nothing to return, `data` is left out, as WeChat Pay may leave out empty values.
    private func listBody(for query: CouponListRequest, in entry: CouponCatalogue.Entry, now: Int64) -> [UInt8] {
        let dayShift =
            configuration.shiftsDemoDates
            ? CivilTime.chinaDay(secondsSince1970: now) - catalogue.dataSet.referenceDay : 0
        let selection = catalogue.selection(for: query, in: entry)
        let page: ArraySlice<Int>
        let limit: Int
        let offset: Int
        switch query.mode {
        case .issuedBy:
            let (start, overflow) = query.offset.multipliedReportingOverflow(by: query.limit)
            let first = overflow ? selection.count : min(start, selection.count)
            page = selection[first..<min(selection.count, first + query.limit)]
            limit = query.limit
            offset = query.offset
        case .usableAt:
            // One answer holds everything; the page fields describe that answer.
            page = selection[...]
            limit = selection.count
            offset = 0
        }

        var text = "{"
        if !page.isEmpty {
            text += "\"data\":["
            for (position, index) in page.enumerated() {
                if position > 0 { text += "," }
                catalogue.coupon(index, of: entry, dayShift: dayShift).write(into: &text)
            }
            text += "],"
        }
        text += "\"total_count\":\(selection.count),\"limit\":\(limit),\"offset\":\(offset)}"
        return Array(text.utf8)
    }

    private func signedHeaders(
        for body: [UInt8],
        requestID: String,
        now: Int64,
        fault: SandboxFault?,
        call: Int
    ) throws(CryptoError) -> [(name: String, value: String)] {
        let (stale, overflow) = now.subtractingReportingOverflow(configuration.staleTimestampSeconds)
        let timestamp = String(fault == .staleTimestamp ? (overflow ? 0 : stale) : now)
        let nonce = makeNonce()
        let isStranger = fault == .unknownSerial
        let key = isStranger ? keys.strangerPrivateKey : keys.wechatPayPrivateKey
        var signature = try key.sign(SignatureMessage.response(timestamp: timestamp, nonce: nonce, body: body))
        let signatureText: String
        switch fault {
        case .badSignature:
            // Still well-formed Base64 of the right length, only no longer the answer's signature.
            signature[signature.count - 1] ^= 0x01
            signatureText = Base64.encode(signature)
        case .signatureProbe:
            signatureText = Self.probeSignature()
        case .signatureProbeOnce where call == 1:
            signatureText = Self.probeSignature()
        default:
            signatureText = Base64.encode(signature)
        }

        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json; charset=utf-8"),
            ("Server", "CouponSandbox"),
            ("Wechatpay-Nonce", nonce),
        ]
        if fault != .missingSignature { headers.append(("Wechatpay-Signature", signatureText)) }
        headers.append(("Wechatpay-Timestamp", timestamp))
        headers.append(("Wechatpay-Serial", isStranger ? strangerKeyID : merchant.publicKeyID))
        headers.append(("Wechatpay-Signature-Type", AuthorizationHeader.scheme))
        headers.append(("Request-ID", requestID))
        return headers
    }

    // MARK: - Helpers

    /// A signature in the form of WeChat Pay's probes: the `WECHATPAY/SIGNTEST/` prefix makes it invalid Base64.
    private static func probeSignature() -> String {
        "WECHATPAY/SIGNTEST/" + Base64.encode((0..<32).map { _ in UInt8.random(in: 0...255) })
    }

    /// The raw openid segment of a coupon-list path, or `nil` for any other path.
    static func openidSegment(of path: Substring) -> Substring? {
        guard path.hasPrefix(pathPrefix), path.hasSuffix(pathSuffix),
            path.count > pathPrefix.count + pathSuffix.count
        else { return nil }
        let segment = path.dropFirst(pathPrefix.count).dropLast(pathSuffix.count)
        return segment.contains("/") ? nil : segment
    }

    /// Counts a call to `target` for a fault user and returns its number, from 1.
    private func countCall(of target: String, fault: SandboxFault?) -> Int {
        guard fault != nil else { return 0 }
        // A client walking endless distinct targets must not grow the table without bound.
        if faultCalls.count > 10_000 { faultCalls.removeAll() }
        faultCalls[target, default: 0] += 1
        return faultCalls[target, default: 1]
    }

    private func logger(for line: SandboxRequestLogLine) -> (@Sendable (Duration) -> Void)? {
        guard let log = configuration.requestLog else { return nil }
        return { latency in
            var finished = line
            finished.latency = latency
            log(finished)
        }
    }

    private static let nonceAlphabet = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".unicodeScalars
    )

    /// 32 random letters and digits, as the SDKs make nonces.
    private func makeNonce() -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<32 {
            text.append(Self.nonceAlphabet[Int(random.next() % UInt64(Self.nonceAlphabet.count))])
        }
        return String(text)
    }

    /// An id in the shape WeChat Pay's `Request-ID` takes: upper-case hex and a `-0` suffix.
    private func makeRequestID() -> String {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        var text = String.UnicodeScalarView()
        for _ in 0..<40 { text.append(digits[Int(random.next() % 16)]) }
        return String(text) + "-0"
    }
}
