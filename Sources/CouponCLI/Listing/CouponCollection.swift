import CouponCore

/// The answers to one `list`, merged: every coupon once, in the order the server sent them.
struct CouponCollection: Sendable {
    /// The answers, in the order they were fetched.
    var responses: [CouponListResponse]
    /// The coupons of every answer; a coupon that a later page repeats is kept once.
    var coupons: [Coupon]
    /// `total_count` of the last answer.
    var totalCount: Int
    /// `offset` of the first answer.
    var offset: Int
    /// `limit` of the first answer.
    var limit: Int
    /// How many repeated coupons were dropped, which happens when coupons are issued between pages.
    var repeatsDropped: Int

    init(responses: [CouponListResponse]) {
        self.responses = responses
        var seen = Set<String>()
        var coupons: [Coupon] = []
        var repeats = 0
        for response in responses {
            for coupon in response.page.coupons {
                if seen.insert(coupon.couponID).inserted {
                    coupons.append(coupon)
                } else {
                    repeats += 1
                }
            }
        }
        self.coupons = coupons
        self.repeatsDropped = repeats
        self.totalCount = responses.last?.page.totalCount ?? 0
        self.offset = responses.first?.page.offset ?? 0
        self.limit = responses.first?.page.limit ?? 0
    }
}
