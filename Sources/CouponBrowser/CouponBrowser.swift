// The CouponBrowser module.
