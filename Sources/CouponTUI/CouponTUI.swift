// The CouponTUI module.
