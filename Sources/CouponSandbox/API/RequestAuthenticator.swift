import CouponCore

/// Checks a request's `WECHATPAY2-SHA256-RSA2048` Authorization as WeChat Pay does.
///
/// The merchant id and certificate serial must be the sandbox merchant's, the timestamp within
/// the window, the signature valid under the merchant public key over the exact request target,
/// and the nonce new. Every failure is a `401 SIGN_ERROR` that shows the message the sandbox
/// expected to be signed, as WeChat Pay's `sign_information` does.
struct RequestAuthenticator: Sendable {
    var merchant: SandboxMerchant
    var merchantPublicKey: RSAPublicKey
    var windowSeconds: Int64

    /// The longest expected message shown back; WeChat Pay truncates it too.
    static let truncatedMessageLength = 1024

    /// Accepts the request, or says why not; a nonce is recorded only once everything else has passed.
    func authenticate(_ request: HTTPServerRequest, now: Int64, nonces: inout NonceLedger) -> APIFailure? {
        guard let value = request.header("Authorization"), !value.isEmpty else {
            return Self.malformed(issue: "the request has no Authorization header")
        }
        let header: AuthorizationHeader
        do {
            header = try AuthorizationHeader(parsing: value)
        } catch {
            return Self.malformed(issue: error.description)
        }

        let timestamp = Self.seconds(header.timestamp)
        let message = timestamp.map {
            SignatureMessage.request(
                method: request.method,
                target: request.target,
                timestamp: $0,
                nonce: header.nonce,
                body: String(decoding: request.body, as: UTF8.self)
            )
        }
        func refuse(_ text: String, field: String, issue: String) -> APIFailure {
            Self.signError(message: text, field: field, issue: issue, request: request, expected: message)
        }

        guard header.mchid == merchant.mchid else {
            return refuse(
                "Authorization中的商户号mchid不存在或与证书不匹配",
                field: "mchid",
                issue: "mchid \(header.mchid) is not the sandbox merchant \(merchant.mchid)"
            )
        }
        guard header.serialNumber.uppercased() == merchant.serialNumber else {
            return refuse(
                "商户证书序列号有误，请检查后再试",
                field: "serial_no",
                issue:
                    "serial_no \(header.serialNumber) is not the merchant certificate serial \(merchant.serialNumber)"
            )
        }
        guard let timestamp else {
            return refuse(
                "Authorization中的timestamp格式错误",
                field: "timestamp",
                issue: "timestamp is not a Unix time in seconds"
            )
        }
        let skew = timestamp - now
        guard skew.magnitude <= windowSeconds.magnitude else {
            return refuse(
                "请求的时间戳已过期或超前，请校准本机时间后重试",
                field: "timestamp",
                issue:
                    "timestamp \(timestamp) is \(skew.magnitude) s \(skew < 0 ? "behind" : "ahead of") "
                    + "the server clock "
                    + "(\(now)); at most \(windowSeconds) s apart is accepted"
            )
        }
        guard let signature = Base64.decode(header.signature), let message else {
            return refuse(
                "签名错误，请检查后再试",
                field: "signature",
                issue: "signature is not standard Base64"
            )
        }
        guard merchantPublicKey.isValidSignature(signature, for: Array(message.utf8)) else {
            return refuse(
                "签名错误，请检查后再试",
                field: "signature",
                issue: "sign not match"
            )
        }
        // Saturating, because the window is a setting and may be set absurdly large.
        let (expiry, overflow) = max(now, timestamp).addingReportingOverflow(Int64(clamping: windowSeconds.magnitude))
        guard nonces.record(header.nonce, until: overflow ? .max : expiry, now: now) else {
            return refuse(
                "请求的随机串nonce_str重复，请使用新的随机串",
                field: "nonce_str",
                issue: "nonce_str \(header.nonce) was already used within the last \(windowSeconds) s"
            )
        }
        return nil
    }

    private static func seconds(_ text: String) -> Int64? {
        guard !text.isEmpty, text.count <= 12, text.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int64(text)
    }

    private static func malformed(issue: String) -> APIFailure {
        APIFailure(
            statusCode: 401,
            code: "SIGN_ERROR",
            message: "Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》",
            detail: .object([
                JSONMember("field", .string("authorization")),
                JSONMember("location", .string("header")),
                JSONMember("detail", .object([JSONMember("issue", .string(issue))])),
            ])
        )
    }

    private static func signError(
        message text: String,
        field: String,
        issue: String,
        request: HTTPServerRequest,
        expected: String?
    ) -> APIFailure {
        var detail = [
            JSONMember("field", .string(field)),
            JSONMember("location", .string("authorization")),
            JSONMember("detail", .object([JSONMember("issue", .string(issue))])),
        ]
        if let expected {
            var truncated = ""
            for scalar in expected.unicodeScalars.prefix(truncatedMessageLength) {
                truncated.unicodeScalars.append(scalar)
            }
            detail.append(
                JSONMember(
                    "sign_information",
                    .object([
                        JSONMember("method", .string(request.method)),
                        JSONMember("url", .string(request.target)),
                        JSONMember("sign_message_length", .number(String(expected.utf8.count))),
                        JSONMember("truncated_sign_message", .string(truncated)),
                    ])
                )
            )
        }
        return APIFailure(statusCode: 401, code: "SIGN_ERROR", message: text, detail: .object(detail))
    }
}
