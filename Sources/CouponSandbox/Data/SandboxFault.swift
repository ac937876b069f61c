/// A way a fault user makes the sandbox misbehave, so clients can be seen handling it.
///
/// Each fault counts calls per request target (the path and query as sent): call *k* of the same
/// target always gets the same behaviour, whatever other lookups did, so tests can rely on it.
public enum SandboxFault: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `429 RATELIMIT_EXCEEDED` for the first `rateLimitedCalls` calls, then a normal answer.
    case rateLimited = "rate_limited"
    /// `500 SYSTEM_ERROR` for the first `serverErrorCalls` calls, then a normal answer.
    case serverError = "server_error"
    /// A normal answer held back by `slowDelay`.
    case slow = "slow"
    /// A 200 whose `Wechatpay-Signature` is well-formed Base64 but does not match the answer.
    case badSignature = "bad_signature"
    /// A 200 without a `Wechatpay-Signature` header.
    case missingSignature = "missing_signature"
    /// A 200 correctly signed, but with a `Wechatpay-Timestamp` `staleTimestampSeconds` in the past.
    case staleTimestamp = "stale_timestamp"
    /// A 200 whose signature is a `WECHATPAY/SIGNTEST/` probe, on every call.
    case signatureProbe = "signature_probe"
    /// A `WECHATPAY/SIGNTEST/` probe on the first call only, then a valid signature: one retry recovers.
    case signatureProbeOnce = "signature_probe_once"
    /// A 200 signed by a key whose `Wechatpay-Serial` the client was never given.
    case unknownSerial = "unknown_serial"
    /// A 200 whose connection closes halfway through the body `Content-Length` announced.
    case truncatedBody = "truncated_body"
    /// A correctly signed 200 whose body is not valid JSON.
    case malformedBody = "malformed_body"
    /// Normal answers whose names and descriptions carry control characters and terminal escape sequences.
    case hostileText = "hostile_text"

    public var description: String {
        switch self {
        case .rateLimited: return "429 RATELIMIT_EXCEEDED for the first calls, then success"
        case .serverError: return "500 SYSTEM_ERROR for the first calls, then success"
        case .slow: return "a correct answer after a delay"
        case .badSignature: return "an answer whose signature does not match"
        case .missingSignature: return "an answer with no Wechatpay-Signature"
        case .staleTimestamp: return "a signed answer with a timestamp outside the 300 s window"
        case .signatureProbe: return "a WECHATPAY/SIGNTEST/ probe signature on every answer"
        case .signatureProbeOnce: return "a WECHATPAY/SIGNTEST/ probe on the first answer, then a valid one"
        case .unknownSerial: return "an answer signed by a key the client does not have"
        case .truncatedBody: return "a body cut off halfway, then the connection closes"
        case .malformedBody: return "a signed answer whose body is not JSON"
        case .hostileText: return "coupon names with control characters and escape sequences (ESC, BEL, OSC 52, CSI)"
        }
    }
}
