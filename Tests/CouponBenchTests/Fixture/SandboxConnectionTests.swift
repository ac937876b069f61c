import CouponCore
import CouponSandbox
import Foundation
import Testing

@testable import coupondesk_bench

@Test func withoutAnAPIBaseTheBenchmarkStartsItsOwnSandbox() throws {
    #expect(try SandboxConnection(environment: [:]) == nil)
    #expect(try SandboxConnection(environment: ["WECHATPAY_API_BASE": ""]) == nil)
}

@Test func aPartialSandboxEnvironmentNamesTheMissingVariable() {
    let error = #expect(throws: BenchError.self) {
        try SandboxConnection(environment: ["WECHATPAY_API_BASE": "http://127.0.0.1:1"])
    }
    #expect(error == .missingSetting("WECHATPAY_MCHID"))
    #expect(error?.description.contains("sandbox.env") == true)
}

@Test func theVariablesTheSandboxWritesReachTheSameSandbox() async throws {
    let server = try SandboxServer.start()
    defer { server.stop() }
    let folder = try TemporaryFolder()
    let directory = folder.path + "/keys"
    try server.writeClientFiles(to: directory)
    let environment = try readEnvironmentFile(directory + "/" + SandboxServer.ClientFile.environment)

    let connection = try #require(try SandboxConnection(environment: environment))
    #expect(connection.baseURL == server.baseURL)
    #expect(connection.mchid == server.merchant.mchid)
    #expect(connection.publicKeyID == server.merchant.publicKeyID)

    // A real signed request, verified on the way back.
    let openid = try #require(server.demoUsers.first { !$0.isFault && $0.couponCount >= 20 }?.openid)
    let answer = try await connection.rawAnswer(to: connection.query(openid: openid, limit: 20))
    let verifier = ResponseVerifier(keys: connection.verificationKeys, clock: SystemWallClock())
    #expect(try verifier.verify(headers: answer.headers, body: answer.body) == connection.publicKeyID)
    #expect(try CouponPage(body: answer.body).coupons.count == 20)
}

@Test func aKeyFileThatIsMissingIsNamed() throws {
    var environment: [String: String] = [:]
    for name in SandboxConnection.variableNames { environment[name] = "x" }
    environment["WECHATPAY_PRIVATE_KEY"] = "/nonexistent/apiclient_key.pem"
    let error = #expect(throws: BenchError.self) { try SandboxConnection(environment: environment) }
    #expect(error?.description.contains("/nonexistent/apiclient_key.pem") == true)
}

/// The `export NAME='value'` lines of a sandbox.env.
private func readEnvironmentFile(_ path: String) throws -> [String: String] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var values: [String: String] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("export ") {
        let assignment = line.dropFirst("export ".count)
        guard let equals = assignment.firstIndex(of: "=") else { continue }
        var value = assignment[assignment.index(after: equals)...]
        if value.hasPrefix("'"), value.hasSuffix("'") { value = value.dropFirst().dropLast() }
        values[String(assignment[..<equals])] = String(value)
    }
    return values
}
