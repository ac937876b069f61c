import CouponCore
import Testing

@testable import coupondesk_bench

@Test func usersListsTheDemoUsersWithTheirCounts() async throws {
    let result = await BenchCommand.run(arguments: ["users"], environment: [:])
    #expect(result.status == 0)
    let users = try #require(try JSONParser.parse(result.output)["users"]?.arrayValue)
    #expect(users.contains { $0["coupons"]?.int64Value == 10_000 })
    #expect(users.contains { $0["fault"]?.stringValue == "rate_limited" })
    #expect(users.allSatisfy { $0["openid"]?.stringValue?.isEmpty == false })
}

@Test func aUsageErrorExitsWithTwoAndSaysWhy() async {
    let result = await BenchCommand.run(arguments: ["--iterations", "x"], environment: [:])
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    #expect(result.errors.hasPrefix("coupondesk-bench: --iterations needs a whole number"))
}

@Test func helpPrintsTheUsage() async {
    let result = await BenchCommand.run(arguments: ["--help"], environment: [:])
    #expect(result.status == 0)
    #expect(result.output.contains("usage: coupondesk-bench"))
}

@Test func theInProcessRunPrintsJSONForTheScript() async throws {
    let arguments = [
        "inprocess", "--json", "--iterations", "3", "--pages", "1", "--page-size", "50", "--size", "80x24",
    ]
    let result = await BenchCommand.run(arguments: arguments, environment: [:])
    #expect(result.status == 0, "\(result.errors)")
    let document = try JSONParser.parse(result.output)
    #expect(document["build"]?.stringValue == BenchCommand.buildConfiguration)
    let keys = document["figures"]?.arrayValue?.compactMap { $0["key"]?.stringValue }
    #expect(keys == ["sign", "verify", "decode", "frame-80x24", "sandbox-start", "memory-run"])
}

@Test func onlyProfileRunsWithoutConcurrency() {
    #expect(BenchCommand.runWithoutConcurrency(arguments: ["inprocess"]) == nil)
    let missing = BenchCommand.runWithoutConcurrency(arguments: ["profile", "decode", "--answers", "/nonexistent"])
    #expect(missing?.status == 1)
    #expect(missing?.errors.contains("save-answers") == true)
}
