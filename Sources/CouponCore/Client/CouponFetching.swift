/// Something that answers coupon queries: the real client, or a fake in tests.
public protocol CouponFetching: Sendable {
    /// The mchid of the merchant asking, used where a query names no merchant.
    var callerMchid: String { get }

    /// Fetches one page (or, in "usable at" mode, the whole answer) for `query`.
    ///
    /// A cancelled task ends with `CouponClientError.cancelled` and its answer is dropped.
    func fetch(_ query: CouponQuery) async throws(CouponClientError) -> CouponListResponse
}

/// A verified answer to one coupon query.
public struct CouponListResponse: Sendable {
    /// The query as asked.
    public var query: CouponQuery
    /// The decoded page.
    public var page: CouponPage
    /// The exact request target that was signed and sent.
    public var target: String
    /// The HTTP status, 200 for a normal answer.
    public var statusCode: Int
    /// `Request-ID`, which WeChat Pay support asks for.
    public var requestID: String?
    /// The `Wechatpay-Serial` of the key whose signature on the answer checked out.
    public var verifiedBySerial: String
    /// The answer body as received, for exports that must reproduce it.
    public var rawBody: [UInt8]
    /// Time from the first send to the verified answer, retries included.
    public var latency: Duration
    /// How many times the request was sent.
    public var attempts: Int

    public init(
        query: CouponQuery,
        page: CouponPage,
        target: String,
        statusCode: Int = 200,
        requestID: String? = nil,
        verifiedBySerial: String,
        rawBody: [UInt8] = [],
        latency: Duration = .zero,
        attempts: Int = 1
    ) {
        self.query = query
        self.page = page
        self.target = target
        self.statusCode = statusCode
        self.requestID = requestID
        self.verifiedBySerial = verifiedBySerial
        self.rawBody = rawBody
        self.latency = latency
        self.attempts = attempts
    }
}

/// The language of labels and messages shown to people.
public enum Language: String, Sendable, Hashable, CaseIterable {
    /// Simplified Chinese.
    case chinese = "zh"
    /// English.
    case english = "en"

    /// The language a locale name such as `zh_CN.UTF-8` asks for; English unless it is Chinese.
    public init(localeName: String?) {
        let name = (localeName ?? "").lowercased()
        self = name.hasPrefix("zh") ? .chinese : .english
    }

    /// The language the environment asks for through `LC_ALL`, `LC_MESSAGES` or `LANG`, in that order.
    public init(environment: [String: String]) {
        let name = [environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]]
            .compactMap { $0 }
            .first { !$0.isEmpty }
        self.init(localeName: name)
    }
}
