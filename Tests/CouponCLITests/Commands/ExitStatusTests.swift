import CouponCore
import CouponSandbox
import Foundation
import Testing

@testable import CouponCLI

struct ExitStatusTests {
    /// The status `coupondesk list` exits with for each fault user, and what its error line names.
    static let faults: [(SandboxFault, Int32, String?)] = [
        (.serverError, 0, nil),
        (.slow, 0, nil),
        (.signatureProbeOnce, 0, nil),
        (.hostileText, 0, nil),
        (.badSignature, 5, "SIGNATURE_MISMATCH"),
        (.missingSignature, 5, nil),
        (.staleTimestamp, 5, nil),
        (.signatureProbe, 5, nil),
        (.unknownSerial, 5, nil),
        (.truncatedBody, 5, nil),
        (.malformedBody, 5, nil),
    ]

    @Test(arguments: faults.map(\.0))
    func faultUsersExitWithTheirStatus(fault: SandboxFault) async throws {
        let sandbox = try SandboxFixture { $0.rateLimitedCalls = 1 }
        let user = try #require(sandbox.server.demoUsers.first { $0.fault == fault })
        let expected = try #require(Self.faults.first { $0.0 == fault })
        let run = await sandbox.run(["list", "--openid", user.openid, "--appid", user.appid])
        #expect(run.status == expected.1, "\(fault): \(run.stderr)")
        if expected.1 != 0 {
            #expect(run.stdout.isEmpty)
            let lines = run.stderr.split(separator: "\n")
            #expect((1...2).contains(lines.count), "\(run.stderr)")
            #expect(lines.first?.hasPrefix("coupondesk: ") == true)
            if let code = expected.2 { #expect(run.stderr.contains(code)) }
            #expect(try sandbox.auditLines().last?["outcome"] == .string("error"))
        }
    }

    @Test func rateLimitIsARefusalOnceRetriesRunOut() async throws {
        // 429 is a 4xx: the API refused the request for now.
        let sandbox = try SandboxFixture { $0.rateLimitedCalls = 10 }
        let user = try #require(sandbox.server.demoUsers.first { $0.fault == .rateLimited })
        let run = await sandbox.run(["list", "--openid", user.openid])
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stderr.contains("RATELIMIT_EXCEEDED"))
        #expect(run.stderr.contains("Request-ID: "))
    }

    @Test func openidOfAnotherAppidIsRefusedWithFour() async throws {
        let sandbox = try SandboxFixture()
        let run = await sandbox.run([
            "list", "--openid", SandboxFixture.regularUser, "--appid", SandboxFixture.miniProgramAppid,
        ])
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("coupondesk: INVALID_REQUEST"))
        #expect(run.stderr.contains("Request-ID: "))
    }

    @Test func wrongSerialIsASignError() async throws {
        let sandbox = try SandboxFixture()
        let run = await sandbox.run(["list", "--openid", SandboxFixture.regularUser, "--serial-no", "ABCDEF0123"])
        #expect(run.status == 4)
        #expect(run.stderr.hasPrefix("coupondesk: SIGN_ERROR"))
        // Below the two lines: the message the server built beside the one this client signed.
        #expect(run.stderr.contains("\n    "))
        #expect(run.stderr.contains("/v3/marketing/favor/users/\(SandboxFixture.regularUser)/coupons?appid="))
    }

    @Test func missingSettingsExitThree() async {
        let run = await runCoupondesk(["list", "--openid", "o1"], environment: ["HOME": "/nonexistent"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("settings missing (no config file was found): mchid"))
    }

    @Test func openKeyExitsThreeWithTheChmod() async throws {
        let sandbox = try SandboxFixture()
        try FileSystem.makeDirectories(sandbox.directory.path, mode: 0o700)
        let key = sandbox.keysDirectory + "/apiclient_key.pem"
        #expect(chmod(key, 0o644) == 0)
        let run = await sandbox.run(["list", "--openid", SandboxFixture.regularUser])
        #expect(run.status == 3)
        #expect(run.stderr.contains("chmod 600"))
        #expect(try sandbox.auditLines().isEmpty)
    }

    @Test func statusOfEachKindOfClientError() {
        #expect(ExitStatus(.transport(.cannotConnect(host: "h", reason: "r"))) == .unavailable)
        #expect(ExitStatus(.transport(.timedOut(seconds: 10))) == .unavailable)
        #expect(ExitStatus(.api(APIError(statusCode: 503, code: "SERVICE_UNAVAILABLE", message: ""))) == .unavailable)
        #expect(ExitStatus(.api(APIError(statusCode: 403, code: "NO_AUTH", message: ""))) == .refused)
        #expect(ExitStatus(.configuration("no key")) == .configuration)
        #expect(ExitStatus(.invalidQuery(.missingAppid)) == .configuration)
        #expect(ExitStatus(.invalidQuery(.openidHasForbiddenCharacter("/"))) == .usage)
        #expect(ExitStatus(.decoding(.notAnObject, requestID: nil)) == .unavailable)
    }

    @Test func badOpenidIsAUsageError() async throws {
        let sandbox = try SandboxFixture()
        let run = await sandbox.run(["list", "--openid", "o/../x"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("openid contains '/'"))
        #expect(try sandbox.auditLines().isEmpty)
    }
}
