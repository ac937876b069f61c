import CouponCore
import Foundation
import Testing

@testable import CouponCLI

struct BrowseCommandTests {
    private let terminal = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]

    @Test func missingSettingsStopBrowseBeforeTheScreenOpens() async {
        let run = await runCoupondesk(
            ["browse"],
            environment: terminal.merging(["HOME": "/nonexistent"]) { $1 },
            stdoutIsTerminal: true,
            stdinIsTerminal: true
        )
        #expect(run.status == 3)
        #expect(run.stderr.contains("settings missing"))
        #expect(run.stdout.isEmpty)
    }

    @Test func anOpenKeyStopsBrowse() async throws {
        let sandbox = try SandboxFixture()
        #expect(chmod(sandbox.keysDirectory + "/apiclient_key.pem", 0o660) == 0)
        let run = await sandbox.run(
            ["browse"],
            extraEnvironment: terminal,
            stdoutIsTerminal: true,
            stdinIsTerminal: true
        )
        #expect(run.status == 3)
        #expect(run.stderr.contains("chmod 600"))
    }

    @Test func anUnwritableAuditLogStopsBrowseAndDemo() async throws {
        let sandbox = try SandboxFixture()
        try sandbox.directory.write("", to: "blocked")
        let environment = terminal.merging(["XDG_STATE_HOME": sandbox.directory.path + "/blocked"]) { $1 }
        for command in ["browse", "demo"] {
            let run = await sandbox.run(
                [command],
                extraEnvironment: environment,
                stdoutIsTerminal: true,
                stdinIsTerminal: true
            )
            #expect(run.status == 3, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("the audit log cannot be written, so no lookup is made"))
        }
    }

    @Test func noCommandOnATerminalIsBrowse() async {
        let run = await runCoupondesk(
            ["--profile", "nowhere"],
            environment: terminal.merging(["HOME": "/nonexistent"]) { $1 },
            stdoutIsTerminal: true,
            stdinIsTerminal: true
        )
        #expect(run.status == 3)
        #expect(run.stderr.contains("profile 'nowhere' (flag --profile) was asked for, but there is no config file"))
    }

    @Test func colourFollowsTheFlagAndNoColor() throws {
        guard case .run(_, let plain, _) = try ArgumentParser.parse(["browse"]),
            case .run(_, let mono, _) = try ArgumentParser.parse(["browse", "--no-color"])
        else {
            Issue.record("browse did not parse")
            return
        }
        #expect(TUILauncher.colorAllowed(options: plain, environment: [:]))
        #expect(!TUILauncher.colorAllowed(options: mono, environment: [:]))
        #expect(!TUILauncher.colorAllowed(options: plain, environment: ["NO_COLOR": "1"]))
        #expect(TUILauncher.colorAllowed(options: plain, environment: ["NO_COLOR": ""]))
    }

    @Test func auditFailuresDuringASessionBecomeNotices() async throws {
        let directory = try TemporaryDirectory()
        let context = CommandContext(
            environment: ["XDG_STATE_HOME": directory.path],
            stdout: CapturedOutput(),
            stderr: CapturedOutput(),
            stdinIsTerminal: true,
            workingDirectory: directory.path,
            global: ParsedOptions()
        )
        let settings = try SettingsResolver(
            environment: ["HOME": "/nonexistent"],
            flags: ParsedOptions(),
            workingDirectory: "/"
        )
        .resolve()
        let session = try #require(AuditedSession.start(context: context, settings: settings, command: "browse"))
        let path = directory.path + "/coupondesk/audit.log"
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        session.log.append(
            AuditRecord(context: session.context, query: CouponQuery(openid: "o", appid: "wx"), error: .cancelled)
        )
        await session.finish()
        var notices: [String] = []
        for await notice in session.notices { notices.append(notice) }
        #expect(notices.count == 1)
        #expect(notices.first?.hasPrefix("lookup not audited: audit log \(path)") == true)
    }

    @Test func syslogInTheProfileSendsAuditLinesThereToo() throws {
        let directory = try TemporaryDirectory()
        let config = try directory.write("[profile.p]\naudit = \"syslog\"\n", to: "config.toml")
        let environment = ["HOME": directory.path, "XDG_STATE_HOME": directory.path, "COUPONDESK_CONFIG": config]
        let context = CommandContext(
            environment: environment,
            stdout: CapturedOutput(),
            stderr: CapturedOutput(),
            stdinIsTerminal: true,
            workingDirectory: directory.path,
            global: ParsedOptions()
        )
        let settings = try context.resolver.resolve()
        #expect(settings.audit == Setting(.syslog, from: .file(path: config, line: 2)))
        let session = try #require(AuditedSession.start(context: context, settings: settings, command: "browse"))
        #expect(session.log.alsoToSyslog)
        #expect(session.context.profile == "p")
    }
}
