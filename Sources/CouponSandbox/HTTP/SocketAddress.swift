#if canImport(Glibc)
import Glibc
#endif

/// A loopback address the sandbox may listen on: 127.0.0.0/8 or ::1, never anything wider.
struct LoopbackAddress: Sendable, Hashable {
    /// The address as given, normalised (`localhost` becomes `127.0.0.1`, brackets are dropped).
    let host: String
    let isIPv6: Bool

    /// Accepts `127.x.y.z`, `::1` (with or without brackets) and `localhost`; refuses every other host.
    init(host: String) throws(SandboxError) {
        var name = host
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name == "localhost" { name = "127.0.0.1" }

        var ipv4 = in_addr()
        if inet_pton(AF_INET, name, &ipv4) == 1 {
            // s_addr is in network order, so its first byte in memory is the first octet.
            let firstOctet = withUnsafeBytes(of: &ipv4.s_addr) { $0[0] }
            guard firstOctet == 127 else { throw .notLoopback(host: host) }
            self.host = name
            self.isIPv6 = false
            return
        }
        var ipv6 = in6_addr()
        if inet_pton(AF_INET6, name, &ipv6) == 1 {
            let bytes = withUnsafeBytes(of: &ipv6) { Array($0) }
            guard bytes == Array(repeating: 0, count: 15) + [1] else { throw .notLoopback(host: host) }
            self.host = "::1"
            self.isIPv6 = true
            return
        }
        throw .notLoopback(host: host)
    }

    /// The host as it appears in a URL: IPv6 in brackets.
    var urlHost: String { isIPv6 ? "[\(host)]" : host }

    /// Opens a non-blocking listening socket bound to this address and `port` (0 for any free port).
    ///
    /// Returns the descriptor and the port the system gave.
    func listen(port: UInt16, backlog: Int32 = 128) throws(SandboxError) -> (descriptor: Int32, port: UInt16) {
        let family = isIPv6 ? AF_INET6 : AF_INET
        let descriptor = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw failure("socket", port) }
        var success = false
        defer { if !success { close(descriptor) } }

        var one: Int32 = 1
        // Reuse lets a restarted sandbox take its port back at once instead of waiting out TIME_WAIT.
        guard setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw failure("setsockopt(SO_REUSEADDR)", port)
        }

        if isIPv6 {
            _ = setsockopt(descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        let bound = withSocketAddress(port: port) { address, length in bind(descriptor, address, length) }
        guard bound == 0 else { throw failure("bind", port) }
        guard Glibc.listen(descriptor, backlog) == 0 else { throw failure("listen", port) }
        guard Self.setNonBlocking(descriptor) else { throw failure("fcntl(O_NONBLOCK)", port) }

        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw failure("getsockname", port) }
        let boundPort: UInt16 = withUnsafePointer(to: &storage) { pointer in
            if isIPv6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    UInt16(bigEndian: $0.pointee.sin6_port)
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                UInt16(bigEndian: $0.pointee.sin_port)
            }
        }
        success = true
        return (descriptor, boundPort)
    }

    /// Calls `body` with this address and `port` as a socket address and its length, as `bind` and `connect` take them.
    func withSocketAddress<Result>(
        port: UInt16,
        _ body: (UnsafePointer<sockaddr>, socklen_t) -> Result
    ) -> Result {
        var storage = sockaddr_storage()
        let length: Int
        if isIPv6 {
            length = MemoryLayout<sockaddr_in6>.size
            withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    address.pointee.sin6_family = sa_family_t(AF_INET6)
                    address.pointee.sin6_port = port.bigEndian
                    _ = inet_pton(AF_INET6, host, &address.pointee.sin6_addr)
                }
            }
        } else {
            length = MemoryLayout<sockaddr_in>.size
            withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    address.pointee.sin_family = sa_family_t(AF_INET)
                    address.pointee.sin_port = port.bigEndian
                    _ = inet_pton(AF_INET, host, &address.pointee.sin_addr)
                }
            }
        }
        return withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(length)) }
        }
    }

    /// Sets `O_NONBLOCK` on a descriptor.
    static func setNonBlocking(_ descriptor: Int32) -> Bool {
        let flags = fcntl(descriptor, F_GETFL, 0)
        return flags >= 0 && fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0
    }

    private func failure(_ operation: String, _ port: UInt16) -> SandboxError {
        .cannotListen(host: host, port: port, operation: operation, reason: String(cString: strerror(errno)))
    }
}
