#if canImport(Glibc)
import Glibc
#endif

/// The scheme, host and port requests go to, checked before anything is sent.
///
/// Only `https` is accepted, except that plain `http` may reach a loopback host (127.0.0.0/8,
/// `::1`, `localhost`), as the sandbox does. A path, query or user name is refused, because the
/// signed request target must be the whole path the server sees.
public struct BaseURL: Sendable, Hashable, CustomStringConvertible {
    /// `https` or `http`, lower case.
    public var scheme: String
    /// The host name or address, without the brackets of an IPv6 literal.
    public var host: String
    /// The port, when the URL names one.
    public var port: Int?

    /// Reads and checks `text`.
    public init(_ text: String) throws(TransportError) {
        let shown = VisibleText.escape(text, limit: 200)
        guard let separator = text.firstRange(of: "://") else { throw .invalidBaseURL(shown) }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else { throw .invalidBaseURL(shown) }
        var rest = text[separator.upperBound...]
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.isEmpty, !rest.contains(where: { "/?#@ \\".contains($0) || $0.isNewline }) else {
            throw .invalidBaseURL(shown)
        }

        var host: Substring
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw .invalidBaseURL(shown) }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidBaseURL(shown) }
                portText = after.dropFirst()
            }
            guard Self.isIPv6(String(host)) else { throw .invalidBaseURL(shown) }
        } else {
            if let colon = rest.lastIndex(of: ":") {
                host = rest[..<colon]
                portText = rest[rest.index(after: colon)...]
            } else {
                host = rest
            }
            let isNameCharacter: (Character) -> Bool = {
                $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".")
            }
            guard !host.isEmpty, host.allSatisfy(isNameCharacter) else { throw .invalidBaseURL(shown) }
        }
        var port: Int?
        if let portText {
            guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(portText),
                (1...65_535).contains(value)
            else {
                throw .invalidBaseURL(shown)
            }
            port = value
        }

        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
        if scheme == "http", !Self.isLoopbackHost(self.host) {
            throw .insecureScheme(shown)
        }
    }

    /// The URL as `scheme://host[:port]`, brackets around an IPv6 literal.
    public var description: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return scheme + "://" + hostPart + (port.map { ":\($0)" } ?? "")
    }

    /// The absolute URL of `target`, which starts with `/`.
    public func url(for target: String) -> String {
        description + target
    }

    /// Whether the host is this machine: `localhost`, 127.0.0.0/8 or `::1`.
    public var isLoopback: Bool { Self.isLoopbackHost(host) }

    /// Whether `host` (brackets removed) names the loopback interface.
    public static func isLoopbackHost(_ host: String) -> Bool {
        let name = host.lowercased()
        if name == "localhost" || name == "localhost." { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, name, &v4) == 1 {
            // s_addr is in network byte order, so its first byte in memory is the first octet.
            return withUnsafeBytes(of: &v4) { $0.first == 127 }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, name, &v6) == 1 {
            let bytes = withUnsafeBytes(of: &v6) { Array($0) }
            if bytes.prefix(15).allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
            // ::ffff:127.x.y.z is IPv4 loopback written as IPv6.
            let mapped = bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
            return mapped && bytes[12] == 127
        }
        return false
    }

    private static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }
}
