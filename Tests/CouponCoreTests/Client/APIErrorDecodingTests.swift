import CouponCore
import Testing

@Test func errorBodyDecodesCodeMessageDetailAndRequestID() {
    let body =
        #"{"code":"PARAM_ERROR","message":"参数错误","#
        + #""detail":{"field":"limit","value":"0","issue":"too small","location":"query"}}"#
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

// The code and message come from the server, so even the plain description must not carry an escape.
@Test func errorDescriptionShowsTheServersControlCharactersVisibly() {
    let error = APIError(statusCode: 400, code: "X\u{1B}[2J", message: "bad\u{1B}]52;c;evil\u{07}")
    #expect(error.description == "X\\u{1B}[2J (HTTP 400): bad\\u{1B}]52;c;evil\\u{7}")
    #expect(CouponClientError.api(error).description == error.description)
}

@Test func emptyErrorBodyLeavesCodeAndMessageEmpty() {
    let error = APIError(response: HTTPResponse(statusCode: 503), isSignatureVerified: false, signedMessage: nil)
    #expect(error.code.isEmpty && error.message.isEmpty)
    #expect(error.requestID == nil)
}

@Test func randomlyMutatedErrorBodiesAreReportedWithoutTrapping() {
    let seeds = [
        #"{"code":"PARAM_ERROR","message":"参数错误","detail":{"field":"limit","value":0,"issue":"x","location":"query"}}"#,
        #"{"code":"SIGN_ERROR","message":"签名错误","detail":{"sign_information":"#
            + #"{"truncated_sign_message":"GET\n/v3\n"}}}"#,
    ]
    var mutator = Mutator(seed: 0x4150_4945, tokens: ["\u{1B}]52;c;", "\\u001b", "\"", "{", "}", "null", "\u{7}"])
    for body in mutator.mutants(of: seeds, count: 2000) {
        let response = HTTPResponse(statusCode: 400, headers: ["Request-ID": "R"], body: body)
        let error = APIError(response: response, isSignatureVerified: false, signedMessage: "GET\n/v3\n1\nN\n\n")
        for language in Language.allCases {
            let report = CouponClientError.api(error).report(language: language)
            // Whatever the server wrote, nothing shown may carry a control character a terminal would act on.
            let shown = [report.code, report.message] + report.detailLines
            if shown.contains(where: { $0.unicodeScalars.contains(where: VisibleText.isUnsafe) }) {
                Issue.record("\(String(decoding: body, as: UTF8.self).debugDescription) shows a control character")
            }
        }
    }
}
