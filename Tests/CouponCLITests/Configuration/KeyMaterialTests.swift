import CouponCore
import Testing

@testable import CouponCLI

struct KeyMaterialTests {
    @Test func privateKeyReadableByOthersIsRefusedWithTheChmodToRun() throws {
        let directory = try TemporaryDirectory()
        let files = try TestKeys.writeFiles(into: directory, keyMode: 0o644)
        do {
            _ = try KeyMaterial.loadPrivateKey(Setting(files.privateKey, from: .flag("--private-key")))
            Issue.record("a 0644 private key was accepted")
        } catch {
            guard case .privateKeyPermissions(let path, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == files.privateKey)
            #expect(error.description.contains("chmod 600 \(files.privateKey)"))
        }
    }

    @Test func privateKeyOfTheOwnerAloneLoads() throws {
        let directory = try TemporaryDirectory()
        let files = try TestKeys.writeFiles(into: directory, keyMode: 0o600)
        let key = try KeyMaterial.loadPrivateKey(Setting(files.privateKey, from: .builtIn))
        #expect(key.publicKey.fingerprint == (try TestKeys.merchant()).publicKey.fingerprint)
        let readOnly = try TestKeys.writeFiles(into: directory, keyMode: 0o400)
        #expect(throws: Never.self) { try KeyMaterial.loadPrivateKey(Setting(readOnly.privateKey, from: .builtIn)) }
    }

    @Test func missingPrivateKeySaysWhereToGetIt() {
        #expect(throws: ConfigurationError.self) {
            try KeyMaterial.loadPrivateKey(Setting("/nonexistent/apiclient_key.pem", from: .builtIn))
        }
        do {
            _ = try KeyMaterial.loadPrivateKey(
                Setting("/nonexistent/apiclient_key.pem", from: .environment("WECHATPAY_PRIVATE_KEY"))
            )
        } catch {
            #expect(error.description.contains("(env WECHATPAY_PRIVATE_KEY)"))
            #expect(error.description.contains("apiclient_key.pem from the merchant platform"))
        }
    }

    @Test func notAKeyIsReportedWithoutItsContent() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("secret-looking text\n", to: "apiclient_key.pem", mode: 0o600)
        do {
            _ = try KeyMaterial.loadPrivateKey(Setting(path, from: .builtIn))
            Issue.record("text was accepted as a key")
        } catch {
            #expect(error.description.contains("cannot use the private key \(path)"))
            #expect(!error.description.contains("secret-looking"))
        }
    }

    @Test func loadNeedsEverySettingFirst() {
        let settings = ProfileSettings(
            profileName: "p",
            profileSource: .builtIn,
            configPath: nil,
            apiBase: Setting(ProfileSettings.defaultAPIBase, from: .builtIn),
            timeZone: Setting(ProfileSettings.defaultTimeZone, from: .builtIn),
            language: Setting(.english, from: .builtIn),
            audit: Setting(.file, from: .builtIn)
        )
        #expect(throws: ConfigurationError.self) { try KeyMaterial.load(settings) }
    }
}
