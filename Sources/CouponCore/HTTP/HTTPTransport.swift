/// One HTTP request as a transport sends it.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    /// The absolute URL: base URL plus the request target.
    public var url: String
    public var headers: HTTPHeaders
    /// The longest wait for the whole answer.
    public var timeout: Duration
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
    public var statusCode: Int
    public var headers: HTTPHeaders
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
