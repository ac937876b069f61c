import CouponCore
import Testing

@Test func errorBodyDecodesCodeMessageDetailAndRequestID() {
    let body =
        #"{"code":"PARAM_ERROR","message":"参数错误","detail":{"field":"limit","value":"0","issue":"too small","location":"query"}}"#
    let error = APIError(
        response: TestFixtures.unsignedResponse(status: 400, body: body, requestID: "REQ-1"),
        isSignatureVerified: false,
        signedMessage: "GET\n/x\n1\nn\n\n"
    )
    #expect(error.code == "PARAM_ERROR")
    #expect(error.message == "参数错误")
    #expect(error.field == "limit")
    #expect(error.requestID == "REQ-1")
    #expect(error.signedMessage == "GET\n/x\n1\nn\n\n")
    #expect(error.description == "PARAM_ERROR (HTTP 400): 参数错误")
}

@Test func nonJSONErrorBodyKeepsAVisibleExcerpt() {
    let error = APIError(
        response: TestFixtures.unsignedResponse(status: 502, body: "<html>\u{1B}[31mBad Gateway</html>"),
        isSignatureVerified: false,
        signedMessage: nil
    )
    #expect(error.code.isEmpty)
    #expect(error.message.contains("Bad Gateway"))
    #expect(!error.message.contains("\u{1B}"))
    #expect(error.description.hasPrefix("HTTP 502"))
}

@Test func emptyErrorBodyLeavesCodeAndMessageEmpty() {
    let error = APIError(response: HTTPResponse(statusCode: 503), isSignatureVerified: false, signedMessage: nil)
    #expect(error.code.isEmpty && error.message.isEmpty)
    #expect(error.requestID == nil)
}
