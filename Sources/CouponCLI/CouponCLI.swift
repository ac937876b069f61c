// The CouponCLI module.
