import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends requests with URLSession (libcurl on Linux), so `https_proxy` and `no_proxy` work as they do for curl.
///
/// Redirects are never followed, nothing is cached and no cookies are kept. Plain http is refused
/// unless the host is loopback, and loopback requests never go through a proxy.
public struct URLSessionTransport: HTTPTransport {
    private let session: SessionBox

    public init() {
        ProxyEnvironment.loopbackBypass
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil
        session = SessionBox(
            URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
        )
    }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let urlRequest = try Self.urlRequest(for: request)
        let host = urlRequest.url?.host ?? ""
        let seconds = Self.seconds(request.timeout)
        let pending = PendingTask()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation {
                (continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>) in
                let task = session.value.dataTask(with: urlRequest) { data, response, error in
                    if let error {
                        continuation.resume(
                            returning: .failure(Self.transportError(error, host: host, seconds: seconds))
                        )
                        return
                    }
                    guard let http = response as? HTTPURLResponse else {
                        continuation.resume(returning: .failure(.other("the answer from \(host) is not HTTP")))
                        return
                    }
                    continuation.resume(returning: .success(Self.response(http, body: data)))
                }
                pending.start(task)
            }
        } onCancel: {
            pending.cancel()
        }
        return try result.get()
    }

    private static func urlRequest(for request: HTTPRequest) throws(TransportError) -> URLRequest {
        let shown = VisibleText.escape(request.url, limit: 200)
        guard let separator = request.url.firstRange(of: "://") else { throw .invalidBaseURL(shown) }
        let afterScheme = request.url[separator.upperBound...]
        let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? afterScheme.endIndex
        // Checking the scheme and host here too keeps any caller from sending a signed request in the clear.
        _ = try BaseURL(String(request.url[..<authorityEnd]))
        guard let url = URL(string: request.url) else { throw .invalidBaseURL(shown) }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = TimeInterval(seconds(request.timeout))
        for (name, value) in request.headers {
            urlRequest.addValue(value, forHTTPHeaderField: name)
        }
        if !request.body.isEmpty {
            urlRequest.httpBody = Data(request.body)
        }
        return urlRequest
    }

    /// The longest timeout handed to URLSession: it multiplies the seconds into milliseconds and traps on overflow.
    private static let longestTimeoutSeconds = 86_400

    /// The timeout in whole seconds, rounded up: URLSession on Linux truncates fractions, and zero would mean none.
    // FIXME: rounding up lets a last attempt outlive the retry budget by under a second; URLSession has no finer timer.
    private static func seconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        guard seconds < longestTimeoutSeconds else { return longestTimeoutSeconds }
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }

    // FIXME: URLSession buffers the whole body before this sees it, so an endless answer is cut only by the timeout.
    private static func response(_ http: HTTPURLResponse, body: Data?) -> HTTPResponse {
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            guard let name = name as? String else { continue }
            headers.add(name: name, value: (value as? String) ?? String(describing: value))
        }
        return HTTPResponse(statusCode: http.statusCode, headers: headers, body: body.map { Array($0) } ?? [])
    }

    private static func transportError(_ error: any Error, host: String, seconds: Int) -> TransportError {
        let nsError = error as NSError
        let reason = Self.reason(nsError)
        guard nsError.domain == NSURLErrorDomain else { return .other(reason) }
        switch nsError.code {
        case NSURLErrorTimedOut:
            return .timedOut(seconds: Double(seconds))
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed:
            return .cannotConnect(host: host, reason: "the name \(host) does not resolve (\(reason))")
        case NSURLErrorCannotConnectToHost, NSURLErrorNetworkConnectionLost, NSURLErrorNotConnectedToInternet:
            return .cannotConnect(host: host, reason: reason)
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateHasBadDate,
            NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasUnknownRoot,
            NSURLErrorServerCertificateNotYetValid, NSURLErrorClientCertificateRejected,
            NSURLErrorClientCertificateRequired:
            return .tlsFailure(reason: reason)
        case NSURLErrorCancelled:
            return .other("the request was cancelled")
        case _ where Self.isCutShort(reason):
            return .answerCutShort(host: host, reason: reason)
        default:
            if reason.contains("CONNECT tunnel failed") || reason.lowercased().contains("proxy") {
                return .cannotConnect(host: host, reason: "through the proxy in https_proxy: \(reason)")
            }
            return .other(reason)
        }
    }

    /// Whether libcurl's text says the connection closed before the answer was whole.
    ///
    /// libcurl reports a body short of its `Content-Length` (or chunked framing) as "transfer closed
    /// with … remaining" and a connection closed before any answer as "Empty reply from server";
    /// URLSession gives both only generic codes, so the text is what tells them apart.
    // FIXME: libcurl's wording is the only signal; if it changes, a cut answer falls back to
    // TRANSPORT_ERROR (no retry).
    private static func isCutShort(_ reason: String) -> Bool {
        reason.hasPrefix("transfer closed with") || reason.hasPrefix("Empty reply from server")
    }

    /// The most specific text libcurl gave, found in the error or its underlying error.
    private static func reason(_ error: NSError) -> String {
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        for candidate in [underlying?.userInfo[NSLocalizedDescriptionKey], error.userInfo[NSLocalizedDescriptionKey]] {
            if let text = candidate as? String, !text.isEmpty, text != "(null)" {
                return VisibleText.escape(text, limit: 200)
            }
        }
        return "network error \(error.code)"
    }
}

/// URLSession is thread-safe but not marked Sendable on every platform.
private final class SessionBox: @unchecked Sendable {
    let value: URLSession

    init(_ value: URLSession) {
        self.value = value
    }

    deinit {
        value.finishTasksAndInvalidate()
    }
}

/// The data task of one send, so that cancelling the Swift task cancels the transfer.
private final class PendingTask: @unchecked Sendable {
    // Guarded by the mutex: the task, and whether cancellation came before the task existed.
    private let state = Mutex<(task: URLSessionDataTask?, isCancelled: Bool)>((nil, false))

    func start(_ task: URLSessionDataTask) {
        let cancelled = state.withLock { state in
            state.task = task
            return state.isCancelled
        }
        task.resume()
        if cancelled { task.cancel() }
    }

    func cancel() {
        let task = state.withLock { state in
            state.isCancelled = true
            return state.task
        }
        task?.cancel()
    }
}

/// Hands every redirect back as the answer: WeChat Pay never redirects, and a redirect must not carry the signature.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
