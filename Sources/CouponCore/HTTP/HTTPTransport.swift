/// One HTTP request as a transport sends it.
public struct HTTPRequest: Sendable, Hashable {
    /// The method, such as `GET`.
    public var method: String
    /// The absolute URL: base URL plus the request target.
    public var url: String
    /// The header fields to send.
    public var headers: HTTPHeaders
    /// The longest wait for the whole answer.
    public var timeout: Duration
    /// The body; empty for a GET.
    public var body: [UInt8]

    public init(method: String, url: String, headers: HTTPHeaders, timeout: Duration, body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.timeout = timeout
        self.body = body
    }
}

/// One HTTP answer, its body exactly as received.
public struct HTTPResponse: Sendable, Hashable {
    /// The HTTP status.
    public var statusCode: Int
    /// The header fields as received.
    public var headers: HTTPHeaders
    /// The body bytes as received, which the answer's signature covers.
    public var body: [UInt8]

    public init(statusCode: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }
}

/// Something that sends HTTP requests: URLSession in the product, a fake in tests.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the answer, whatever its status.
    ///
    /// A cancelled task ends the request promptly; the error thrown then does not matter, because
    /// the caller checks for cancellation itself.
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
}
