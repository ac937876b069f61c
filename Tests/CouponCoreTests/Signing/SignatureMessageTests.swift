import CouponCore
import Testing

// Layout from the wechatpay-go credential test: "GET\n/v3/certificates\n1624523846\nA1B2C3D4E5F6G7\n\n".
@Test func requestMessageMatchesTheSDKVectorLayout() {
    let message = SignatureMessage.request(
        method: "GET",
        target: "/v3/certificates",
        timestamp: 1_624_523_846,
        nonce: "A1B2C3D4E5F6G7"
    )
    #expect(message == "GET\n/v3/certificates\n1624523846\nA1B2C3D4E5F6G7\n\n")
}

@Test func bodyEndingInNewlineStillGetsItsOwnNewline() {
    let message = SignatureMessage.request(method: "POST", target: "/v3/x", timestamp: 1, nonce: "n", body: "{}\n")
    #expect(message == "POST\n/v3/x\n1\nn\n{}\n\n")
}

@Test func responseMessageUsesRawBodyBytesAndAnEmptyLineForEmptyBodies() {
    let raw: [UInt8] = [0x7B, 0x20, 0x7D, 0xFF]
    #expect(SignatureMessage.response(timestamp: "1", nonce: "N", body: raw) == Array("1\nN\n".utf8) + raw + [0x0A])
    #expect(SignatureMessage.response(timestamp: "1", nonce: "N", body: []) == Array("1\nN\n\n".utf8))
}
