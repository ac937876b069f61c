import CouponCore

/// Coupon objects as the API writes them, for format tests that need no server.
enum CouponSamples {
    static func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text)
    }

    static func normal() throws -> JSONValue {
        try parse(
            """
            {"stock_creator_mchid":"1900000001","stock_id":"9856000","coupon_id":"98674556",\
            "coupon_name":"满100减20","status":"SENDED","description":"仅限门店, 周末可用",\
            "create_time":"2026-11-20T13:29:35+08:00","coupon_type":"NORMAL","no_cash":false,\
            "available_begin_time":"2026-11-20T00:00:00+08:00","available_end_time":"2026-12-31T23:59:59+08:00",\
            "singleitem":false,"normal_coupon_information":{"coupon_amount":2000,"transaction_minimum":10000},\
            "future_field":{"x":[1,2.50]}}
            """
        )
    }

    static func cutTo() throws -> JSONValue {
        try parse(
            """
            {"stock_creator_mchid":"1900000001","stock_id":"9856001","coupon_id":"98674557",\
            "coupon_name":"=HYPERLINK(\\"http://evil\\")","status":"USED","description":"say \\"hi\\"\\r\\nline2",\
            "coupon_type":"CUT_TO","singleitem":true,\
            "cut_to_message":{"single_price_max":1000,"cut_to_price":100},\
            "consume_information":{"consume_time":"2026-11-21T10:00:00+08:00","consume_mchid":"1900000002",\
            "transaction_id":"4200000000202611210000000001",\
            "goods_detail":[{"goods_id":"g1","quantity":2,"price":500,"discount_amount":100}]}}
            """
        )
    }

    static func multiUse() throws -> JSONValue {
        try parse(
            """
            {"stock_creator_mchid":"1900000001","stock_id":"9856002","coupon_id":"98674558",\
            "coupon_name":"消费金 🎁 Credit","status":"EXPIRED","description":"\\u001b]52;c;ZXZpbA==\\u0007",\
            "coupon_type":"NORMAL","business_type":"MULTIUSE","available_balance":1234,\
            "normal_coupon_information":{"coupon_amount":5000,"transaction_minimum":0},\
            "available_end_time":"2026-12-01T00:00:00Z"}
            """
        )
    }

    static func all() throws -> [JSONValue] {
        [try normal(), try cutTo(), try multiUse()]
    }
}
