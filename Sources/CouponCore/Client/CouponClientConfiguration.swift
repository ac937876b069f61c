/// Everything a `CouponClient` needs to know: who signs, which keys verify, where to send, how patiently.
public struct CouponClientConfiguration: Sendable {
    /// WeChat Pay's primary API host, the nearest access point.
    public static let primaryBaseURL = "https://api.mch.weixin.qq.com"
    /// The documented backup host, another region's access point.
    public static let documentedBackupBaseURL = "https://api2.mch.weixin.qq.com"
    /// The `User-Agent` sent unless another is set; WeChat Pay refuses requests without one.
    public static let defaultUserAgent =
        "CouponDesk/\(CouponDeskVersion.current) (Linux; WeChat Pay APIv3 coupon lookup)"

    /// Who signs the requests.
    public var credentials: MerchantCredentials
    /// The WeChat Pay keys answers are verified with.
    public var verificationKeys: WechatPayVerificationKeys
    /// Where requests go first.
    public var baseURL: String
    /// Where requests go when `baseURL` cannot be reached; set only when `baseURL` is the primary host.
    public var backupBaseURL: String?
    /// The longest wait for one answer.
    public var requestTimeout: Duration
    /// How failed attempts are tried again.
    public var retryPolicy: RetryPolicy
    /// The `User-Agent` header, printable ASCII.
    public var userAgent: String
    /// The largest difference allowed between an answer's timestamp and the local clock.
    // FIXME: the clock-skew texts (VerificationError, the catalogue, the report) name WeChat Pay's 300 s; another
    // value here is enforced but not reflected in them, because the error case does not carry the limit.
    public var maximumSkewSeconds: Int64

    /// A configuration with the product's defaults: a 10 s timeout, `RetryPolicy()`, a 300 s window, and the
    /// documented backup host when `baseURL` is the primary one.
    public init(
        credentials: MerchantCredentials,
        verificationKeys: WechatPayVerificationKeys,
        baseURL: String = CouponClientConfiguration.primaryBaseURL
    ) {
        self.credentials = credentials
        self.verificationKeys = verificationKeys
        self.baseURL = baseURL
        self.backupBaseURL = Self.isPrimary(baseURL) ? Self.documentedBackupBaseURL : nil
        self.requestTimeout = .seconds(10)
        self.retryPolicy = RetryPolicy()
        self.userAgent = Self.defaultUserAgent
        self.maximumSkewSeconds = 300
    }

    /// The hosts to try, checked: the base URL, then the backup when there is one.
    public func endpoints() throws(TransportError) -> [BaseURL] {
        var endpoints = [try BaseURL(baseURL)]
        if let backupBaseURL, !backupBaseURL.isEmpty {
            let backup = try BaseURL(backupBaseURL)
            if backup != endpoints[0] { endpoints.append(backup) }
        }
        return endpoints
    }

    /// What would stop the client from sending or verifying anything, or `nil` when nothing would.
    public func problem() -> String? {
        if let problem = credentials.problem { return problem }
        if verificationKeys.configuredSerials.isEmpty {
            return "no WeChat Pay key is configured to verify answers with: set the WeChat Pay public key "
                + "(pub_key.pem) and its PUB_KEY_ID_…, or platform certificates"
        }
        if let id = verificationKeys.publicKeyID, !id.isEmpty,
            !id.unicodeScalars.allSatisfy({
                $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_"
            })
        {
            return "the WeChat Pay public key id \"\(VisibleText.escape(id, limit: 80))\" is not of the form "
                + "PUB_KEY_ID_…; copy it from the merchant platform (API安全 → 微信支付公钥)"
        }
        if userAgent.isEmpty || !userAgent.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            return
                "the User-Agent \"\(VisibleText.escape(userAgent, limit: 80))\" must be printable ASCII and not empty"
        }
        do {
            _ = try endpoints()
        } catch {
            return error.description
        }
        return nil
    }

    private static func isPrimary(_ url: String) -> Bool {
        let trimmed = url.hasSuffix("/") ? String(url.dropLast()) : url
        return trimmed.lowercased() == primaryBaseURL
    }
}
