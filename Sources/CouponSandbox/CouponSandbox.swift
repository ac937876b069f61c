// The CouponSandbox module.
