/// One line of the sandbox's request log: what was asked, how it was answered, how long it took.
///
/// It carries no header values, so never a key, a signature or an Authorization header.
public struct SandboxRequestLogLine: Sendable, Hashable, CustomStringConvertible {
    /// The method, or `-` when the bytes were not a request.
    public var method: String
    /// The request target, with anything outside printable ASCII written as `\xNN`.
    public var target: String
    /// The status answered.
    public var statusCode: Int
    /// The error code of an error answer, such as `SIGN_ERROR`.
    public var errorCode: String?
    /// The fault that shaped the answer, if any.
    public var fault: SandboxFault?
    /// The `Request-ID` answered.
    public var requestID: String?
    /// From the request's arrival to its answer going out, the slow fault's delay included.
    public var latency: Duration

    public init(
        method: String,
        target: String,
        statusCode: Int,
        errorCode: String? = nil,
        fault: SandboxFault? = nil,
        requestID: String? = nil,
        latency: Duration
    ) {
        self.method = Self.printable(method)
        self.target = Self.printable(target)
        self.statusCode = statusCode
        self.errorCode = errorCode
        self.fault = fault
        self.requestID = requestID
        self.latency = latency
    }

    /// `GET /v3/…/coupons?appid=… -> 200 1.4 ms`, then the error code and fault when there are any.
    public var description: String {
        var text = "\(method) \(target) -> \(statusCode)"
        if let errorCode { text += " \(errorCode)" }
        text += " " + Self.milliseconds(latency)
        if let fault { text += " [fault: \(fault.rawValue)]" }
        return text
    }

    static func milliseconds(_ duration: Duration) -> String {
        let micros = duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
        let tenths = max(0, (micros + 50) / 100)
        return "\(tenths / 10).\(tenths % 10) ms"
    }

    /// The text with every byte outside printable ASCII escaped, so a log line cannot carry a terminal escape.
    static func printable(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                output += "\\x"
                output.unicodeScalars.append(digits[Int(byte >> 4)])
                output.unicodeScalars.append(digits[Int(byte & 0x0F)])
            }
        }
        return output.count > 2048 ? String(output.prefix(2048)) + "…" : output
    }
}
