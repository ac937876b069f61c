/// One HTTP/1.x request as it arrived, its target kept byte for byte because that is what is signed.
struct HTTPServerRequest: Sendable {
    /// The method, such as `GET`.
    var method: String
    /// The request target exactly as sent: the path and query, still percent-encoded.
    var target: String
    /// The minor version: 1 for HTTP/1.1, 0 for HTTP/1.0.
    var minorVersion: Int
    /// The header fields in arrival order; names keep their case, lookups ignore it.
    var headers: [(name: String, value: String)]
    /// The body, as many bytes as `Content-Length` said.
    var body: [UInt8]

    /// The value of the first field named `name`, compared without regard to case.
    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first(where: { $0.name.lowercased() == wanted })?.value
    }

    /// Whether the client asked for the connection to close after this answer.
    var wantsClose: Bool {
        let tokens = (header("Connection") ?? "").lowercased().split(separator: ",").map {
            $0.trimmingSpaces()
        }
        if tokens.contains("close") { return true }
        // HTTP/1.0 closes unless the client asks to keep the connection.
        return minorVersion == 0 && !tokens.contains("keep-alive")
    }

    /// The path, before any `?`.
    var path: Substring {
        target.firstIndex(of: "?").map { target[..<$0] } ?? target[...]
    }

    /// The query, after the first `?`, or empty.
    var query: Substring {
        target.firstIndex(of: "?").map { target[target.index(after: $0)...] } ?? ""
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
