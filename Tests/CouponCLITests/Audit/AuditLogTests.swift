import CouponCore
import Foundation
import Synchronization
import Testing

@testable import CouponCLI

struct AuditLogTests {
    private let context = AuditContext(user: "u", command: "list", profile: "p", mchid: "1900000001")

    @Test func defaultPathFollowsXDGStateHome() {
        #expect(AuditLog.defaultPath(environment: ["XDG_STATE_HOME": "/s"]) == "/s/coupondesk/audit.log")
        #expect(AuditLog.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/coupondesk/audit.log")
        #expect(
            AuditLog.defaultPath(environment: ["HOME": "/h", "XDG_STATE_HOME": "rel"])
                == "/h/.local/state/coupondesk/audit.log"
        )
    }

    @Test func linesAreAppendedToAPrivateFileInAPrivateDirectory() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/state/coupondesk/audit.log"
        let log = AuditLog(path: path)
        try log.prepare()
        let query = CouponQuery(openid: "oA", appid: "wx1")
        log.append(AuditRecord(context: context, query: query, error: .cancelled))
        log.append(AuditRecord(context: context, query: query.page(1), error: .cancelled))
        await log.flush()

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(try JSONParser.parse(String(lines[1]))["parameters"]?["offset"] == .string("1"))
        #expect(try TemporaryDirectory.mode(of: path) == 0o600)
        #expect(try TemporaryDirectory.mode(of: directory.path + "/state/coupondesk") == 0o700)
        #expect(log.recordedFailures.isEmpty)
    }

    @Test func prepareFailsWhenTheLogCannotBeCreated() throws {
        let directory = try TemporaryDirectory()
        try directory.write("not a directory", to: "state")
        let log = AuditLog(path: directory.path + "/state/coupondesk/audit.log")
        #expect(throws: AuditLogError.self) { try log.prepare() }
    }

    @Test func aSymbolicLinkAtThePathIsRefused() throws {
        let directory = try TemporaryDirectory()
        let target = try directory.write("", to: "elsewhere.log")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/audit.log", withDestinationPath: target)
        #expect(throws: AuditLogError.self) { try AuditLog(path: directory.path + "/audit.log").prepare() }
    }

    @Test func aFailedWriteIsReportedToTheHandler() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/audit.log"
        let log = AuditLog(path: path)
        try log.prepare()
        // A directory where the file was makes every later write fail.
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let reported = Mutex<[String]>([])
        log.onFailure { error in reported.withLock { $0.append(error.description) } }
        log.append(AuditRecord(context: context, query: CouponQuery(openid: "o", appid: "wx"), error: .cancelled))
        await log.flush()
        #expect(log.recordedFailures.count == 1)
        #expect(reported.withLock { $0 }.first?.contains(path) == true)
    }

    @Test func auditingFetcherRecordsAnswersAndFailures() async throws {
        let directory = try TemporaryDirectory()
        let log = AuditLog(path: directory.path + "/audit.log")
        try log.prepare()
        let fake = FakeFetcher { query throws(CouponClientError) in
            if query.openid == "bad" {
                throw .api(APIError(statusCode: 401, code: "SIGN_ERROR", message: "签名错误", requestID: "R2"))
            }
            do {
                return try FakeFetcher.response(for: query, coupons: try CouponSamples.all(), totalCount: 3)
            } catch {
                throw .cancelled
            }
        }
        let fetcher = AuditingFetcher(wrapping: fake, log: log, context: context)
        #expect(fetcher.callerMchid == "1900000001")
        let response = try await fetcher.fetch(CouponQuery(openid: "good", appid: "wx1"))
        #expect(response.page.coupons.count == 3)
        await #expect(throws: CouponClientError.self) {
            try await fetcher.fetch(CouponQuery(openid: "bad", appid: "wx1"))
        }
        await log.flush()

        let lines = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let first = try JSONParser.parse(lines[0])
        let second = try JSONParser.parse(lines[1])
        #expect(
            first["openid"] == .string("good") && first["outcome"] == .string("ok") && first["coupons"] == .number("3")
        )
        #expect(second["openid"] == .string("bad") && second["error_code"] == .string("SIGN_ERROR"))
        #expect(second["request_id"] == .string("R2"))
    }
}
