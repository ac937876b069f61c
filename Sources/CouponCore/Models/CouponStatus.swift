/// The state of one coupon, as the API's `status` field names it.
public enum CouponStatus: Sendable, Hashable {
    /// `SENDED`: issued to the user and usable.
    case usable
    /// `USED`: redeemed (已实扣).
    case used
    /// `EXPIRED`: past its validity without being used.
    case expired
    /// A value this version does not know, kept verbatim.
    case other(String)

    /// Reads the API's value; unknown values are kept, never refused.
    public init(apiValue: String) {
        switch apiValue {
        case "SENDED": self = .usable
        case "USED": self = .used
        case "EXPIRED": self = .expired
        default: self = .other(apiValue)
        }
    }

    /// The value the API uses for this status.
    public var apiValue: String {
        switch self {
        case .usable: return "SENDED"
        case .used: return "USED"
        case .expired: return "EXPIRED"
        case .other(let value): return value
        }
    }
}

/// The kind of discount a coupon gives, as the API's `coupon_type` field names it.
public enum CouponType: Sendable, Hashable {
    /// `NORMAL` (满减券): a fixed amount off an order above a threshold.
    case normal
    /// `CUT_TO` (减至券): an item's unit price is cut to a fixed amount.
    case cutTo
    /// A value this version does not know, kept verbatim.
    case other(String)

    /// Reads the API's value; unknown values are kept, never refused.
    public init(apiValue: String) {
        switch apiValue {
        case "NORMAL": self = .normal
        case "CUT_TO": self = .cutTo
        default: self = .other(apiValue)
        }
    }

    /// The value the API uses for this type.
    public var apiValue: String {
        switch self {
        case .normal: return "NORMAL"
        case .cutTo: return "CUT_TO"
        case .other(let value): return value
        }
    }
}
