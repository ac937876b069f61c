import CouponCore

/// The four status toggles: usable, used, expired, and statuses this version does not know.
public enum StatusCategory: Sendable, Hashable, CaseIterable, Comparable {
    /// `SENDED`.
    case usable
    /// `USED`.
    case used
    /// `EXPIRED`.
    case expired
    /// Any other value, shown verbatim.
    case other

    /// The category of a coupon's status.
    public init(_ status: CouponStatus) {
        switch status {
        case .usable: self = .usable
        case .used: self = .used
        case .expired: self = .expired
        case .other: self = .other
        }
    }
}

/// Which status toggles are on, and the narrowest server query that covers them.
public struct StatusFilter: Sendable, Hashable {
    /// The categories shown.
    public private(set) var enabled: Set<StatusCategory>

    public init(enabled: Set<StatusCategory> = Set(StatusCategory.allCases)) {
        self.enabled = enabled
    }

    /// Every status on.
    public static let all = StatusFilter()

    /// Whether `category` is on.
    public func isOn(_ category: StatusCategory) -> Bool { enabled.contains(category) }

    /// Whether every status is on.
    public var isAll: Bool { enabled.count == StatusCategory.allCases.count }

    /// The filter with `category` flipped.
    public func toggling(_ category: StatusCategory) -> StatusFilter {
        var copy = self
        if copy.enabled.contains(category) {
            copy.enabled.remove(category)
        } else {
            copy.enabled.insert(category)
        }
        return copy
    }

    /// The `status` parameter to send: the narrowest the API offers that still covers every toggle on.
    ///
    /// The API: `status=SENDED` returns usable coupons, `status=USED` usable and used ones; only
    /// with `creator_mchid`. Expired and unknown statuses need no `status` at all.
    public func serverStatus(in mode: QueryMode) -> String? {
        guard mode == .issuedBy, !enabled.isEmpty else { return nil }
        if enabled == [.usable] { return "SENDED" }
        if enabled.isSubset(of: [.usable, .used]) { return "USED" }
        return nil
    }

    /// The categories a query with this `status` parameter can return.
    public static func coverage(ofServerStatus status: String?) -> Set<StatusCategory> {
        switch status {
        case "SENDED": return [.usable]
        case "USED": return [.usable, .used]
        default: return Set(StatusCategory.allCases)
        }
    }

    /// The categories a query in `mode` with this `status` parameter can return.
    ///
    /// The API: with `creator_mchid`, every status except expired; with `available_mchid`, usable
    /// coupons only, whatever `status` says.
    public static func coverage(ofServerStatus status: String?, in mode: QueryMode) -> Set<StatusCategory> {
        switch mode {
        case .usableAt:
            return [.usable]
        case .issuedBy:
            return coverage(ofServerStatus: status).subtracting([.expired])
        }
    }

    /// Whether rows the server returns for `status` must still be filtered here to match the toggles.
    public func filtersLocally(givenServerStatus status: String?) -> Bool {
        Self.coverage(ofServerStatus: status) != enabled
    }

    /// Whether the toggles hide here any status a query in `mode` with this `status` can return.
    public func filtersLocally(givenServerStatus status: String?, in mode: QueryMode) -> Bool {
        !Self.coverage(ofServerStatus: status, in: mode).isSubset(of: enabled)
    }
}
