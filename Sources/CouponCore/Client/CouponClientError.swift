/// Why a coupon query did not produce a verified page.
public enum CouponClientError: Error, Sendable, CustomStringConvertible {
    /// The query broke one of the API's rules and was not sent.
    case invalidQuery(CouponQueryError)
    /// The client's own settings are unusable (a key, an id, a base URL).
    case configuration(String)
    /// WeChat Pay answered with an error (4xx or 5xx).
    case api(APIError)
    /// A 2xx answer whose signature or timestamp did not check out; its data is not trusted.
    case verification(VerificationError, requestID: String?)
    /// The request did not reach WeChat Pay, or no answer came back.
    case transport(TransportError)
    /// A verified answer whose body could not be read.
    case decoding(CouponDecodingError, requestID: String?)
    /// The query was cancelled before its answer arrived.
    case cancelled

    /// `Request-ID` of the answer, when one came back.
    public var requestID: String? {
        switch self {
        case .api(let error): return error.requestID
        case .verification(_, let requestID), .decoding(_, let requestID): return requestID
        case .invalidQuery, .configuration, .transport, .cancelled: return nil
        }
    }

    public var description: String {
        switch self {
        case .invalidQuery(let error): return error.description
        case .configuration(let reason): return reason
        case .api(let error): return error.description
        case .verification(let error, _): return error.description
        case .transport(let error): return error.description
        case .decoding(let error, _): return error.description
        case .cancelled: return "the query was cancelled"
        }
    }
}

/// An error answer from WeChat Pay: `{"code": …, "message": …, "detail": …}` and its status.
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status, 400 to 599.
    public var statusCode: Int
    /// The error code, such as `PARAM_ERROR`; empty when the body carried none.
    public var code: String
    /// The server's message, which may differ for the same code.
    public var message: String
    /// `detail`, when present.
    public var detail: JSONValue?
    /// `Request-ID` of the answer.
    public var requestID: String?
    /// Whether the error answer carried a signature that checked out; error answers may come unsigned.
    public var isSignatureVerified: Bool
    /// The message this client signed, kept so a `SIGN_ERROR` can be compared with what the server built.
    public var signedMessage: String?

    public init(
        statusCode: Int,
        code: String,
        message: String,
        detail: JSONValue? = nil,
        requestID: String? = nil,
        isSignatureVerified: Bool = false,
        signedMessage: String? = nil
    ) {
        self.statusCode = statusCode
        self.code = code
        self.message = message
        self.detail = detail
        self.requestID = requestID
        self.isSignatureVerified = isSignatureVerified
        self.signedMessage = signedMessage
    }

    /// `detail.sign_information.truncated_sign_message`: the message the server built, on a `SIGN_ERROR`.
    public var truncatedSignMessage: String? {
        detail?["sign_information"]?["truncated_sign_message"]?.stringValue
    }

    /// `detail.field`: the parameter the server found fault with.
    public var field: String? {
        detail?["field"]?.stringValue
    }

    /// The code, status and message, with anything a terminal would act on made visible: both come from the server.
    public var description: String {
        let code = code.isEmpty ? "HTTP \(statusCode)" : "\(VisibleText.escape(code, limit: 64)) (HTTP \(statusCode))"
        return message.isEmpty ? code : "\(code): \(VisibleText.escape(message))"
    }
}

/// Why the signature on a 2xx answer was not accepted.
public enum VerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One of the `Wechatpay-*` headers is missing: a 2xx without a signature is treated as forged.
    case missingHeader(String)
    /// `Wechatpay-Signature-Type` names a scheme other than `WECHATPAY2-SHA256-RSA2048`.
    case unsupportedSignatureType(String)
    /// `Wechatpay-Serial` names a key that is not configured.
    case unknownSerial(String, configured: [String])
    /// The signature starts with `WECHATPAY/SIGNTEST/`: WeChat Pay's probe of whether clients verify.
    case signatureProbe
    /// The signature is not Base64.
    case malformedSignature
    /// The signature does not match the answer.
    case signatureMismatch(serial: String)
    /// `Wechatpay-Timestamp` is not a number of seconds.
    case malformedTimestamp(String)
    /// The answer's timestamp is further from the local clock than the five minutes allowed.
    case timestampOutOfWindow(skewSeconds: Int64)

    public var description: String {
        switch self {
        case .missingHeader(let name):
            return "the answer has no \(name) header, so it is not signed and is not trusted"
        case .unsupportedSignatureType(let type):
            return "the answer is signed with \(type), not WECHATPAY2-SHA256-RSA2048"
        case .unknownSerial(let serial, let configured):
            let known = configured.isEmpty ? "none" : configured.joined(separator: ", ")
            return "the answer is signed by key \(serial), which is not configured (configured: \(known))"
        case .signatureProbe:
            return "signature probe, answer not trusted (WeChat Pay sent a WECHATPAY/SIGNTEST/ signature)"
        case .malformedSignature:
            return "the answer's signature is not Base64"
        case .signatureMismatch(let serial):
            return "the answer's signature does not match its content (key \(serial))"
        case .malformedTimestamp(let value):
            return "the answer's Wechatpay-Timestamp \"\(value.prefix(32))\" is not a Unix time in seconds"
        case .timestampOutOfWindow(let skew):
            let direction = skew > 0 ? "ahead of" : "behind"
            return "the answer's timestamp is \(skew.magnitude) s \(direction) this machine's clock; "
                + "more than 300 s apart means the clock is wrong or the answer is replayed"
        }
    }
}

/// Why a request did not get an answer.
public enum TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The base URL is not an absolute http(s) URL.
    case invalidBaseURL(String)
    /// Plain http to a host that is not loopback.
    case insecureScheme(String)
    /// No connection could be made to the host.
    case cannotConnect(host: String, reason: String)
    /// No answer came within the timeout.
    case timedOut(seconds: Double)
    /// The host was reached, but the connection closed before its answer was complete (or before any of it came).
    case answerCutShort(host: String, reason: String)
    /// TLS failed: a certificate problem or a proxy in the way.
    case tlsFailure(reason: String)
    /// Anything else the network layer reported.
    case other(String)

    public var description: String {
        switch self {
        case .invalidBaseURL(let url):
            return "the API base URL \"\(url)\" is not an absolute https URL"
        case .insecureScheme(let url):
            return "refusing plain http to \(url): only loopback hosts may use http; use https"
        case .cannotConnect(let host, let reason):
            return "cannot connect to \(host): \(reason)"
        case .timedOut(let seconds):
            return "no answer within \(seconds) s"
        case .answerCutShort(let host, let reason):
            return "\(host) was reached, but its answer was cut short before it was complete (\(reason))"
        case .tlsFailure(let reason):
            return "TLS failed: \(reason)"
        case .other(let reason):
            return reason
        }
    }
}
