import CouponCore
import Testing

@Test func headerNamesCompareWithoutRegardToCase() {
    var headers = HTTPHeaders()
    headers.add(name: "Wechatpay-Serial", value: "A")
    #expect(headers["wechatpay-serial"] == "A")
    #expect(headers["WECHATPAY-SERIAL"] == "A")
    #expect(headers["Wechatpay-Serial2"] == nil)
}

@Test func repeatedFieldsKeepTheirOrder() {
    var headers: HTTPHeaders = ["Set": "1"]
    headers.add(name: "set", value: "2")
    #expect(headers["SET"] == "1")
    #expect(headers.values(for: "Set") == ["1", "2"])
    #expect(headers.map(\.value) == ["1", "2"])
    headers.replaceOrAdd(name: "SET", value: "3")
    #expect(headers.values(for: "set") == ["3"])
    headers.remove(name: "set")
    #expect(headers.count == 0)
}

@Test func headersEqualIgnoringNameCase() {
    let lhs: HTTPHeaders = ["Accept": "application/json"]
    let rhs: HTTPHeaders = ["accept": "application/json"]
    #expect(lhs == rhs)
    #expect(lhs.hashValue == rhs.hashValue)
}
