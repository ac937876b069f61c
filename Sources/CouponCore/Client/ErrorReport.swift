/// An error as the screen and the command line show it: what happened, what it means, what to do.
public struct ErrorReport: Sendable, Hashable {
    /// The WeChat Pay code (`PARAM_ERROR`) or this client's own (`SIGNATURE_PROBE`, `NETWORK`).
    public var code: String
    /// The server's message or this client's description of the failure.
    public var message: String
    /// What the code means, in the language asked for.
    public var explanation: String
    /// What the person should do next, in the language asked for.
    public var nextStep: String
    /// `Request-ID` of the answer, when one came back.
    public var requestID: String?
    /// Whether the answer that carried the error was signature-verified; `nil` when no answer came back.
    public var isVerified: Bool?
    /// Further lines worth showing, such as the server's and this client's sign messages on a `SIGN_ERROR`.
    public var detailLines: [String]

    public init(
        code: String,
        message: String,
        explanation: String,
        nextStep: String,
        requestID: String? = nil,
        isVerified: Bool? = nil,
        detailLines: [String] = []
    ) {
        self.code = code
        self.message = message
        self.explanation = explanation
        self.nextStep = nextStep
        self.requestID = requestID
        self.isVerified = isVerified
        self.detailLines = detailLines
    }
}

extension CouponClientError {
    /// The code this error is reported under: WeChat Pay's own, or one of this client's.
    public var reportCode: String {
        switch self {
        case .api(let error): return error.code.isEmpty ? "HTTP_ERROR" : VisibleText.escape(error.code, limit: 64)
        case .invalidQuery: return "INVALID_QUERY"
        case .configuration: return "CONFIGURATION"
        case .verification(let error, _): return error.reportCode
        case .transport(let error): return error.reportCode
        case .decoding: return "UNREADABLE_ANSWER"
        case .cancelled: return "CANCELLED"
        }
    }

    /// The error as people should see it, in `language`.
    public func report(language: Language) -> ErrorReport {
        let code = reportCode
        let entry = ErrorCatalogue.entry(for: code) ?? ErrorCatalogue.unknownServerCode(code)
        switch self {
        case .api(let error):
            let message = error.message.isEmpty ? "HTTP \(error.statusCode)" : VisibleText.escape(error.message)
            return ErrorReport(
                code: code,
                message: message,
                explanation: entry.explanation(in: language),
                nextStep: entry.nextStep(in: language),
                requestID: error.requestID,
                isVerified: error.isSignatureVerified,
                detailLines: error.detailLines(language: language)
            )
        case .verification(let error, let requestID):
            return ErrorReport(
                code: code,
                message: error.description,
                explanation: entry.explanation(in: language),
                nextStep: entry.nextStep(in: language),
                requestID: requestID,
                isVerified: false,
                detailLines: error.detailLines(language: language)
            )
        case .decoding(_, let requestID):
            return ErrorReport(
                code: code,
                message: description,
                explanation: entry.explanation(in: language),
                nextStep: entry.nextStep(in: language),
                requestID: requestID,
                isVerified: true
            )
        case .invalidQuery, .configuration, .transport, .cancelled:
            return ErrorReport(
                code: code,
                message: VisibleText.escape(description),
                explanation: entry.explanation(in: language),
                nextStep: entry.nextStep(in: language)
            )
        }
    }
}

extension APIError {
    /// The lines worth showing under the message: the field at fault, and on a `SIGN_ERROR` both sign messages.
    func detailLines(language: Language) -> [String] {
        let chinese = language == .chinese
        var lines = [chinese ? "HTTP 状态：\(statusCode)" : "HTTP status: \(statusCode)"]
        for (key, label) in [
            ("field", chinese ? "字段" : "field"), ("value", chinese ? "取值" : "value"),
            ("issue", chinese ? "问题" : "issue"), ("location", chinese ? "位置" : "location"),
        ] {
            if let value = detail?[key], let text = value.stringValue ?? (value == .null ? nil : value.jsonText) {
                lines.append("\(label): \(VisibleText.escape(text, limit: 200))")
            }
        }
        if code == "SIGN_ERROR" {
            let server = truncatedSignMessage
            lines.append(
                (chinese ? "服务端收到的签名串（截断）：" : "server's sign message (truncated): ")
                    + (server.map { VisibleText.escape($0, limit: 1024) } ?? (chinese ? "（未提供）" : "(not given)"))
            )
            lines.append(
                (chinese ? "本机签名的串：" : "message this client signed: ")
                    + (signedMessage.map { VisibleText.escape($0, limit: 1024) } ?? (chinese ? "（无）" : "(none)"))
            )
            if let server, let signedMessage, let offset = Self.firstDifference(server, signedMessage) {
                lines.append(
                    chinese
                        ? "两者从第 \(offset + 1) 个字符起不同。"
                        : "They differ from character \(offset + 1) on."
                )
            } else if server != nil, signedMessage != nil {
                lines.append(
                    chinese
                        ? "两者（在服务端截断的范围内）一致：多半是证书序列号与私钥不匹配。"
                        : "They agree (as far as the server's copy goes): the serial and the key most likely do not "
                            + "match."
                )
            }
        }
        return lines
    }

    /// The index of the first character where `server` differs from `ours`.
    ///
    /// A server copy that is a prefix of ours does not differ: the server truncates what it shows.
    static func firstDifference(_ server: String, _ ours: String) -> Int? {
        let lhs = Array(server.unicodeScalars)
        let rhs = Array(ours.unicodeScalars)
        for index in 0..<lhs.count {
            guard index < rhs.count, lhs[index] == rhs[index] else { return index }
        }
        return nil
    }
}

extension VerificationError {
    /// The client code each verification failure is reported under.
    public var reportCode: String {
        switch self {
        case .missingHeader: return "UNSIGNED_ANSWER"
        case .unsupportedSignatureType: return "UNSUPPORTED_SIGNATURE_TYPE"
        case .unknownSerial: return "UNKNOWN_SERIAL"
        case .signatureProbe: return "SIGNATURE_PROBE"
        case .malformedSignature: return "MALFORMED_SIGNATURE"
        case .signatureMismatch: return "SIGNATURE_MISMATCH"
        case .malformedTimestamp: return "MALFORMED_TIMESTAMP"
        case .timestampOutOfWindow: return "CLOCK_SKEW"
        }
    }

    func detailLines(language: Language) -> [String] {
        let chinese = language == .chinese
        switch self {
        case .unknownSerial(let serial, let configured):
            let known = configured.isEmpty ? (chinese ? "（无）" : "(none)") : configured.joined(separator: ", ")
            return [
                (chinese ? "应答的 Wechatpay-Serial：" : "answer's Wechatpay-Serial: ") + serial,
                (chinese ? "已配置：" : "configured: ") + known,
            ]
        case .timestampOutOfWindow(let skew):
            let seconds = skew.magnitude
            // A positive skew means the answer is ahead, so this machine's clock is behind.
            if chinese {
                return ["本机时钟比微信支付\(skew > 0 ? "慢" : "快") \(seconds) 秒（允许 300 秒）。"]
            }
            return [
                "This machine's clock is \(seconds) s \(skew > 0 ? "behind" : "ahead of") WeChat Pay's (300 s allowed)."
            ]
        case .missingHeader(let name):
            return [(chinese ? "缺少的头：" : "missing header: ") + name]
        default:
            return []
        }
    }
}

extension TransportError {
    /// The client code each transport failure is reported under.
    public var reportCode: String {
        switch self {
        case .invalidBaseURL: return "INVALID_BASE_URL"
        case .insecureScheme: return "INSECURE_URL"
        case .cannotConnect: return "NETWORK"
        case .timedOut: return "TIMEOUT"
        case .answerCutShort: return "ANSWER_CUT_SHORT"
        case .other: return "TRANSPORT_ERROR"
        case .tlsFailure: return "TLS_FAILURE"
        }
    }
}
