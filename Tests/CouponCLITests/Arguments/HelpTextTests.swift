import CouponCore
import Testing

@testable import CouponCLI

struct HelpTextTests {
    @Test(arguments: CommandName.allCases)
    func everyCommandHelpListsItsOptionsAndTheExitStatuses(command: CommandName) async {
        let run = await runCoupondesk([command.rawValue, "--help"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        for option in CommandTable.spec(for: command).options + CommandTable.globalOptions {
            #expect(run.stdout.contains(option.usageForm), "\(command) help lacks \(option.usageForm)")
        }
        for (status, _) in HelpText.exitStatusLines {
            #expect(run.stdout.contains("\n  \(status)  "))
        }
    }

    @Test func overviewListsEveryCommandAndEnvironmentVariable() async {
        let run = await runCoupondesk(["--help"])
        #expect(run.status == 0)
        for command in CommandName.allCases {
            #expect(run.stdout.contains("  \(command.rawValue) "))
        }
        for variable in ["WECHATPAY_MCHID", "WECHATPAY_PRIVATE_KEY", "WECHATPAY_APPID", "COUPONDESK_CONFIG"] {
            #expect(run.stdout.contains(variable))
        }
    }

    @Test func versionPrintsTheProductVersion() async {
        let run = await runCoupondesk(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == "coupondesk \(CouponDeskVersion.current)\n")
    }

    @Test func usageErrorsExitTwoWithTheValidForms() async {
        let run = await runCoupondesk(["list", "--openid", "o1", "--limit", "500"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("--limit \"500\" is not valid") == true)
        #expect(lines.last?.contains("coupondesk list --openid OPENID [options]") == true)
    }

    @Test func noCommandWithoutATerminalIsAUsageError() async {
        let run = await runCoupondesk([], stdoutIsTerminal: false)
        #expect(run.status == 2)
        #expect(run.stderr.contains("no command given"))
    }

    @Test func browseWithoutATerminalExitsTwo() async {
        let piped = await runCoupondesk(["browse"], environment: ["TERM": "xterm-256color"])
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("needs a terminal"))
        let dumb = await runCoupondesk(
            ["demo"],
            environment: ["TERM": "dumb"],
            stdoutIsTerminal: true,
            stdinIsTerminal: true
        )
        #expect(dumb.status == 2)
        #expect(dumb.stderr.contains("TERM is dumb"))
    }

    @Test func wrapKeepsLinesWithinTheWidth() {
        let lines = HelpText.wrap(String(repeating: "word ", count: 40), width: 30)
        #expect(lines.allSatisfy { $0.count <= 30 })
        #expect(lines.joined(separator: " ").split(separator: " ").count == 40)
    }
}
