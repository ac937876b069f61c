/// Why a query was refused before anything was sent.
public enum CouponQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The openid is empty.
    case missingOpenid
    /// The openid is longer than the API takes.
    case openidTooLong(length: Int)
    /// The openid holds a character no openid has, or is only a path step (`.` or `..`).
    case openidHasForbiddenCharacter(Unicode.Scalar)
    /// No appid was given.
    case missingAppid
    /// The appid is longer than the API takes.
    case appidTooLong(length: Int)
    /// The appid holds a space or a character outside printable ASCII.
    case appidHasForbiddenCharacter(Unicode.Scalar)
    /// A merchant id that is not 1–20 digits; `field` names the parameter.
    case mchidNotDigits(field: String, value: String)
    /// The `stock_id` is not all digits.
    case stockIDNotDigits(String)
    /// The `status` is neither `SENDED` nor `USED`.
    case unknownStatus(String)
    /// The `business_type` is not `MULTIUSE`.
    case unknownBusinessType(String)
    /// The page size is outside 1 to 100.
    case limitOutOfRange(Int)
    /// The page number is below 0.
    case negativeOffset(Int)

    /// The parameter at fault, as the API names it.
    public var field: String {
        switch self {
        case .missingOpenid, .openidTooLong, .openidHasForbiddenCharacter: return "openid"
        case .missingAppid, .appidTooLong, .appidHasForbiddenCharacter: return "appid"
        case .mchidNotDigits(let field, _): return field
        case .stockIDNotDigits: return "stock_id"
        case .unknownStatus: return "status"
        case .unknownBusinessType: return "business_type"
        case .limitOutOfRange: return "limit"
        case .negativeOffset: return "offset"
        }
    }

    public var description: String {
        switch self {
        case .missingOpenid:
            return "openid is empty: enter the user's openid"
        case .openidTooLong(let length):
            return "openid is \(length) characters long; the API takes at most \(CouponQuery.maximumOpenidLength)"
        case .openidHasForbiddenCharacter("."):
            return "openid is only dots, which a URL reads as a path step; check what was pasted"
        case .openidHasForbiddenCharacter(let scalar):
            return "openid contains \(Self.name(of: scalar)); an openid has no '/', '?', '#', spaces or control "
                + "characters, so check what was pasted"
        case .missingAppid:
            return "appid is missing: set the appid the openid belongs to (profile key appid or --appid)"
        case .appidTooLong(let length):
            return "appid is \(length) characters long; the API takes at most \(CouponQuery.maximumAppidLength)"
        case .appidHasForbiddenCharacter(let scalar):
            return "appid contains \(Self.name(of: scalar)); an appid is printable ASCII such as wx1234567890abcdef"
        case .mchidNotDigits(let field, let value):
            return "\(field) \"\(Self.visible(value))\" is not a merchant id; a mchid is 1 to 20 digits"
        case .stockIDNotDigits(let value):
            return "stock_id \"\(Self.visible(value))\" is not a batch id; a stock_id is digits only"
        case .unknownStatus(let value):
            return "status \"\(Self.visible(value))\" is not one the API takes; use SENDED (usable) or USED "
                + "(usable and used)"
        case .unknownBusinessType(let value):
            return "business_type \"\(Self.visible(value))\" is not one the API takes; use MULTIUSE"
        case .limitOutOfRange(let limit):
            return "limit \(limit) is out of range; a page holds 1 to \(CouponQuery.maximumLimit) coupons"
        case .negativeOffset(let offset):
            return "offset \(offset) is negative; pages are numbered from 0"
        }
    }

    private static func name(of scalar: Unicode.Scalar) -> String {
        if VisibleText.isUnsafe(scalar) || scalar.properties.isWhitespace
            || scalar.properties.generalCategory == .format
        {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "'\(scalar)'"
    }

    /// The value with anything a terminal would act on shown as a code point, so an error never carries raw escapes.
    private static func visible(_ value: String) -> String {
        VisibleText.escape(value, limit: 64)
    }
}
