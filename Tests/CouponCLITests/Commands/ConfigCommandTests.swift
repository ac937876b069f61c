import CouponCore
import Testing

@testable import CouponCLI

struct ConfigCommandTests {
    @Test func printsEachSettingWithItsSourceAndKeysOnlyAsFingerprints() async throws {
        let sandbox = try SandboxFixture()
        let run = await sandbox.run(
            ["config", "--appid", "wxFlag"],
            extraEnvironment: ["WECHATPAY_MCHID": sandbox.server.merchant.mchid]
        )
        #expect(run.status == 0, "\(run.stderr)")
        let config = sandbox.keysDirectory + "/config.toml"
        let lines = run.stdout.split(separator: "\n").map(String.init)
        func line(_ key: String) -> String { lines.first { $0.hasPrefix(key + " ") } ?? "" }
        #expect(line("config file").contains(config))
        #expect(line("profile").contains("sandbox") && line("profile").hasSuffix("env COUPONDESK_PROFILE"))
        #expect(line("mchid").hasSuffix("env WECHATPAY_MCHID"))
        let text = String(decoding: try FileSystem.readFile(config, maximumSize: 1 << 16), as: UTF8.self)
        let serialLine = try #require(text.split(separator: "\n").firstIndex { $0.hasPrefix("serial_no") }) + 1
        #expect(line("serial_no").hasSuffix("\(config):\(serialLine)"))
        #expect(line("appid").contains("wxFlag") && line("appid").hasSuffix("flag --appid"))
        #expect(line("api_base").contains(sandbox.server.baseURL))
        #expect(line("timezone").hasSuffix("default"))
        let merchantPrint = try TestKeys.merchant().publicKey.fingerprint
        let wechatPayPrint = try TestKeys.wechatpay().publicKey.fingerprint
        #expect(run.stdout.contains(merchantPrint))
        #expect(run.stdout.contains(wechatPayPrint))
        #expect(!run.stdout.contains("BEGIN"))
        #expect(!run.stdout.contains("PRIVATE KEY"))
    }

    @Test func missingSettingsExitThreeButStillPrint() async {
        let run = await runCoupondesk(
            ["config"],
            environment: ["HOME": "/nonexistent", "WECHATPAY_MCHID": "1900000001"]
        )
        #expect(run.status == 3)
        #expect(run.stdout.contains("mchid"))
        #expect(run.stdout.contains("(not set)"))
        #expect(run.stderr.contains("missing: serial_no"))
    }

    @Test func brokenFileExitsThreeWithItsLine() async throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("[profile.a]\nmchid = 1900000001\n", to: "config.toml")
        let run = await runCoupondesk(["--config", path, "config"], environment: ["HOME": directory.path])
        #expect(run.status == 3)
        #expect(run.stderr.hasPrefix("coupondesk: \(path):2: 'mchid' must be a quoted string"))
    }

    @Test func anOpenKeyIsShownAsUnusable() async throws {
        let directory = try TemporaryDirectory()
        let files = try TestKeys.writeFiles(into: directory, keyMode: 0o604)
        let run = await runCoupondesk(
            ["config", "--private-key", files.privateKey],
            environment: ["HOME": directory.path]
        )
        #expect(run.status == 3)
        #expect(run.stdout.contains("unusable: refusing the private key"))
        #expect(!run.stdout.contains(try TestKeys.merchant().publicKey.fingerprint))
    }
}
