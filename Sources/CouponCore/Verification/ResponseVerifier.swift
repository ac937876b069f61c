/// Checks the WeChat Pay signature on an answer: headers, probe, time window, key and signature.
public struct ResponseVerifier: Sendable {
    /// The signature scheme APIv3 answers use.
    public static let signatureType = "WECHATPAY2-SHA256-RSA2048"
    /// The prefix of WeChat Pay's deliberate wrong signatures (应对签名探测流量).
    public static let probePrefix = "WECHATPAY/SIGNTEST/"
    /// The headers every signed answer carries, in the order they are checked.
    public static let requiredHeaders = [
        "Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial",
    ]

    /// The keys answers may be signed with.
    public let keys: WechatPayVerificationKeys
    /// The largest difference allowed between the answer's timestamp and the local clock.
    public let maximumSkewSeconds: Int64
    private let clock: any WallClock

    public init(keys: WechatPayVerificationKeys, clock: any WallClock, maximumSkewSeconds: Int64 = 300) {
        self.keys = keys
        self.clock = clock
        self.maximumSkewSeconds = maximumSkewSeconds
    }

    /// Whether `headers` carry a signature at all; error answers often do not.
    public static func isSigned(_ headers: HTTPHeaders) -> Bool {
        requiredHeaders.allSatisfy { !(headers[$0] ?? "").isEmpty }
    }

    /// Verifies the answer and returns the serial of the key whose signature checked out.
    ///
    /// The message is `TIMESTAMP\nNONCE\nBODY\n` over the body bytes exactly as received.
    public func verify(headers: HTTPHeaders, body: [UInt8]) throws(VerificationError) -> String {
        for name in Self.requiredHeaders where (headers[name] ?? "").isEmpty {
            throw .missingHeader(name)
        }
        let timestampText = headers["Wechatpay-Timestamp"] ?? ""
        let nonce = headers["Wechatpay-Nonce"] ?? ""
        let signatureText = headers["Wechatpay-Signature"] ?? ""
        let serial = headers["Wechatpay-Serial"] ?? ""

        if let type = headers["Wechatpay-Signature-Type"], type != Self.signatureType {
            throw .unsupportedSignatureType(VisibleText.escape(type, limit: 64))
        }
        // The probe is not Base64, so it must be recognised before anything tries to decode it.
        if signatureText.hasPrefix(Self.probePrefix) {
            throw .signatureProbe
        }

        guard timestampText.utf8.count <= 12, timestampText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let timestamp = Int64(timestampText)
        else {
            throw .malformedTimestamp(VisibleText.escape(timestampText, limit: 32))
        }
        // The timestamp is at most 12 digits, so only a clock far in the past can overflow: that is far ahead.
        let (skew, overflow) = timestamp.subtractingReportingOverflow(clock.secondsSince1970())
        if overflow || skew.magnitude > maximumSkewSeconds.magnitude {
            throw .timestampOutOfWindow(skewSeconds: overflow ? .max : skew)
        }

        guard let key = keys.key(forSerial: serial) else {
            throw .unknownSerial(VisibleText.escape(serial, limit: 80), configured: keys.configuredSerials)
        }
        guard let signature = Base64.decode(signatureText), !signature.isEmpty else {
            throw .malformedSignature
        }
        let message = SignatureMessage.response(timestamp: timestampText, nonce: nonce, body: body)
        guard key.isValidSignature(signature, for: message) else {
            throw .signatureMismatch(serial: VisibleText.escape(serial, limit: 80))
        }
        return serial
    }
}
