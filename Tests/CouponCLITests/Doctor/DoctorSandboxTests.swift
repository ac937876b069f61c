import Testing

@testable import CouponCLI

struct DoctorSandboxTests {
    @Test func everyCheckPassesAgainstTheSandbox() async throws {
        let sandbox = try SandboxFixture()
        let run = await sandbox.run(["doctor"], extraEnvironment: ["TERM": "xterm-256color"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("ok    signed request  accepted"))
        #expect(run.stdout.contains("ok    clock           \(sandbox.server.baseURL) answered in"))
        #expect(!run.stdout.contains("FAIL"))
        // The probe is no lookup of a real user, so it is not audited.
        #expect(try sandbox.auditLines().isEmpty)
    }

    @Test func aWrongSerialIsReportedAsSignError() async throws {
        let sandbox = try SandboxFixture()
        let run = await sandbox.run(
            ["doctor", "--serial-no", "0123ABCD"],
            extraEnvironment: ["TERM": "xterm-256color"]
        )
        #expect(run.status == 4)
        #expect(run.stdout.contains("FAIL  signed request  SIGN_ERROR: WeChat Pay refused the signature"))
        #expect(run.stdout.contains("1 failed"))
    }

    @Test func aWrongWeChatPayKeyFailsVerification() async throws {
        let sandbox = try SandboxFixture()
        let other = try sandbox.directory.write(try TestKeys.merchant().publicKey.pem(), to: "other_pub.pem")
        let run = await sandbox.run(["doctor", "--public-key", other], extraEnvironment: ["TERM": "xterm-256color"])
        #expect(run.status == 3)
        #expect(run.stdout.contains("public half of your own merchant key"))
    }

    @Test func anUnreachableHostFailsWithFive() async throws {
        let sandbox = try SandboxFixture()
        let port = sandbox.server.port
        sandbox.server.stop()
        let run = await sandbox.run(["doctor", "--api-base", "http://127.0.0.1:\(port)"])
        #expect(run.status == 5, "\(run.stdout)")
        #expect(run.stdout.contains("FAIL  api host"))
    }
}
