import Testing

@testable import CouponTUI
