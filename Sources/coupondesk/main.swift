print("coupondesk")
