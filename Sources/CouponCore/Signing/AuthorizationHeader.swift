/// The `Authorization` header of a signed APIv3 request.
///
/// `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"`;
/// the server accepts the five pairs in any order.
public struct AuthorizationHeader: Sendable, Hashable {
    /// The only scheme APIv3 defines for RSA signatures.
    public static let scheme = "WECHATPAY2-SHA256-RSA2048"

    /// `mchid`: the merchant that signed.
    public var mchid: String
    /// `nonce_str`: the request's random string.
    public var nonce: String
    /// `timestamp`: Unix time in seconds, as text.
    public var timestamp: String
    /// The serial number of the merchant API certificate whose key signed.
    public var serialNumber: String
    /// The signature, standard Base64.
    public var signature: String

    public init(mchid: String, nonce: String, timestamp: String, serialNumber: String, signature: String) {
        self.mchid = mchid
        self.nonce = nonce
        self.timestamp = timestamp
        self.serialNumber = serialNumber
        self.signature = signature
    }

    /// The header value.
    public var value: String {
        Self.scheme + " mchid=\"\(mchid)\",nonce_str=\"\(nonce)\",signature=\"\(signature)\","
            + "timestamp=\"\(timestamp)\",serial_no=\"\(serialNumber)\""
    }

    /// Reads a header value, or explains what is wrong with it.
    public init(parsing value: String) throws(AuthorizationHeaderError) {
        guard let space = value.firstIndex(of: " ") else { throw .missingScheme }
        let scheme = value[..<space]
        guard scheme == Self.scheme else { throw .unsupportedScheme(String(scheme.prefix(64))) }
        var fields: [String: String] = [:]
        for pair in value[value.index(after: space)...].split(separator: ",") {
            let trimmed = pair.drop(while: { $0 == " " })
            guard let equals = trimmed.firstIndex(of: "=") else { throw .malformedPair }
            let key = String(trimmed[..<equals])
            var raw = trimmed[trimmed.index(after: equals)...]
            guard raw.count >= 2, raw.first == "\"", raw.last == "\"" else { throw .malformedPair }
            raw = raw.dropFirst().dropLast()
            guard fields[key] == nil else { throw .duplicateField(key) }
            fields[key] = String(raw)
        }
        func field(_ name: String) throws(AuthorizationHeaderError) -> String {
            guard let value = fields[name], !value.isEmpty else { throw .missingField(name) }
            return value
        }
        self.init(
            mchid: try field("mchid"),
            nonce: try field("nonce_str"),
            timestamp: try field("timestamp"),
            serialNumber: try field("serial_no"),
            signature: try field("signature")
        )
    }
}

/// Why an `Authorization` header could not be read.
public enum AuthorizationHeaderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value has no scheme before its pairs.
    case missingScheme
    /// The scheme is not `WECHATPAY2-SHA256-RSA2048`.
    case unsupportedScheme(String)
    /// A pair is not `key="value"`.
    case malformedPair
    /// A key appears twice.
    case duplicateField(String)
    /// One of the five keys is missing or empty.
    case missingField(String)

    public var description: String {
        switch self {
        case .missingScheme:
            return "the Authorization header has no scheme; it must start with \(AuthorizationHeader.scheme)"
        case .unsupportedScheme(let scheme):
            return
                "the Authorization scheme \(VisibleText.escape(scheme, limit: 64)) is not \(AuthorizationHeader.scheme)"
        case .malformedPair:
            return "the Authorization header has a pair that is not key=\"value\""
        case .duplicateField(let name):
            return "the Authorization header names \(VisibleText.escape(name, limit: 64)) twice"
        case .missingField(let name):
            return "the Authorization header has no \(name)"
        }
    }
}
