import CouponCore

/// Every user the server answers for, indexed by openid, with what filtering needs worked out once.
struct CouponCatalogue: Sendable {
    /// One user's entry.
    struct Entry: Sendable {
        var openid: String
        var appid: String
        var fault: SandboxFault?
        /// The written coupons, or `nil` for the generated large user.
        var coupons: [JSONValue]?
        var facts: [CouponFacts]
    }

    let dataSet: SandboxDataSet
    private let entries: [String: Entry]

    init(dataSet: SandboxDataSet) {
        self.dataSet = dataSet
        var entries: [String: Entry] = [:]
        for user in dataSet.users {
            let facts = user.coupons.map { coupon in
                let creator = coupon["stock_creator_mchid"]?.stringValue
                return CouponFacts(
                    status: coupon["status"]?.stringValue ?? "",
                    stockID: coupon["stock_id"]?.stringValue ?? "",
                    creatorMchid: creator == dataSet.merchant.mchid ? nil : creator,
                    businessType: coupon["business_type"]?.stringValue
                )
            }
            entries[user.openid] = Entry(
                openid: user.openid,
                appid: user.appid,
                fault: user.fault,
                coupons: user.coupons,
                facts: facts
            )
        }
        if dataSet.includesLargeUser, let appid = dataSet.merchant.appids.first {
            entries[LargeUserCoupons.openid] = Entry(
                openid: LargeUserCoupons.openid,
                appid: appid,
                fault: nil,
                coupons: nil,
                facts: LargeUserCoupons.shared.facts
            )
        }
        self.entries = entries
    }

    func entry(openid: String) -> Entry? {
        entries[openid]
    }

    /// The indices of the coupons a request selects, before paging, in the data set's order.
    func selection(for request: CouponListRequest, in entry: Entry) -> [Int] {
        let merchant = dataSet.merchant
        return entry.facts.indices.filter { index in
            let facts = entry.facts[index]
            if let businessType = request.businessType, facts.businessType != businessType { return false }
            switch request.mode {
            case .issuedBy(let mchid):
                guard (facts.creatorMchid ?? merchant.mchid) == mchid else { return false }
                if let stockID = request.stockID, facts.stockID != stockID { return false }
                // "Issued by" never returns expired coupons; SENDED narrows to usable, USED means usable and used.
                switch request.status {
                case "SENDED": return facts.status == "SENDED"
                case "USED": return facts.status == "SENDED" || facts.status == "USED"
                default: return facts.status != "EXPIRED"
                }
            case .usableAt(let mchid):
                return merchant.availableMchids.contains(mchid) && facts.status == "SENDED"
            }
        }
    }

    /// The coupon at `index` of `entry`, its times moved by `dayShift` days.
    func coupon(_ index: Int, of entry: Entry, dayShift: Int64) -> JSONValue {
        guard let coupons = entry.coupons else {
            return LargeUserCoupons.shared.coupon(
                at: index,
                merchant: dataSet.merchant,
                referenceDay: dataSet.referenceDay + dayShift
            )
        }
        return dayShift == 0 ? coupons[index] : Self.shiftingTimes(of: coupons[index], byDays: dayShift)
    }

    /// The value with every RFC 3339 string under a key ending in `_time` moved by whole days.
    static func shiftingTimes(of value: JSONValue, byDays days: Int64) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(
                members.map { member in
                    if member.key.hasSuffix("_time"), case .string(let text) = member.value,
                        let timestamp = APITimestamp(rfc3339: text)
                    {
                        return JSONMember(member.key, .string(CivilTime.shift(timestamp, byDays: days)))
                    }
                    return JSONMember(member.key, shiftingTimes(of: member.value, byDays: days))
                }
            )
        case .array(let elements):
            return .array(elements.map { shiftingTimes(of: $0, byDays: days) })
        default:
            return value
        }
    }
}
