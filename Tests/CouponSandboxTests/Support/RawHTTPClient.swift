import Foundation

@testable import CouponSandbox

#if canImport(Glibc)
import Glibc
#endif

/// A blocking HTTP/1.1 client over a plain socket, for sending exactly the bytes a test wants.
///
/// URLSession adds and normalises headers, so tests of missing headers, malformed requests and
/// keep-alive use this instead.
// FIXME: it blocks the calling thread, and async tests call it on the cooperative pool, which on two cores starves
// other tests' continuations; wall-clock budgets in the tests are generous for that reason.
final class RawHTTPClient {
    struct Response {
        var statusCode: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first(where: { $0.name.lowercased() == name.lowercased() })?.value
        }

        var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error, CustomStringConvertible {
        case connect(String)
        case closedBeforeAnswer
        case truncated(expected: Int, received: Int)
        case malformed(String)

        var description: String {
            switch self {
            case .connect(let reason): return "connect failed: \(reason)"
            case .closedBeforeAnswer: return "the server closed the connection before answering"
            case .truncated(let expected, let received): return "body truncated: \(received) of \(expected) bytes"
            case .malformed(let reason): return "malformed answer: \(reason)"
            }
        }
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16, ipv6: Bool = false, timeoutSeconds: Int = 5) throws {
        let address = try LoopbackAddress(host: ipv6 ? "::1" : "127.0.0.1")
        descriptor = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure.connect(String(cString: strerror(errno))) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = address.withSocketAddress(port: port) { address, length in
            connect(descriptor, address, length)
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw Failure.connect(reason)
        }
    }

    deinit {
        close(descriptor)
    }

    /// Sends raw bytes.
    func send(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.send(descriptor, base + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count <= 0 { return }
            sent += count
        }
    }

    func send(_ text: String) {
        send(Array(text.utf8))
    }

    /// Reads one answer; a HEAD-less GET answer always has Content-Length here.
    func readResponse() throws -> Response {
        var headerEnd: Int?
        while headerEnd == nil {
            if let range = find([13, 10, 13, 10]) {
                headerEnd = range
                break
            }
            guard try fill() else { throw Failure.closedBeforeAnswer }
        }
        guard let headerEnd else { throw Failure.closedBeforeAnswer }
        let head = String(decoding: buffer[0..<headerEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure.malformed(head) }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = headers.first(where: { $0.name.lowercased() == "content-length" }).flatMap { Int($0.value) } ?? 0
        let bodyStart = headerEnd + 4
        while buffer.count - bodyStart < length {
            guard try fill() else { throw Failure.truncated(expected: length, received: buffer.count - bodyStart) }
        }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        buffer.removeFirst(bodyStart + length)
        return Response(statusCode: status, headers: headers, body: body)
    }

    /// Whether the server has closed its side: a read returns end of file.
    func isClosedByServer() -> Bool {
        (try? fill()) == false
    }

    /// Reads more bytes; `false` at end of file.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == ECONNRESET { return false }
            throw Failure.malformed("recv: \(String(cString: strerror(errno)))")
        }
        if count == 0 { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for index in 0...(buffer.count - pattern.count)
        where buffer[index..<index + pattern.count].elementsEqual(pattern) {
            return index
        }
        return nil
    }
}
