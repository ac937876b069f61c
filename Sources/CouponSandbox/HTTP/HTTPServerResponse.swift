/// One HTTP answer: status, header fields and body.
struct HTTPServerResponse: Sendable {
    var statusCode: Int
    /// Header fields other than `Content-Length`, `Date` and `Connection`, which are added when it is written.
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    init(statusCode: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// The value of the first field named `name`, compared without regard to case.
    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first(where: { $0.name.lowercased() == wanted })?.value
    }

    /// The status line and header section, ended by the empty line.
    func head(keepAlive: Bool, date: String) -> [UInt8] {
        var text = "HTTP/1.1 \(statusCode) \(Self.reasonPhrase(statusCode))\r\n"
        for field in headers {
            text += field.name + ": " + field.value + "\r\n"
        }
        text += "Content-Length: \(body.count)\r\n"
        text += "Date: \(date)\r\n"
        text += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n"
        text += "\r\n"
        return Array(text.utf8)
    }

    /// The standard reason phrase for a status this server sends.
    static func reasonPhrase(_ statusCode: Int) -> String {
        switch statusCode {
        case 100: return "Continue"
        case 200: return "OK"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 413: return "Content Too Large"
        case 429: return "Too Many Requests"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 503: return "Service Unavailable"
        case 505: return "HTTP Version Not Supported"
        default: return "Status \(statusCode)"
        }
    }

    /// An IMF-fixdate (`Thu, 03 Dec 2026 10:15:00 GMT`) for the `Date` header.
    static func httpDate(secondsSince1970 seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let civil = CivilTime.date(daysSince1970: days)
        // 1970-01-01 was a Thursday.
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let month = months[max(0, min(11, civil.month - 1))]
        return "\(weekday), \(CivilTime.pad(civil.day, 2)) \(month) \(civil.year) "
            + "\(CivilTime.pad(Int(secondOfDay / 3600), 2)):\(CivilTime.pad(Int(secondOfDay / 60 % 60), 2)):"
            + "\(CivilTime.pad(Int(secondOfDay % 60), 2)) GMT"
    }
}

/// How a finished answer is put on the wire.
struct HTTPReply: Sendable {
    var response: HTTPServerResponse
    /// How long to hold the answer back, for the slow-answer behaviour.
    var delay: Duration = .zero
    /// Send only this many body bytes and then close, for the truncated-body behaviour.
    var truncatedBodyLength: Int?
    /// Close the connection after this answer.
    var closesConnection = false
    /// Called with the time from the request's arrival to this answer going out, just before it is written.
    var onWrite: (@Sendable (Duration) -> Void)?
}
