import CouponBrowser
import Testing

@testable import coupondesk_bench

@Test func noArgumentsRunTheInProcessFiguresAtBothSizes() throws {
    let parsed = try BenchArguments.parse([])
    #expect(parsed.command == .inProcess)
    #expect(parsed.options.iterations == 200)
    #expect(parsed.options.pageSize == 100)
    #expect(parsed.options.pages == nil)
    #expect(parsed.options.sizes == [TerminalSize(columns: 120, rows: 40), TerminalSize(columns: 200, rows: 60)])
    #expect(!parsed.json)
}

@Test func optionsAndSizesAreRead() throws {
    let parsed = try BenchArguments.parse([
        "memory", "--iterations", "3", "--pages", "2", "--page-size", "50", "--openid", "oABC", "--size", "80x24",
        "--json",
    ])
    #expect(parsed.command == .memory)
    #expect(parsed.options.iterations == 3)
    #expect(parsed.options.pages == 2)
    #expect(parsed.options.pageSize == 50)
    #expect(parsed.options.openid == "oABC")
    #expect(parsed.options.sizes == [TerminalSize(columns: 80, rows: 24)])
    #expect(parsed.json)
}

@Test func profileNeedsASubjectAndTheSavedAnswers() throws {
    let parsed = try BenchArguments.parse(["profile", "decode", "--answers", "/tmp/a"])
    #expect(parsed.command == .profile)
    #expect(parsed.subject == .decode)
    #expect(parsed.answers == "/tmp/a")

    let noFolder = #expect(throws: BenchError.self) { try BenchArguments.parse(["profile", "frame"]) }
    #expect(noFolder?.description.contains("--answers") == true)
    let noSubject = #expect(throws: BenchError.self) { try BenchArguments.parse(["profile", "--answers", "/tmp/a"]) }
    #expect(noSubject?.description.contains("sign, verify, decode, frame, export") == true)
}

@Test func saveAnswersTakesTheFolder() throws {
    let parsed = try BenchArguments.parse(["save-answers", "/tmp/answers", "--pages", "1"])
    #expect(parsed.command == .saveAnswers)
    #expect(parsed.answers == "/tmp/answers")
    #expect(throws: BenchError.self) { try BenchArguments.parse(["save-answers", "--pages", "1"]) }
}

@Test(arguments: [
    ["--iterations", "0"], ["--iterations"], ["--page-size", "101"], ["--size", "120"], ["--size", "5x5"],
    ["--openid"], ["--frobnicate"], ["bogus"],
])
func badArgumentsAreUsageErrorsThatSayWhatIsWrong(arguments: [String]) {
    let error = #expect(throws: BenchError.self) { try BenchArguments.parse(arguments) }
    guard case .usage(let message)? = error else {
        Issue.record("expected a usage error, got \(String(describing: error))")
        return
    }
    #expect(!message.isEmpty)
    #expect(error?.description.contains("--help") == true)
}
