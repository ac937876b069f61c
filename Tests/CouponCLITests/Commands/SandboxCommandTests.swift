import CouponCore
import Synchronization
import Testing

@testable import CouponCLI

struct SandboxCommandTests {
    @Test func servesWritesAReadyProfileLogsEachRequestAndStops() async throws {
        let directory = try TemporaryDirectory()
        let stdout = CapturedOutput()
        let stderr = CapturedOutput()
        let context = CommandContext(
            environment: ["HOME": directory.path, "LANG": "C.UTF-8"],
            stdout: stdout,
            stderr: stderr,
            stdinIsTerminal: false,
            workingDirectory: directory.path,
            global: ParsedOptions()
        )
        guard case .run(_, let options, _) = try ArgumentParser.parse(["sandbox", "--keys", "k"]) else {
            Issue.record("sandbox did not parse")
            return
        }
        let (stops, stop) = AsyncStream.makeStream(of: Void.self)
        let command = Task {
            await SandboxCommand.run(context, options: options) {
                for await _ in stops { return }
            }
        }

        // The banner is printed once the server listens.
        var waited = 0
        while !stdout.text.contains("Press Ctrl-C to stop."), waited < 500 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        let banner = stdout.text
        #expect(banner.hasPrefix("CouponDesk sandbox listening on http://127.0.0.1:"))
        #expect(banner.contains("--config \(directory.path)/k/config.toml --profile sandbox list --openid"))
        #expect(banner.contains("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"))

        let list = await runCoupondesk(
            [
                "--config", directory.path + "/k/config.toml", "--profile", "sandbox", "list", "--openid",
                "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
            ],
            environment: ["HOME": directory.path],
            workingDirectory: directory.path
        )
        #expect(list.status == 0, "\(list.stderr)")

        stop.yield()
        #expect(await command.value == .success)
        let log = stderr.text
        #expect(log.contains("GET /v3/marketing/favor/users/oUpF8uMuAJO_M2pxb1Q9zNjWeS6o/coupons?appid="))
        #expect(log.contains(" -> 200 "))
        #expect(log.hasSuffix("coupondesk: sandbox stopped\n"))
        #expect(!log.contains("Authorization") && !log.contains("BEGIN"))
        #expect(try TemporaryDirectory.mode(of: directory.path + "/k") == 0o700)
        #expect(try TemporaryDirectory.mode(of: directory.path + "/k/apiclient_key.pem") == 0o600)
    }

    @Test func aPortInUseExitsFive() async throws {
        let sandbox = try SandboxFixture()
        let run = await runCoupondesk(["sandbox", "--port", String(sandbox.server.port)])
        #expect(run.status == 5)
        #expect(run.stderr.contains("the sandbox cannot start: cannot listen on 127.0.0.1:\(sandbox.server.port)"))
    }
}
