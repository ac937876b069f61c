import CouponCore
import Testing

@testable import CouponCLI

struct AuditRecordTests {
    private let context = AuditContext(
        user: "agent7",
        sudoUser: nil,
        sshClient: "203.0.113.9",
        command: "list",
        profile: "prod",
        mchid: "1900000001"
    )

    @Test func answerLineHasWhoWhatAndWhatCameBack() throws {
        let query = CouponQuery(openid: "oUser1", appid: "wx1234567890abcdef", status: "SENDED", limit: 10)
        let response = try FakeFetcher.response(for: query, coupons: try CouponSamples.all(), totalCount: 42)
        let record = AuditRecord(context: context, response: response, time: "2026-12-03T04:05:06.007Z")
        let line = try JSONParser.parse(record.jsonLine)
        #expect(line["time"] == .string("2026-12-03T04:05:06.007Z"))
        #expect(line["user"] == .string("agent7"))
        #expect(line["ssh_client"] == .string("203.0.113.9"))
        #expect(line["profile"] == .string("prod"))
        #expect(line["mchid"] == .string("1900000001"))
        #expect(line["openid"] == .string("oUser1"))
        #expect(line["command"] == .string("list"))
        #expect(line["coupons"] == .number("3"))
        #expect(line["total_count"] == .number("42"))
        #expect(line["request_id"] == .string("REQ-1"))
        #expect(line["outcome"] == .string("ok"))
        #expect(
            line["parameters"]?.objectMembers?.map(\.key)
                == ["appid", "status", "creator_mchid", "offset", "limit"]
        )
        #expect(line["parameters"]?["creator_mchid"] == .string("1900000001"))
        #expect(!record.jsonLine.contains("\n"))
    }

    @Test func failureLineHasTheCodeStatusAndRequestID() throws {
        let query = CouponQuery(openid: "oUser1", appid: "wx1")
        let error = CouponClientError.api(
            APIError(statusCode: 400, code: "PARAM_ERROR", message: "页大小超过阈值", requestID: "REQ-9")
        )
        let line = try JSONParser.parse(AuditRecord(context: context, query: query, error: error).jsonLine)
        #expect(line["outcome"] == .string("error"))
        #expect(line["error_code"] == .string("PARAM_ERROR"))
        #expect(line["http_status"] == .number("400"))
        #expect(line["request_id"] == .string("REQ-9"))
        #expect(line["coupons"] == .null)
        let cancelled = try JSONParser.parse(AuditRecord(context: context, query: query, error: .cancelled).jsonLine)
        #expect(cancelled["outcome"] == .string("cancelled"))
    }

    @Test func controlCharactersInTheOpenidAreEscaped() throws {
        let query = CouponQuery(openid: "o\u{1B}[31m", appid: "wx1")
        let record = AuditRecord(context: context, query: query, error: .cancelled)
        #expect(!record.jsonLine.contains("\u{1B}"))
        #expect(try JSONParser.parse(record.jsonLine)["openid"] == .string("o\u{1B}[31m"))
    }

    @Test func contextComesFromTheEnvironment() {
        let context = AuditContext(
            environment: ["SSH_CLIENT": "198.51.100.4 52311 22", "SUDO_USER": "alice"],
            command: "browse",
            profile: "p",
            mchid: "1"
        )
        #expect(context.sshClient == "198.51.100.4")
        #expect(context.sudoUser == "alice")
        #expect(!context.user.isEmpty)
        #expect(AuditContext(environment: [:], command: "list", profile: "p", mchid: "1").sshClient == nil)
    }

    @Test func timeIsUTCWithMilliseconds() {
        #expect(AuditRecord.utcText(secondsSince1970: 0, milliseconds: 5) == "1970-01-01T00:00:00.005Z")
        #expect(AuditRecord.utcText(secondsSince1970: 1_796_353_506, milliseconds: 120) == "2026-12-04T03:05:06.120Z")
        #expect(AuditRecord.now().hasSuffix("Z"))
    }
}
