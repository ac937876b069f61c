extension APIError {
    /// Reads an error answer: `{"code": …, "message": …, "detail": …}`, or a short excerpt when it is not JSON.
    ///
    /// - Parameters:
    ///   - isSignatureVerified: whether the answer carried a signature that checked out.
    ///   - signedMessage: the message this client signed for the request that got this answer.
    public init(response: HTTPResponse, isSignatureVerified: Bool, signedMessage: String?) {
        let requestID = response.headers["Request-ID"].map { VisibleText.escape($0, limit: 128) }
        var code = ""
        var message = ""
        var detail: JSONValue?
        if let json = try? JSONParser.parse(response.body), case .object = json {
            code = json["code"]?.stringValue ?? ""
            message = json["message"]?.stringValue ?? ""
            detail = json["detail"]
        } else if !response.body.isEmpty {
            // Not JSON: usually a proxy's or gateway's page, of which the start is enough to recognise it.
            let text = String(decoding: response.body.prefix(400), as: UTF8.self)
            message = "the answer is not WeChat Pay JSON: " + VisibleText.escape(text, limit: 160)
        }
        self.init(
            statusCode: response.statusCode,
            code: code,
            message: message,
            detail: detail,
            requestID: requestID,
            isSignatureVerified: isSignatureVerified,
            signedMessage: signedMessage
        )
    }
}
