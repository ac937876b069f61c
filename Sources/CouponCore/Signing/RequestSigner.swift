/// Signs APIv3 requests (WECHATPAY2-SHA256-RSA2048) and builds their `Authorization` header.
public struct RequestSigner: Sendable {
    /// Who signs.
    public let credentials: MerchantCredentials
    private let clock: any WallClock
    private let nonceSource: any NonceSource

    public init(credentials: MerchantCredentials, clock: any WallClock, nonceSource: any NonceSource) {
        self.credentials = credentials
        self.clock = clock
        self.nonceSource = nonceSource
    }

    /// Signs one request to `target` (path and query exactly as sent), with a fresh timestamp and nonce.
    public func sign(method: String, target: String, body: String = "") throws(CryptoError) -> SignedRequest {
        let timestamp = clock.secondsSince1970()
        let nonce = nonceSource.nonce()
        let message = SignatureMessage.request(
            method: method,
            target: target,
            timestamp: timestamp,
            nonce: nonce,
            body: body
        )
        let signature = Base64.encode(try credentials.privateKey.sign(message))
        let header = AuthorizationHeader(
            mchid: credentials.mchid,
            nonce: nonce,
            timestamp: String(timestamp),
            serialNumber: credentials.serialNumber,
            signature: signature
        )
        return SignedRequest(authorization: header.value, message: message, timestamp: timestamp, nonce: nonce)
    }
}

/// One signed request: the header to send and the exact message that was signed.
public struct SignedRequest: Sendable, Hashable {
    /// The `Authorization` header value.
    public var authorization: String
    /// The message signed, kept so a `SIGN_ERROR` can be compared with what the server built.
    public var message: String
    /// The timestamp signed, in seconds since 1970.
    public var timestamp: Int64
    /// The nonce signed.
    public var nonce: String

    public init(authorization: String, message: String, timestamp: Int64, nonce: String) {
        self.authorization = authorization
        self.message = message
        self.timestamp = timestamp
        self.nonce = nonce
    }
}
