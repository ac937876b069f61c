/// Reads HTTP/1.x requests out of the bytes a connection received, within fixed bounds.
///
/// The parser is strict where leniency would let a request mean two things (duplicate or odd
/// `Content-Length`, folded header lines, `Transfer-Encoding`), and every failure is a value, never a trap.
struct HTTPRequestParser {
    /// The most bytes the request line and header fields may take together.
    var maximumHeaderBytes: Int
    /// The most bytes a body may have.
    var maximumBodyBytes: Int
    /// The most header fields one request may carry.
    var maximumHeaderCount = 100

    /// What the bytes received so far amount to.
    enum Outcome {
        /// More bytes are needed.
        case incomplete
        /// A whole request, and how many bytes of the buffer it took.
        case complete(HTTPServerRequest, consumed: Int)
        /// The bytes are not a request this server takes; the connection answers and closes.
        case failure(HTTPRequestError)
    }

    /// Reads the first request in `buffer`.
    func parse(_ buffer: [UInt8]) -> Outcome {
        // A client may send empty lines before a request line; they are skipped (RFC 9112 §2.2).
        var start = 0
        while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A {
            start += 1
        }
        // A stream of nothing but empty lines is not a client, so it is not buffered forever.
        if start > 64 { return .failure(.malformedRequestLine) }
        guard let headerEnd = Self.endOfHeader(in: buffer, from: start, limit: maximumHeaderBytes) else {
            return buffer.count - start > maximumHeaderBytes ? .failure(.headerTooLarge) : .incomplete
        }
        if headerEnd.contentEnd - start > maximumHeaderBytes { return .failure(.headerTooLarge) }

        var lines = Self.lines(in: buffer[start..<headerEnd.contentEnd])
        guard !lines.isEmpty else { return .failure(.malformedRequestLine) }
        let requestLine = lines.removeFirst()
        let head: (method: String, target: String, minorVersion: Int)
        switch Self.parseRequestLine(requestLine) {
        case .success(let parsed): head = parsed
        case .failure(let error): return .failure(error)
        }
        guard lines.count <= maximumHeaderCount else { return .failure(.headerTooLarge) }

        var headers: [(name: String, value: String)] = []
        headers.reserveCapacity(lines.count)
        for line in lines {
            guard let field = Self.parseHeaderField(line) else { return .failure(.malformedHeader) }
            headers.append(field)
        }
        var request = HTTPServerRequest(
            method: head.method,
            target: head.target,
            minorVersion: head.minorVersion,
            headers: headers,
            body: []
        )
        if request.header("Transfer-Encoding") != nil { return .failure(.unsupportedTransferEncoding) }
        if head.minorVersion == 1, (request.header("Host") ?? "").isEmpty { return .failure(.missingHost) }

        let length: Int
        switch Self.contentLength(of: headers) {
        case .success(let value): length = value
        case .failure(let error): return .failure(error)
        }
        guard length <= maximumBodyBytes else { return .failure(.bodyTooLarge(length)) }
        let bodyStart = headerEnd.headerEnd
        guard buffer.count - bodyStart >= length else { return .incomplete }
        request.body = Array(buffer[bodyStart..<bodyStart + length])
        return .complete(request, consumed: bodyStart + length)
    }

    /// Where the header section ends: the end of its last line's content, and the first body byte.
    private static func endOfHeader(
        in buffer: [UInt8],
        from start: Int,
        limit: Int
    ) -> (contentEnd: Int, headerEnd: Int)? {
        // Scanning stops a little past the limit; a longer header is refused, not searched.
        // Compared before adding, so a limit of any size cannot overflow.
        let scanEnd = limit >= buffer.count - start ? buffer.count : min(buffer.count, start + limit + 4)
        var index = start
        while index < scanEnd {
            if buffer[index] == 0x0A {
                if index + 1 < buffer.count, buffer[index + 1] == 0x0A {
                    return (index, index + 2)
                }
                if index + 2 < buffer.count, buffer[index + 1] == 0x0D, buffer[index + 2] == 0x0A {
                    return (index, index + 3)
                }
            }
            index += 1
        }
        return nil
    }

    /// Splits a header section into lines at LF, dropping each line's trailing CR.
    private static func lines(in bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index <= bytes.endIndex {
            if index == bytes.endIndex || bytes[index] == 0x0A {
                var line = bytes[lineStart..<index]
                if line.last == 0x0D { line = line.dropLast() }
                lines.append(line)
                lineStart = index + 1
            }
            index += 1
        }
        return lines
    }

    private static func parseRequestLine(
        _ line: ArraySlice<UInt8>
    ) -> Result<(method: String, target: String, minorVersion: Int), HTTPRequestError> {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte) else {
            return .failure(.malformedRequestLine)
        }
        // Only origin-form targets: a path starting with "/", visible ASCII only.
        guard parts[1].first == UInt8(ascii: "/"), parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return .failure(.malformedRequestLine)
        }
        let version = Array(parts[2])
        guard version.count == 8, version.starts(with: Array("HTTP/".utf8)), version[6] == UInt8(ascii: ".") else {
            return .failure(.malformedRequestLine)
        }
        guard version[5] == UInt8(ascii: "1"), version[7] == UInt8(ascii: "1") || version[7] == UInt8(ascii: "0")
        else {
            return .failure(.unsupportedVersion)
        }
        return .success(
            (
                String(decoding: parts[0], as: UTF8.self),
                String(decoding: parts[1], as: UTF8.self),
                Int(version[7] - UInt8(ascii: "0"))
            )
        )
    }

    private static func parseHeaderField(_ line: ArraySlice<UInt8>) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = line[line.startIndex..<colon]
        // An empty name, whitespace before the colon, or a folded continuation line are all refused.
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else { return nil }
        var value = line[line.index(after: colon)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else { return nil }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    private static func contentLength(of headers: [(name: String, value: String)]) -> Result<Int, HTTPRequestError> {
        var length: Int?
        for field in headers where field.name.lowercased() == "content-length" {
            // Several fields, or a list, must all agree (RFC 9110 §8.6); anything else is refused.
            for item in field.value.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = item.trimmingSpaces()
                guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                    let value = Int(digits)
                else {
                    return .failure(.invalidContentLength)
                }
                if let length, length != value { return .failure(.invalidContentLength) }
                length = value
            }
        }
        return .success(length ?? 0)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

/// Why bytes received are not a request the sandbox takes.
enum HTTPRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    case malformedRequestLine
    case unsupportedVersion
    case malformedHeader
    case headerTooLarge
    case missingHost
    case invalidContentLength
    case unsupportedTransferEncoding
    case bodyTooLarge(Int)

    /// The status the answer carries.
    var statusCode: Int {
        switch self {
        case .malformedRequestLine, .malformedHeader, .missingHost, .invalidContentLength: return 400
        case .unsupportedVersion: return 505
        case .headerTooLarge: return 431
        case .unsupportedTransferEncoding: return 501
        case .bodyTooLarge: return 413
        }
    }

    var description: String {
        switch self {
        case .malformedRequestLine:
            return "the request line is not 'METHOD /path HTTP/1.1'"
        case .unsupportedVersion:
            return "only HTTP/1.1 and HTTP/1.0 are served"
        case .malformedHeader:
            return "a header line is not 'Name: value' (folded lines and control characters are refused)"
        case .headerTooLarge:
            return "the request line and headers are larger than this server accepts"
        case .missingHost:
            return "an HTTP/1.1 request must carry a Host header"
        case .invalidContentLength:
            return "Content-Length is not one non-negative number"
        case .unsupportedTransferEncoding:
            return "Transfer-Encoding is not supported; send the body with Content-Length"
        case .bodyTooLarge(let length):
            return "the body of \(length) bytes is larger than this server accepts"
        }
    }
}
