import CouponCore

/// A `GET /v3/marketing/favor/users/{openid}/coupons` request read and checked against the API's rules.
///
/// Which parameters apply depends on the mode, as WeChat Pay documents: with `creator_mchid`
/// (which wins when both are given) the answer is paged and filtered; with only
/// `available_mchid`, `stock_id`, `status`, `offset` and `limit` are ignored, not even checked.
struct CouponListRequest: Sendable, Hashable {
    enum Mode: Sendable, Hashable {
        /// `creator_mchid`: every coupon of the merchant's batches except expired ones, paged.
        case issuedBy(mchid: String)
        /// `available_mchid`: the usable coupons only, all in one answer.
        case usableAt(mchid: String)
    }

    var openid: String
    var appid: String
    var mode: Mode
    var stockID: String?
    /// `SENDED` or `USED`, in "issued by" mode only.
    var status: String?
    var businessType: String?
    /// The page number, from 0.
    var offset: Int
    /// The page size, 1 to 100.
    var limit: Int

    // The server's own copy of the API's rules, apart from CouponQuery's, so it catches a client that breaks them.
    static let defaultLimit = 20
    static let maximumLimit = 100

    /// Reads the openid path segment and the query, or returns the error WeChat Pay would answer.
    static func parse(openidSegment: Substring, query: Substring) -> Result<CouponListRequest, APIFailure> {
        guard let openid = PercentEncoding.decode(String(openidSegment)), !openid.isEmpty else {
            return .failure(.parameter("openid", "openid编码错误", issue: "the openid path segment is not valid"))
        }
        var parameters: [String: String] = [:]
        for piece in query.split(separator: "&") {
            let equals = piece.firstIndex(of: "=")
            let rawName = equals.map { piece[..<$0] } ?? piece
            let rawValue = equals.map { piece[piece.index(after: $0)...] } ?? ""
            guard let name = PercentEncoding.decode(String(rawName)),
                let value = PercentEncoding.decode(String(rawValue))
            else {
                return .failure(
                    .parameter(
                        String(rawName),
                        "参数编码错误",
                        issue: "a query parameter has a broken percent escape"
                    )
                )
            }
            guard parameters[name] == nil else {
                return .failure(.parameter(name, "参数\(name)重复", issue: "\(name) is given more than once"))
            }
            parameters[name] = value
        }
        func value(_ name: String) -> String? {
            parameters[name].flatMap { $0.isEmpty ? nil : $0 }
        }

        guard let appid = value("appid") else {
            return .failure(.parameter("appid", "缺少必填参数appid", issue: "appid is required"))
        }

        let mode: Mode
        let modeField: String
        if let creator = value("creator_mchid") {
            mode = .issuedBy(mchid: creator)
            modeField = "creator_mchid"
        } else if let available = value("available_mchid") {
            mode = .usableAt(mchid: available)
            modeField = "available_mchid"
        } else {
            return .failure(
                .parameter(
                    "creator_mchid",
                    "creator_mchid与available_mchid须二选一",
                    issue: "give creator_mchid (issued by) or available_mchid (usable at)"
                )
            )
        }
        let mchid: String
        switch mode {
        case .issuedBy(let value), .usableAt(let value): mchid = value
        }
        guard mchid.count <= 20, mchid.allSatisfy(\.isASCIIDigit) else {
            return .failure(
                APIFailure(
                    statusCode: 400,
                    code: "MCH_NOT_EXISTS",
                    message: "商户号不合法",
                    detail: .object([
                        JSONMember("field", .string(modeField)),
                        JSONMember("location", .string("query")),
                        JSONMember("issue", .string("a mchid is 1 to 20 digits")),
                    ])
                )
            )
        }

        let businessType = value("business_type")
        if let businessType, businessType != "MULTIUSE" {
            return .failure(
                .parameter("business_type", "business_type取值错误", issue: "business_type takes only MULTIUSE")
            )
        }

        var request = CouponListRequest(
            openid: openid,
            appid: appid,
            mode: mode,
            businessType: businessType,
            offset: 0,
            limit: defaultLimit
        )
        guard case .issuedBy = mode else { return .success(request) }

        request.stockID = value("stock_id")
        if let status = value("status") {
            guard status == "SENDED" || status == "USED" else {
                return .failure(.parameter("status", "status取值错误", issue: "status takes SENDED or USED"))
            }
            request.status = status
        }
        if let offset = value("offset") {
            guard offset.count <= 9, offset.allSatisfy(\.isASCIIDigit), let number = Int(offset) else {
                return .failure(.parameter("offset", "offset取值错误", issue: "offset is a page number from 0"))
            }
            request.offset = number
        }
        if let limit = value("limit") {
            guard limit.allSatisfy(\.isASCIIDigit) else {
                return .failure(.parameter("limit", "limit取值错误", issue: "limit is a page size from 1 to 100"))
            }
            // Digits beyond what an Int holds are still only a page size over the limit.
            guard limit.count <= 9, let number = Int(limit), number <= maximumLimit else {
                return .failure(
                    .parameter("limit", "页大小超过阈值", issue: "limit is at most \(maximumLimit)")
                )
            }
            guard number >= 1 else {
                return .failure(.parameter("limit", "limit取值错误", issue: "limit is a page size from 1 to 100"))
            }
            request.limit = number
        }
        return .success(request)
    }
}
