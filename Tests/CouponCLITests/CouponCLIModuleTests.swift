import Testing

@testable import CouponCLI
