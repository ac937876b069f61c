#if canImport(Glibc)
import Glibc
#endif

/// The proxy that curl (and so URLSession on Linux, which is libcurl) picks for a URL from the environment.
///
/// curl reads `https_proxy` / `HTTPS_PROXY` for https, only lower-case `http_proxy` for http, then
/// `all_proxy` / `ALL_PROXY`; `no_proxy` / `NO_PROXY` lists hosts, domain suffixes and IPv4
/// ranges that go direct, and `*` sends everything direct.
public enum ProxyEnvironment {
    /// The loopback names added to `no_proxy`, so the sandbox is never reached through a proxy.
    static let loopbackExceptions = ["localhost", "127.0.0.0/8", "::1"]

    /// The proxy URL curl would use for `url`, user name and password removed; `nil` for a direct connection.
    public static func proxy(for url: BaseURL, environment: [String: String]) -> String? {
        func value(_ names: String...) -> String? {
            names.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        }
        let candidate =
            url.scheme == "https"
            ? value("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")
            : value("http_proxy", "all_proxy", "ALL_PROXY")
        guard let candidate else { return nil }
        if isExcluded(host: url.host, noProxy: value("no_proxy", "NO_PROXY") ?? "") { return nil }
        return redactingCredentials(candidate)
    }

    /// Whether the `no_proxy` list sends `host` direct.
    public static func isExcluded(host: String, noProxy: String) -> Bool {
        let host = host.lowercased()
        let entries = noProxy.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
        for rawEntry in entries {
            var entry = rawEntry.lowercased()
            if entry == "*" { return true }
            if entry.hasPrefix("[") && entry.hasSuffix("]") { entry = String(entry.dropFirst().dropLast()) }
            if entry.hasPrefix(".") { entry.removeFirst() }
            guard !entry.isEmpty else { continue }
            if let slash = entry.firstIndex(of: "/") {
                if let bits = Int(entry[entry.index(after: slash)...]),
                    isIPv4(host, inNetwork: String(entry[..<slash]), prefixBits: bits)
                {
                    return true
                }
                continue
            }
            if host == entry || host.hasSuffix("." + entry) { return true }
        }
        return false
    }

    /// `url` with any `user:password@` replaced by `***@`, so a proxy password never reaches a log.
    public static func redactingCredentials(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@") else { return url }
        let schemeEnd = url.firstRange(of: "://")?.upperBound ?? url.startIndex
        guard schemeEnd <= at else { return url }
        return String(url[..<schemeEnd]) + "***" + String(url[at...])
    }

    /// Adds the loopback names to `no_proxy` once, when a proxy is set, so loopback requests go direct.
    ///
    /// libcurl reads the environment on every transfer and URLSession offers no per-request way
    /// to bypass a proxy, so the process environment is the one place this can be said.
    static let loopbackBypass: Void = {
        let names = ["https_proxy", "HTTPS_PROXY", "http_proxy", "all_proxy", "ALL_PROXY"]
        guard names.contains(where: { getenv($0) != nil }) else { return }
        let current = getenv("no_proxy").map { String(cString: $0) } ?? getenv("NO_PROXY").map { String(cString: $0) }
        let existing = current ?? ""
        guard existing != "*" else { return }
        let present = Set(existing.split(separator: ",").map { $0.trimmingSpaces().lowercased() })
        let missing = loopbackExceptions.filter { !present.contains($0) }
        guard !missing.isEmpty else { return }
        let merged = (existing.isEmpty ? [] : [existing]) + missing
        setenv("no_proxy", merged.joined(separator: ","), 1)
    }()

    private static func isIPv4(_ host: String, inNetwork network: String, prefixBits: Int) -> Bool {
        guard (0...32).contains(prefixBits), let address = ipv4(host), let base = ipv4(network) else { return false }
        let mask: UInt32 = prefixBits == 0 ? 0 : ~UInt32(0) << (32 - UInt32(prefixBits))
        return address & mask == base & mask
    }

    private static func ipv4(_ text: String) -> UInt32? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return UInt32(bigEndian: address.s_addr)
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
