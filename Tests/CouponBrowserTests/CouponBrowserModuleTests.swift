import Testing

@testable import CouponBrowser
