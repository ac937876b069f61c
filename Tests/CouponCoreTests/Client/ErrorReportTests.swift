import CouponCore
import Testing

private let catalogued = [
    "PARAM_ERROR", "INVALID_REQUEST", "MCH_NOT_EXISTS", "APPID_MCHID_NOT_MATCH", "SIGN_ERROR", "NO_AUTH",
    "USER_ACCOUNT_ABNORMAL", "NOT_ENOUGH", "REQUEST_BLOCKED", "RESOURCE_NOT_EXISTS", "FREQUENCY_LIMIT_EXCEED",
    "RATELIMIT_EXCEEDED", "SYSTEM_ERROR", "SERVICE_UNAVAILABLE",
]

private let clientCodes = [
    "SIGNATURE_PROBE", "CLOCK_SKEW", "UNSIGNED_ANSWER", "UNKNOWN_SERIAL", "SIGNATURE_MISMATCH", "NETWORK",
    "ANSWER_CUT_SHORT",
    "TRANSPORT_ERROR", "TIMEOUT",
    "TLS_FAILURE", "INSECURE_URL", "INVALID_BASE_URL", "INVALID_QUERY", "CONFIGURATION", "UNREADABLE_ANSWER",
    "CANCELLED", "HTTP_ERROR",
]

private func apiError(
    _ code: String,
    status: Int = 400,
    message: String = "服务端信息",
    verified: Bool = false
) -> CouponClientError {
    .api(APIError(statusCode: status, code: code, message: message, requestID: "REQ-9", isSignatureVerified: verified))
}

@Test(arguments: catalogued + clientCodes)
func everyCataloguedCodeHasChineseAndEnglishExplanationAndNextStep(code: String) throws {
    let entry = try #require(ErrorCatalogue.entry(for: code))
    for language in Language.allCases {
        #expect(!entry.explanation(in: language).isEmpty)
        #expect(!entry.nextStep(in: language).isEmpty)
    }
    #expect(entry.explanation(in: .chinese) != entry.explanation(in: .english))
    #expect(entry.isServerCode == catalogued.contains(code))
}

@Test func apiErrorReportKeepsServerCodeMessageRequestIDAndUnverifiedMark() {
    let report = apiError("APPID_MCHID_NOT_MATCH").report(language: .chinese)
    #expect(report.code == "APPID_MCHID_NOT_MATCH")
    #expect(report.message == "服务端信息")
    #expect(report.requestID == "REQ-9")
    #expect(report.isVerified == false)
    #expect(report.explanation.contains("appid"))
    #expect(report.nextStep.contains("AppID账号管理"))
    #expect(apiError("NO_AUTH", status: 403, verified: true).report(language: .english).isVerified == true)
}

@Test func reportLanguageChangesExplanationNotTheServerMessage() {
    let chinese = apiError("SYSTEM_ERROR", status: 500).report(language: .chinese)
    let english = apiError("SYSTEM_ERROR", status: 500).report(language: .english)
    #expect(chinese.message == english.message)
    #expect(chinese.explanation != english.explanation)
    #expect(english.explanation.contains("retried"))
}

@Test func unknownServerCodeStillShowsItsCodeAndMessage() {
    let report = apiError("BRAND_NEW_CODE", message: "新的错误").report(language: .english)
    #expect(report.code == "BRAND_NEW_CODE")
    #expect(report.message == "新的错误")
    #expect(report.explanation.contains("BRAND_NEW_CODE"))
    #expect(!report.nextStep.isEmpty)
}

@Test func errorAnswerWithoutACodeIsReportedAsHTTPError() {
    let report = CouponClientError.api(APIError(statusCode: 502, code: "", message: "")).report(language: .english)
    #expect(report.code == "HTTP_ERROR")
    #expect(report.message == "HTTP 502")
}

@Test func signErrorShowsBothSignMessagesWithControlCharactersVisible() throws {
    let detail = try JSONParser.parse(
        #"{"sign_information":{"truncated_sign_message":"GET\n/v3/marketing/favor/users/o2/coupons\n"}}"#
    )
    let error = CouponClientError.api(
        APIError(
            statusCode: 401,
            code: "SIGN_ERROR",
            message: "签名错误",
            detail: detail,
            signedMessage: "GET\n/v3/marketing/favor/users/o1/coupons\n1700000000\nN\n\n"
        )
    )
    let lines = error.report(language: .english).detailLines
    #expect(lines.contains("server's sign message (truncated): GET\\n/v3/marketing/favor/users/o2/coupons\\n"))
    #expect(
        lines.contains("message this client signed: GET\\n/v3/marketing/favor/users/o1/coupons\\n1700000000\\nN\\n\\n")
    )
    #expect(lines.contains("They differ from character 32 on."))
    #expect(lines.allSatisfy { !$0.contains("\n") })
}

@Test func signErrorWhoseMessagesAgreePointsAtTheKeyAndSerial() throws {
    let detail = try JSONParser.parse(#"{"sign_information":{"truncated_sign_message":"GET\n/v3/x\n"}}"#)
    let error = CouponClientError.api(
        APIError(
            statusCode: 401,
            code: "SIGN_ERROR",
            message: "",
            detail: detail,
            signedMessage: "GET\n/v3/x\n1\nN\n\n"
        )
    )
    let lines = error.report(language: .chinese).detailLines
    #expect(lines.contains { $0.contains("证书序列号与私钥不匹配") })
}

@Test func paramErrorDetailNamesTheField() throws {
    let detail = try JSONParser.parse(#"{"field":"openid","issue":"not found"}"#)
    let error = CouponClientError.api(APIError(statusCode: 400, code: "PARAM_ERROR", message: "", detail: detail))
    let lines = error.report(language: .english).detailLines
    #expect(lines.contains("field: openid"))
    #expect(lines.contains("issue: not found"))
}

@Test func verificationFailuresHaveTheirOwnCodesAndAreUnverified() {
    let cases: [(VerificationError, String)] = [
        (.signatureProbe, "SIGNATURE_PROBE"), (.timestampOutOfWindow(skewSeconds: 400), "CLOCK_SKEW"),
        (.missingHeader("Wechatpay-Signature"), "UNSIGNED_ANSWER"),
        (.unknownSerial("S", configured: []), "UNKNOWN_SERIAL"),
        (.signatureMismatch(serial: "S"), "SIGNATURE_MISMATCH"), (.malformedSignature, "MALFORMED_SIGNATURE"),
        (.malformedTimestamp("x"), "MALFORMED_TIMESTAMP"),
        (.unsupportedSignatureType("x"), "UNSUPPORTED_SIGNATURE_TYPE"),
    ]
    for (error, code) in cases {
        let report = CouponClientError.verification(error, requestID: "R").report(language: .english)
        #expect(report.code == code)
        #expect(report.isVerified == false)
        #expect(report.requestID == "R")
        #expect(ErrorCatalogue.entry(for: code) != nil)
    }
}

@Test func clockSkewReportSaysHowFarAndWhichWay() {
    let behind = CouponClientError.verification(.timestampOutOfWindow(skewSeconds: 420), requestID: nil)
    #expect(
        behind.report(language: .english).detailLines == [
            "This machine's clock is 420 s behind WeChat Pay's (300 s allowed)."
        ]
    )
    #expect(behind.report(language: .chinese).detailLines == ["本机时钟比微信支付慢 420 秒（允许 300 秒）。"])
}

@Test func unknownSerialReportListsTheConfiguredKeys() {
    let error = CouponClientError.verification(
        .unknownSerial("PUB_KEY_ID_2", configured: ["PUB_KEY_ID_1", "ABC"]),
        requestID: nil
    )
    let lines = error.report(language: .english).detailLines
    #expect(lines == ["answer's Wechatpay-Serial: PUB_KEY_ID_2", "configured: PUB_KEY_ID_1, ABC"])
}

@Test func transportQueryAndOtherFailuresUseClientCodes() {
    #expect(CouponClientError.transport(.timedOut(seconds: 10)).report(language: .english).code == "TIMEOUT")
    #expect(
        CouponClientError.transport(.cannotConnect(host: "h", reason: "r")).report(language: .english).code == "NETWORK"
    )
    #expect(CouponClientError.transport(.insecureScheme("http://x")).report(language: .english).code == "INSECURE_URL")
    #expect(
        CouponClientError.transport(.answerCutShort(host: "h", reason: "r")).report(language: .english).code
            == "ANSWER_CUT_SHORT"
    )
    #expect(CouponClientError.invalidQuery(.missingOpenid).report(language: .english).code == "INVALID_QUERY")
    #expect(CouponClientError.invalidQuery(.missingOpenid).report(language: .english).message.contains("openid"))
    #expect(CouponClientError.configuration("x").report(language: .english).code == "CONFIGURATION")
    #expect(
        CouponClientError.decoding(.notAnObject, requestID: "R").report(language: .english).code == "UNREADABLE_ANSWER"
    )
    #expect(CouponClientError.cancelled.report(language: .english).code == "CANCELLED")
    #expect(CouponClientError.transport(.timedOut(seconds: 1)).report(language: .english).isVerified == nil)
}

@Test func serverMessageWithEscapesIsShownVisibly() {
    let report = apiError("PARAM_ERROR", message: "bad\u{1B}]52;c;evil\u{07}").report(language: .english)
    #expect(!report.message.unicodeScalars.contains { $0.value < 0x20 })
}

// A redirect or a non-HTTP answer did reach something, so it must not be explained as an unreachable host.
@Test func otherTransportFailuresAreNotExplainedAsUnreachable() {
    let report = CouponClientError.transport(.other("unexpected HTTP 302 from https://x")).report(language: .english)
    #expect(report.code == "TRANSPORT_ERROR")
    #expect(report.message == "unexpected HTTP 302 from https://x")
    #expect(!report.explanation.contains("could not be reached"))
}
