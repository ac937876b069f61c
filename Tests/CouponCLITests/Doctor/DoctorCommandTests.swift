import CouponCore
import Testing

@testable import CouponCLI

struct DoctorCommandTests {
    @Test func terminalChecksPassOnAUTF8ColourTerminal() {
        let checks = DoctorCommand.terminalChecks(["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/nonexistent"])
        #expect(checks.map(\.level) == [.ok, .ok, .ok, .ok])
        #expect(checks[2].message.hasPrefix("256 colours"))
        #expect(checks[3].message.contains("6 cells"))
    }

    @Test func terminalProblemsAreWarningsWithWhatToDo() {
        let checks = DoctorCommand.terminalChecks(["TERM": "dumb", "LANG": "C"])
        #expect(checks.prefix(3).allSatisfy { $0.level == .warning })
        #expect(checks[0].message.contains("set TERM"))
        #expect(checks[1].message.contains("LANG=C.UTF-8"))
        let unknown = DoctorCommand.terminalChecks(["TERM": "no-such-terminal", "LC_ALL": "C.UTF-8", "NO_COLOR": "1"])
        #expect(unknown[0].level == .warning && unknown[0].message.contains("no terminfo entry"))
        #expect(unknown[2].level == .ok && unknown[2].message.contains("NO_COLOR"))
    }

    private let probe = CouponQuery(openid: DoctorCommand.probeOpenid, appid: "wx1")

    @Test func signErrorIsReportedDistinctlyWithBothMessages() {
        let detail = JSONValue.object([
            JSONMember(
                "sign_information",
                .object([JSONMember("truncated_sign_message", .string("GET\n/v3/x\n1\nN\n\n"))])
            )
        ])
        let error = CouponClientError.api(
            APIError(
                statusCode: 401,
                code: "SIGN_ERROR",
                message: "签名错误",
                detail: detail,
                requestID: "R1",
                signedMessage: "GET\n/v3/y\n1\nN\n\n"
            )
        )
        let check = DoctorCommand.classify(error, query: probe, language: .english)
        #expect(check.level == .failure)
        #expect(check.failureStatus == .refused)
        #expect(check.message.hasPrefix("SIGN_ERROR: WeChat Pay refused the signature, Request-ID R1"))
        #expect(check.detailLines.joined().contains("/v3/x") && check.detailLines.joined().contains("/v3/y"))
        #expect(check.lines.allSatisfy { !$0.contains("\n") })
    }

    @Test func refusalOfTheMadeUpOpenidMeansTheSignatureWasAccepted() {
        let error = CouponClientError.api(
            APIError(statusCode: 400, code: "INVALID_REQUEST", message: "appid与openid不匹配", requestID: "R2")
        )
        let check = DoctorCommand.classify(error, query: probe, language: .english)
        #expect(check.level == .ok)
        #expect(check.message.contains("INVALID_REQUEST"))
    }

    @Test func otherFailuresSayWhatIsWrong() {
        let unbound = DoctorCommand.classify(
            .api(APIError(statusCode: 400, code: "APPID_MCHID_NOT_MATCH", message: "商户号与appid不匹配")),
            query: probe,
            language: .english
        )
        #expect(unbound.level == .failure && unbound.message.contains("appid wx1 is bound"))
        let busy = DoctorCommand.classify(
            .api(APIError(statusCode: 500, code: "SYSTEM_ERROR", message: "系统错误")),
            query: probe,
            language: .english
        )
        #expect(busy.level == .failure && busy.failureStatus == .unavailable)
        let forged = DoctorCommand.classify(
            .verification(.signatureMismatch(serial: "PUB_KEY_ID_X"), requestID: nil),
            query: probe,
            language: .english
        )
        #expect(forged.failureStatus == .unavailable && forged.message.contains("public_key_id"))
        let offline = DoctorCommand.classify(
            .transport(.cannotConnect(host: "api.mch.weixin.qq.com", reason: "refused")),
            query: probe,
            language: .english
        )
        #expect(offline.level == .failure && offline.failureStatus == .unavailable)
    }

    @Test func httpDateIsRead() {
        #expect(HTTPDate.secondsSince1970("Thu, 03 Dec 2026 11:42:14 GMT") == 1_796_298_134)
        #expect(HTTPDate.secondsSince1970("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.secondsSince1970("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.secondsSince1970("Thu, 03 Dec 2026 25:42:14 GMT") == nil)
    }

    @Test func offlineDoctorChecksTheKeysAndExitsZero() async throws {
        let directory = try TemporaryDirectory()
        let files = try TestKeys.writeFiles(into: directory)
        let run = await runCoupondesk(
            ["doctor", "--offline"],
            environment: [
                "HOME": directory.path, "TERM": "xterm-256color", "LANG": "C.UTF-8",
                "WECHATPAY_MCHID": "1900000001", "WECHATPAY_SERIAL_NO": "5F1C72E2A8931B72",
                "WECHATPAY_PRIVATE_KEY": files.privateKey, "WECHATPAY_PUBLIC_KEY": files.publicKey,
                "WECHATPAY_PUBLIC_KEY_ID": "PUB_KEY_ID_0119", "WECHATPAY_APPID": "wx1234567890abcdef",
            ]
        )
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("ok    private key     "))
        #expect(run.stdout.contains("ok    wechatpay key   PUB_KEY_ID_0119"))
        #expect(run.stdout.contains("warn  network"))
        #expect(!run.stdout.contains("BEGIN"))
    }

    @Test func doctorFailsWithStatusThreeOnAnOpenKey() async throws {
        let directory = try TemporaryDirectory()
        let files = try TestKeys.writeFiles(into: directory, keyMode: 0o640)
        let run = await runCoupondesk(
            ["doctor", "--offline"],
            environment: [
                "HOME": directory.path, "WECHATPAY_MCHID": "1900000001", "WECHATPAY_SERIAL_NO": "5F1C",
                "WECHATPAY_PRIVATE_KEY": files.privateKey, "WECHATPAY_PUBLIC_KEY": files.publicKey,
                "WECHATPAY_PUBLIC_KEY_ID": "PUB_KEY_ID_1", "WECHATPAY_APPID": "wx1",
            ]
        )
        #expect(run.status == 3)
        #expect(run.stdout.contains("FAIL  private key     "))
        #expect(run.stdout.contains("chmod 600"))
    }

    @Test func doctorCatchesTheMerchantKeyGivenAsWeChatPays() async throws {
        let directory = try TemporaryDirectory()
        let files = try TestKeys.writeFiles(into: directory)
        let ownPublic = try directory.write(try TestKeys.merchant().publicKey.pem(), to: "own_pub.pem")
        let run = await runCoupondesk(
            ["doctor", "--offline", "--public-key", ownPublic],
            environment: [
                "HOME": directory.path, "WECHATPAY_MCHID": "1900000001", "WECHATPAY_SERIAL_NO": "5F1C",
                "WECHATPAY_PRIVATE_KEY": files.privateKey, "WECHATPAY_PUBLIC_KEY_ID": "PUB_KEY_ID_1",
                "WECHATPAY_APPID": "wx1",
            ]
        )
        #expect(run.status == 3)
        #expect(run.stdout.contains("public half of your own merchant key"))
    }
}
