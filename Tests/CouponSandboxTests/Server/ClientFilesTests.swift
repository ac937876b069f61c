import CouponCore
import Foundation
import Testing

@testable import CouponSandbox

@Suite struct ClientFilesTests {
    private func temporaryPath() -> String {
        NSTemporaryDirectory() + "coupon-sandbox-tests-\(UUID().uuidString)"
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test func clientFilesAreWrittenPrivatelyAndLoadBack() async throws {
        try await TestSupport.withSandbox { server in
            let directory = temporaryPath() + "/keys"
            defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
            try server.writeClientFiles(to: directory)

            #expect(try mode(directory) == 0o700)
            // A parent the call had to create is private too.
            #expect(try mode((directory as NSString).deletingLastPathComponent) == 0o700)
            let keyPath = directory + "/apiclient_key.pem"
            #expect(try mode(keyPath) == 0o600)
            #expect(try mode(directory + "/config.toml") == 0o600)
            #expect(try mode(directory + "/sandbox.env") == 0o600)
            #expect(try mode(directory + "/pub_key.pem") == 0o644)

            // Only the key file holds the key: the profile and the environment name its path.
            let keyText = try String(contentsOfFile: keyPath, encoding: .utf8)
            let keyLine = try #require(keyText.split(separator: "\n").dropFirst().first)
            for name in ["config.toml", "sandbox.env", "pub_key.pem"] {
                let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
                #expect(!text.contains("PRIVATE KEY") && !text.contains(keyLine), "\(name) carries the key")
            }

            let key = try RSAPrivateKey(contentsOfFile: keyPath)
            #expect(key.publicKey.fingerprint == server.merchantPrivateKey.publicKey.fingerprint)
            let publicKey = try RSAPublicKey(contentsOfFile: directory + "/pub_key.pem")
            #expect(publicKey.fingerprint == server.wechatPayPublicKey.fingerprint)
        }
    }

    @Test func profileNamesEveryKeyTheConfigurationReads() async throws {
        try await TestSupport.withSandbox { server in
            let directory = temporaryPath()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try server.writeClientFiles(to: directory)
            let text = try String(contentsOfFile: directory + "/config.toml", encoding: .utf8)
            var settings: [String: String] = [:]
            var section = ""
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                if line.hasPrefix("[") {
                    section = String(line)
                    continue
                }
                let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                settings[parts[0]] = String(parts[1].dropFirst().dropLast())
            }
            #expect(section == "[profile.sandbox]")
            #expect(settings["mchid"] == server.merchant.mchid)
            #expect(settings["serial_no"] == server.merchant.serialNumber)
            #expect(settings["private_key"] == directory + "/apiclient_key.pem")
            #expect(settings["public_key"] == directory + "/pub_key.pem")
            #expect(settings["public_key_id"] == server.merchant.publicKeyID)
            #expect(settings["appid"] == server.merchant.appids.first)
            #expect(settings["api_base"] == server.baseURL)

            let environment = try String(contentsOfFile: directory + "/sandbox.env", encoding: .utf8)
            #expect(environment.contains("export WECHATPAY_MCHID='\(server.merchant.mchid)'"))
            #expect(environment.contains("export WECHATPAY_API_BASE='\(server.baseURL)'"))
        }
    }

    @Test func directoryOpenToOthersIsRefusedWithTheChmodToRun() async throws {
        try await TestSupport.withSandbox { server in
            let directory = temporaryPath()
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o755]
            )
            defer { try? FileManager.default.removeItem(atPath: directory) }
            #expect(throws: SandboxError.directoryNotPrivate(path: directory, mode: 0o755)) {
                try server.writeClientFiles(to: directory)
            }
            #expect(
                SandboxError.directoryNotPrivate(path: directory, mode: 0o755).description.contains(
                    "Run: chmod 700 '\(directory)'"
                )
            )
            #expect(!FileManager.default.fileExists(atPath: directory + "/apiclient_key.pem"))
        }
    }

    @Test func rewritingReplacesFilesAndRestoresTheirModes() async throws {
        try await TestSupport.withSandbox { server in
            let directory = temporaryPath()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try server.writeClientFiles(to: directory)
            let keyPath = directory + "/apiclient_key.pem"
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyPath)
            try server.writeClientFiles(to: directory)
            #expect(try mode(keyPath) == 0o600)
        }
    }

    @Test func keyFileThatIsASymbolicLinkIsNotFollowed() async throws {
        try await TestSupport.withSandbox { server in
            let directory = temporaryPath()
            let elsewhere = temporaryPath()
            defer {
                try? FileManager.default.removeItem(atPath: directory)
                try? FileManager.default.removeItem(atPath: elsewhere)
            }
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
            #expect(FileManager.default.createFile(atPath: elsewhere, contents: Data("untouched".utf8)))
            try FileManager.default.createSymbolicLink(
                atPath: directory + "/apiclient_key.pem",
                withDestinationPath: elsewhere
            )
            #expect {
                try server.writeClientFiles(to: directory)
            } throws: { error in
                guard case .cannotWrite(let path, _) = error as? SandboxError else { return false }
                return path == directory + "/apiclient_key.pem"
            }
            #expect(try String(contentsOfFile: elsewhere, encoding: .utf8) == "untouched")
        }
    }

    @Test func aFileWhereTheDirectoryShouldBeIsAClearError() async throws {
        try await TestSupport.withSandbox { server in
            let path = temporaryPath()
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect {
                try server.writeClientFiles(to: path)
            } throws: { error in
                (error as? SandboxError)?.description.contains("not a directory") == true
            }
        }
    }

    @Test func tomlAndShellQuotingEscapeWhatWouldBreakThem() {
        #expect(SandboxServer.tomlString(#"a"b\c"#) == #""a\"b\\c""#)
        #expect(SandboxServer.tomlString("x\ny") == #""x\u000Ay""#)
        #expect(SandboxServer.shellQuoted("it's") == #"'it'\''s'"#)
    }

    @Test func errorsShowPathsAndHostsWithControlCharactersVisible() {
        let path = "/tmp/keys\u{1B}]0;title\u{07}"
        for error in [
            SandboxError.cannotWrite(path: path, reason: "x"), .directoryNotPrivate(path: path, mode: 0o755),
            .notLoopback(host: "evil\u{1B}[2J"), .invalidDataSet("user o\u{9B}31m has no appid"),
        ] {
            #expect(!error.description.unicodeScalars.contains(where: VisibleText.isUnsafe), "\(error)")
        }
    }
}
