import CouponCore
import CouponSandbox

@testable import CouponCLI

/// A sandbox on loopback with its client files written, and the environment that points coupondesk at it.
final class SandboxFixture: Sendable {
    let server: SandboxServer
    let directory: TemporaryDirectory
    /// Where `writeClientFiles(to:)` put the keys and the `[profile.sandbox]` config.
    let keysDirectory: String
    /// HOME, the audit log's state directory, the sandbox's config file and profile.
    let environment: [String: String]

    static let regularUser = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"
    static let pagingUser = "oUpF8uN3kLqW7xYz2bC4dE6fG8hI"
    static let emptyUser = "oUpF8uPq0rS1tU2vW3xY4zA5bC6d"
    static let mixedUser = "oUpF8uK7mN2pQ9rS4tV6wX1yZ3aB"
    static let longTextUser = "o3xQd5Hk9Lm2Np4Qr6St8Uv0Wx1Y"
    static let miniProgramAppid = "wx7f4c2e9a1b3d5c8e"

    /// Throwaway keys shared by every sandbox of the run, so starting one costs no key generation.
    private static let keys = Result { () throws -> SandboxKeys in
        SandboxKeys(
            merchantPrivateKey: try TestKeys.merchant(),
            wechatPayPrivateKey: try TestKeys.wechatpay(),
            strangerPrivateKey: try RSAPrivateKey.generate()
        )
    }

    init(_ adjust: (inout SandboxConfiguration) -> Void = { _ in }) throws {
        var configuration = SandboxConfiguration()
        configuration.keys = try Self.keys.get()
        configuration.slowDelay = .milliseconds(20)
        adjust(&configuration)
        server = try SandboxServer.start(configuration)
        directory = try TemporaryDirectory()
        keysDirectory = directory.path + "/keys"
        try server.writeClientFiles(to: keysDirectory)
        environment = [
            "HOME": directory.path,
            "XDG_STATE_HOME": directory.path + "/state",
            "COUPONDESK_CONFIG": keysDirectory + "/config.toml",
            "COUPONDESK_PROFILE": "sandbox",
            "LANG": "C.UTF-8",
            "TZ": "Asia/Shanghai",
        ]
    }

    deinit {
        server.stop()
    }

    /// Runs coupondesk in-process against this sandbox.
    func run(
        _ arguments: [String],
        extraEnvironment: [String: String] = [:],
        stdoutIsTerminal: Bool = false,
        stdinIsTerminal: Bool = false,
        columns: Int? = nil
    ) async -> CommandRun {
        await runCoupondesk(
            arguments,
            environment: environment.merging(extraEnvironment) { $1 },
            stdoutIsTerminal: stdoutIsTerminal,
            stdinIsTerminal: stdinIsTerminal,
            columns: columns,
            workingDirectory: directory.path
        )
    }

    /// The audit log's lines so far.
    func auditLines() throws -> [JSONValue] {
        let path = AuditLog.defaultPath(environment: environment)
        guard FileSystem.exists(path) else { return [] }
        let text = String(decoding: try FileSystem.readFile(path, maximumSize: 1 << 24), as: UTF8.self)
        return try text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    /// The answer the sandbox sends for `query`, fetched directly with the core client.
    func directFetch(_ query: CouponQuery) async throws -> CouponListResponse {
        let client = CouponClient(configuration: DemoCommand.clientConfiguration(for: server))
        return try await client.fetch(query)
    }

    /// The `data` array of an answer's raw body, exactly as the sandbox sent it.
    static func rawCoupons(of response: CouponListResponse) throws -> [JSONValue] {
        try JSONParser.parse(response.rawBody)["data"]?.arrayValue ?? []
    }

    /// The merchant's first appid, the one the written profile uses.
    var appid: String { server.merchant.appids.first ?? "" }
}
