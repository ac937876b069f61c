import CouponAssets
import CouponCore

/// The merchant, users and coupons the sandbox serves.
///
/// Coupons are kept as the API's own JSON objects, exactly as written in the data set, unknown
/// keys included. Their times are written relative to `referenceDate`; the server moves them by
/// whole days so that the data stays current on whatever day the sandbox runs.
public struct SandboxDataSet: Sendable {
    /// The day the data set's times are written relative to, `YYYY-MM-DD` in China.
    public var referenceDate: String
    /// The one merchant the data set belongs to.
    public var merchant: SandboxMerchantProfile
    /// The users written in the data set, in its order; the generated large user is not among them.
    public var users: [SandboxUser]
    /// Whether the server also serves the generated user with 10,000 coupons.
    public var includesLargeUser: Bool

    /// `referenceDate` as days since 1970-01-01.
    let referenceDay: Int64

    /// A data set, checked: the date is `YYYY-MM-DD`, the merchant has an appid, and each user's openid is unique and
    /// under one of the merchant's appids.
    public init(
        referenceDate: String,
        merchant: SandboxMerchantProfile,
        users: [SandboxUser],
        includesLargeUser: Bool = true
    ) throws(SandboxError) {
        guard let day = CivilTime.day(iso: referenceDate) else {
            throw .invalidDataSet("reference_date \"\(referenceDate)\" is not a YYYY-MM-DD date")
        }
        self.referenceDate = referenceDate
        self.referenceDay = day
        self.merchant = merchant
        self.users = users
        self.includesLargeUser = includesLargeUser
        try validate()
    }

    /// The demo data set that ships in the build (`Assets/demo-users.json`).
    public static func demo() throws(SandboxError) -> SandboxDataSet {
        try demoResult.get()
    }

    // Parsed once per process: the file is in the build and never changes while it runs.
    private static let demoResult: Result<SandboxDataSet, SandboxError> = {
        let bytes: [UInt8]
        do {
            bytes = try DemoAssets.demoUsersJSON()
        } catch {
            return .failure(.invalidDataSet("the bundled demo-users.json cannot be read: \(error)"))
        }
        do throws(SandboxError) {
            return .success(try SandboxDataSet(json: bytes))
        } catch {
            return .failure(error)
        }
    }()

    /// Reads a data set in the format of `Assets/demo-users.json`.
    public init(json bytes: [UInt8]) throws(SandboxError) {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw .invalidDataSet("not valid JSON: \(error)")
        }
        guard let referenceDate = document["reference_date"]?.stringValue else {
            throw .invalidDataSet("no reference_date")
        }
        guard let merchantJSON = document["merchant"] else { throw .invalidDataSet("no merchant") }
        let merchant = try SandboxMerchantProfile(json: merchantJSON)
        guard let usersJSON = document["users"]?.arrayValue else { throw .invalidDataSet("no users list") }
        var users: [SandboxUser] = []
        for (position, userJSON) in usersJSON.enumerated() {
            users.append(try SandboxUser(json: userJSON, position: position))
        }
        try self.init(
            referenceDate: referenceDate,
            merchant: merchant,
            users: users,
            includesLargeUser: document["include_large_user"]?.boolValue ?? true
        )
    }

    /// The written user with `openid`; the generated large user is not among them.
    public func user(openid: String) -> SandboxUser? {
        users.first(where: { $0.openid == openid })
    }

    /// Summaries of every user the server answers for, the generated large user last.
    public var userSummaries: [SandboxUserSummary] {
        var summaries = users.map { SandboxUserSummary(user: $0) }
        if includesLargeUser, let appid = merchant.appids.first {
            summaries.append(LargeUserCoupons.shared.summary(appid: appid))
        }
        return summaries
    }

    private func validate() throws(SandboxError) {
        guard !merchant.appids.isEmpty else { throw .invalidDataSet("the merchant has no appids") }
        var seen: Set<String> = [LargeUserCoupons.openid]
        for user in users {
            guard seen.insert(user.openid).inserted else {
                throw .invalidDataSet("openid \(user.openid) appears twice (or is the generated user's)")
            }
            guard merchant.appids.contains(user.appid) else {
                throw .invalidDataSet("user \(user.openid) has appid \(user.appid), which the merchant does not have")
            }
        }
    }
}

/// The merchant of a data set: its mchid, the appids bound to it and the shops its coupons are usable at.
public struct SandboxMerchantProfile: Sendable, Hashable {
    /// The merchant's mchid, 10 digits.
    public var mchid: String
    /// A display name for the merchant.
    public var name: String
    /// The appids bound to the mchid (商户号与AppID账号关联); the first is the default.
    public var appids: [String]
    /// The mchids where the merchant's coupons are usable, for "usable at" (`available_mchid`) lookups.
    public var availableMchids: [String]

    public init(mchid: String, name: String, appids: [String], availableMchids: [String]) {
        self.mchid = mchid
        self.name = name
        self.appids = appids
        self.availableMchids = availableMchids
    }

    init(json: JSONValue) throws(SandboxError) {
        guard let mchid = json["mchid"]?.stringValue, !mchid.isEmpty, mchid.allSatisfy(\.isASCIIDigit) else {
            throw .invalidDataSet("merchant.mchid is missing or not digits")
        }
        let appids = (json["appids"]?.arrayValue ?? []).compactMap(\.stringValue)
        let available = (json["available_mchids"]?.arrayValue ?? []).compactMap(\.stringValue)
        self.init(
            mchid: mchid,
            name: json["name"]?.stringValue ?? "",
            appids: appids,
            availableMchids: available.isEmpty ? [mchid] : available
        )
    }
}

/// One user of a data set and the coupons they hold.
public struct SandboxUser: Sendable, Hashable {
    /// The user's openid under `appid`.
    public var openid: String
    /// The appid the openid belongs to.
    public var appid: String
    /// A short English description for the lookup prompt.
    public var label: String
    /// The same description in Chinese.
    public var chineseLabel: String
    /// How the sandbox misbehaves for this user, if it does.
    public var fault: SandboxFault?
    /// The coupons as the API's JSON objects, times as written (not yet moved to the current day).
    public var coupons: [JSONValue]

    public init(
        openid: String,
        appid: String,
        label: String,
        chineseLabel: String,
        fault: SandboxFault? = nil,
        coupons: [JSONValue]
    ) {
        self.openid = openid
        self.appid = appid
        self.label = label
        self.chineseLabel = chineseLabel
        self.fault = fault
        self.coupons = coupons
    }

    init(json: JSONValue, position: Int) throws(SandboxError) {
        guard let openid = json["openid"]?.stringValue, !openid.isEmpty else {
            throw .invalidDataSet("users[\(position)] has no openid")
        }
        guard let appid = json["appid"]?.stringValue else {
            throw .invalidDataSet("user \(openid) has no appid")
        }
        var fault: SandboxFault?
        if let name = json["fault"]?.stringValue {
            guard let known = SandboxFault(rawValue: name) else {
                let names = SandboxFault.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalidDataSet("user \(openid) has fault \"\(name)\"; known faults: \(names)")
            }
            fault = known
        }
        let coupons = json["coupons"]?.arrayValue ?? []
        for (index, coupon) in coupons.enumerated() {
            for key in ["coupon_id", "stock_id", "stock_creator_mchid", "status"]
            where coupon[key]?.stringValue == nil {
                throw .invalidDataSet("user \(openid) coupons[\(index)] has no \(key)")
            }
        }
        self.init(
            openid: openid,
            appid: appid,
            label: json["label"]?["en"]?.stringValue ?? "",
            chineseLabel: json["label"]?["zh"]?.stringValue ?? "",
            fault: fault,
            coupons: coupons
        )
    }
}

/// What the lookup prompt offers about one user.
public struct SandboxUserSummary: Sendable, Hashable {
    /// The user's openid.
    public var openid: String
    /// The appid the openid belongs to, which a lookup must name.
    public var appid: String
    /// A short English description.
    public var label: String
    /// The same description in Chinese.
    public var chineseLabel: String
    /// Every coupon the user holds, in any status.
    public var couponCount: Int
    /// Coupons with status `SENDED`.
    public var usableCount: Int
    /// Coupons with status `USED`.
    public var usedCount: Int
    /// Coupons with status `EXPIRED`; the API never returns these.
    public var expiredCount: Int
    /// How the sandbox misbehaves for this user, if it does.
    public var fault: SandboxFault?

    /// Whether this is a fault user.
    public var isFault: Bool { fault != nil }

    /// The description in `language`.
    public func label(in language: Language) -> String {
        language == .chinese && !chineseLabel.isEmpty ? chineseLabel : label
    }

    public init(
        openid: String,
        appid: String,
        label: String,
        chineseLabel: String,
        couponCount: Int,
        usableCount: Int,
        usedCount: Int,
        expiredCount: Int,
        fault: SandboxFault?
    ) {
        self.openid = openid
        self.appid = appid
        self.label = label
        self.chineseLabel = chineseLabel
        self.couponCount = couponCount
        self.usableCount = usableCount
        self.usedCount = usedCount
        self.expiredCount = expiredCount
        self.fault = fault
    }

    init(user: SandboxUser) {
        let statuses = user.coupons.map { $0["status"]?.stringValue ?? "" }
        self.init(
            openid: user.openid,
            appid: user.appid,
            label: user.label,
            chineseLabel: user.chineseLabel,
            couponCount: statuses.count,
            usableCount: statuses.filter { $0 == "SENDED" }.count,
            usedCount: statuses.filter { $0 == "USED" }.count,
            expiredCount: statuses.filter { $0 == "EXPIRED" }.count,
            fault: user.fault
        )
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
