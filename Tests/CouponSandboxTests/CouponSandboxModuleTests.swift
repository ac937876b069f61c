import Testing

@testable import CouponSandbox
