import Testing

@testable import CouponCLI

struct ArgumentParserTests {
    private func run(_ arguments: [String]) throws -> (CommandName, ParsedOptions, ParsedOptions) {
        guard case .run(let command, let options, let global) = try ArgumentParser.parse(arguments) else {
            Issue.record("expected a command to run for \(arguments)")
            throw UsageError.noCommand
        }
        return (command, options, global)
    }

    private func failure(_ arguments: [String]) -> UsageError? {
        do {
            _ = try ArgumentParser.parse(arguments)
            return nil
        } catch {
            return error
        }
    }

    @Test func listTakesEveryQueryOption() throws {
        let (command, options, _) = try run([
            "list", "--openid", "oUser1", "--status", "USED", "--stock-id", "9856000", "--creator-mchid", "1900000001",
            "--available-mchid", "1900000002", "--sender-mchid", "1900000003", "--business-type", "MULTIUSE",
            "--offset", "2", "--limit", "50", "--all", "--format", "csv",
        ])
        #expect(command == .list)
        #expect(options.string("openid") == "oUser1")
        #expect(options.string("status") == "USED")
        #expect(options.string("stock-id") == "9856000")
        #expect(options.string("creator-mchid") == "1900000001")
        #expect(options.string("available-mchid") == "1900000002")
        #expect(options.string("sender-mchid") == "1900000003")
        #expect(options.string("business-type") == "MULTIUSE")
        #expect(options.integer("offset") == 2)
        #expect(options.integer("limit") == 50)
        #expect(options.contains("all"))
        #expect(options.string("format") == "csv")
    }

    @Test func everyCommandParsesWithItsOptions() throws {
        #expect(try run(["config"]).0 == .config)
        let doctor = try run(["doctor", "--offline", "--openid", "oX"])
        #expect(doctor.0 == .doctor && doctor.1.contains("offline") && doctor.1.string("openid") == "oX")
        let sandbox = try run(["sandbox", "--port", "8080", "--keys", "/tmp/k"])
        #expect(sandbox.0 == .sandbox && sandbox.1.integer("port") == 8080 && sandbox.1.string("keys") == "/tmp/k")
        let browse = try run(["browse", "--openid", "oY", "--ascii", "--no-color"])
        #expect(browse.0 == .browse && browse.1.string("openid") == "oY")
        #expect(browse.1.contains("ascii") && browse.1.contains("no-color"))
        let demo = try run(["demo", "--ascii"])
        #expect(demo.0 == .demo && demo.1.contains("ascii") && !demo.1.contains("no-color"))
    }

    @Test func globalOptionsGoBeforeOrAfterTheCommand() throws {
        let before = try run(["--profile", "prod", "--config=/etc/c.toml", "list", "--openid", "o1"])
        #expect(before.2.string("profile") == "prod")
        #expect(before.2.string("config") == "/etc/c.toml")
        let after = try run(["list", "--openid", "o1", "--mchid", "1900000001", "--appid", "wxA", "--appid", "wxB"])
        #expect(after.2.string("mchid") == "1900000001")
        #expect(after.2.strings("appid") == ["wxA", "wxB"])
    }

    @Test func equalsFormTakesValuesThatLookLikeOptions() throws {
        let (_, options, _) = try run(["list", "--openid=--odd"])
        #expect(options.string("openid") == "--odd")
    }

    @Test func doubleDashEndsOptions() {
        #expect(failure(["list", "--openid", "o1", "--", "--all"]) == .unexpectedArgument("--all", command: .list))
    }

    @Test func helpAndVersion() throws {
        #expect(try ArgumentParser.parse(["--help"]) == .help(nil))
        #expect(try ArgumentParser.parse(["-h"]) == .help(nil))
        #expect(try ArgumentParser.parse(["list", "--help"]) == .help(.list))
        #expect(try ArgumentParser.parse(["help", "doctor"]) == .help(.doctor))
        #expect(try ArgumentParser.parse(["sandbox", "-h", "--port", "1"]) == .help(.sandbox))
        #expect(try ArgumentParser.parse(["--version"]) == .version)
    }

    @Test func helpIsGivenEvenWhenARequiredOptionIsMissing() throws {
        #expect(try ArgumentParser.parse(["list", "--help"]) == .help(.list))
    }

    @Test func noCommandKeepsTheGlobalOptions() throws {
        guard case .noCommand(let global) = try ArgumentParser.parse(["--profile", "prod"]) else {
            Issue.record("expected no command")
            return
        }
        #expect(global.string("profile") == "prod")
    }

    @Test func unknownOptionIsNamedWithASuggestion() {
        #expect(
            failure(["list", "--openid", "o", "--stauts", "USED"])
                == .unknownOption("--stauts", command: .list, suggestion: "--status")
        )
        #expect(failure(["--verbose"]) == .unknownOption("--verbose", command: nil, suggestion: nil))
        #expect(failure(["list", "-x"]) == .unknownOption("-x", command: .list, suggestion: nil))
    }

    @Test func commandOptionsAreRefusedOnOtherCommands() {
        #expect(failure(["config", "--openid", "o"]) == .unknownOption("--openid", command: .config, suggestion: nil))
        #expect(failure(["demo", "--all"]) == .unknownOption("--all", command: .demo, suggestion: nil))
    }

    @Test func unknownCommandSuggestsTheClosest() {
        #expect(failure(["lsit"]) == .unknownCommand("lsit", suggestion: "list"))
        #expect(failure(["frobnicate"]) == .unknownCommand("frobnicate", suggestion: nil))
        #expect(failure(["help", "lst"]) == .unknownCommand("lst", suggestion: "list"))
    }

    @Test func choiceValuesAreChecked() {
        #expect(
            failure(["list", "--openid", "o", "--status", "EXPIRED"])
                == .invalidValue(
                    option: "--status",
                    value: "EXPIRED",
                    form: "--status SENDED|USED",
                    reason: "expected one of SENDED, USED"
                )
        )
        #expect(
            failure(["list", "--openid", "o", "--format", "xml"])?.description.contains("table|json|ndjson|csv") == true
        )
        #expect(failure(["list", "--openid", "o", "--business-type", "X"]) != nil)
    }

    @Test func integerValuesAreCheckedAgainstTheirRange() {
        #expect(
            failure(["list", "--openid", "o", "--limit", "101"])
                == .invalidValue(
                    option: "--limit",
                    value: "101",
                    form: "--limit N",
                    reason: "expected a whole number from 1 to 100"
                )
        )
        #expect(failure(["list", "--openid", "o", "--limit", "0"]) != nil)
        #expect(failure(["list", "--openid", "o", "--offset", "-1"])?.description.contains("at least 0") == true)
        #expect(failure(["list", "--openid", "o", "--offset", "two"]) != nil)
        #expect(failure(["sandbox", "--port", "70000"]) != nil)
    }

    @Test func digitValuesAreChecked() {
        #expect(
            failure(["list", "--openid", "o", "--creator-mchid", "19000x"])?.description
                == "--creator-mchid \"19000x\" is not valid: expected 1 to 20 digits (--creator-mchid MCHID)"
        )
        #expect(failure(["--mchid", "123456789012345678901", "config"]) != nil)
        #expect(failure(["list", "--openid", "o", "--stock-id", "abc"]) != nil)
    }

    @Test func emptyTextValuesAreRefused() {
        #expect(
            failure(["list", "--openid", ""])
                == .invalidValue(option: "--openid", value: "", form: "--openid OPENID", reason: "it is empty")
        )
    }

    @Test func missingValueNamesTheForm() {
        #expect(failure(["list", "--openid"]) == .missingValue(option: "--openid", form: "--openid OPENID"))
        #expect(failure(["list", "--openid", "--all"]) == .missingValue(option: "--openid", form: "--openid OPENID"))
    }

    @Test func flagsTakeNoValue() {
        #expect(failure(["list", "--openid", "o", "--all=yes"]) == .valueForFlag(option: "--all"))
    }

    @Test func repeatedOptionIsRefusedUnlessRepeatable() {
        #expect(failure(["list", "--openid", "a", "--openid", "b"]) == .repeatedOption("--openid"))
        #expect(failure(["--profile", "a", "--profile", "b", "config"]) == .repeatedOption("--profile"))
    }

    @Test func requiredOptionIsNamed() {
        #expect(failure(["list"]) == .missingOption(form: "--openid OPENID", command: .list))
        #expect(failure(["list", "--all"]) == .missingOption(form: "--openid OPENID", command: .list))
    }

    @Test func extraWordsAreRefused() {
        #expect(failure(["config", "now"]) == .unexpectedArgument("now", command: .config))
        #expect(failure(["list", "list"]) == .unexpectedArgument("list", command: .list))
    }

    @Test func controlCharactersInArgumentsAreShownAsCodePoints() {
        let error = failure(["li\u{1B}[2Jst"])
        #expect(error?.description.contains("\u{1B}") == false)
        #expect(error?.description.contains("\\u{1b}") == true)
    }
}
