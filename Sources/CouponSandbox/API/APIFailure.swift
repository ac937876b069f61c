import CouponCore

/// An error answer in WeChat Pay's shape: `{"code": …, "message": …, "detail": …}` with its status.
struct APIFailure: Error, Sendable, Hashable {
    var statusCode: Int
    /// The error code, such as `PARAM_ERROR`.
    var code: String
    /// The message, in Chinese as WeChat Pay writes it.
    var message: String
    /// `detail`, when there is something to point at.
    var detail: JSONValue?

    /// A `400 PARAM_ERROR` naming the query parameter at fault.
    static func parameter(_ field: String, _ message: String, issue: String) -> APIFailure {
        APIFailure(
            statusCode: 400,
            code: "PARAM_ERROR",
            message: message,
            detail: .object([
                JSONMember("field", .string(field)),
                JSONMember("location", .string("query")),
                JSONMember("issue", .string(issue)),
            ])
        )
    }

    /// The JSON body.
    var body: [UInt8] {
        var members = [JSONMember("code", .string(code)), JSONMember("message", .string(message))]
        if let detail { members.append(JSONMember("detail", detail)) }
        return Array(JSONValue.object(members).jsonText.utf8)
    }

    /// The unsigned answer, as WeChat Pay may send error answers.
    func response(requestID: String) -> HTTPServerResponse {
        HTTPServerResponse(
            statusCode: statusCode,
            headers: [
                ("Content-Type", "application/json; charset=utf-8"),
                ("Request-ID", requestID),
                ("Server", "CouponSandbox"),
            ],
            body: body
        )
    }
}
