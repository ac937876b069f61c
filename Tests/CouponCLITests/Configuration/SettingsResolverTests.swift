import CouponCore
import Testing

@testable import CouponCLI

struct SettingsResolverTests {
    private func resolver(
        _ flags: [String] = [],
        environment: [String: String],
        workingDirectory: String = "/work"
    ) throws -> SettingsResolver {
        guard case .run(_, _, let global) = try ArgumentParser.parse(flags + ["config"]) else {
            throw UsageError.noCommand
        }
        return SettingsResolver(environment: environment, flags: global, workingDirectory: workingDirectory)
    }

    private func resolve(
        _ flags: [String] = [],
        environment: [String: String],
        workingDirectory: String = "/work"
    ) throws -> ProfileSettings {
        try resolver(flags, environment: environment, workingDirectory: workingDirectory).resolve()
    }

    private func configurationError(_ body: () throws -> ProfileSettings) -> ConfigurationError? {
        do {
            _ = try body()
            return nil
        } catch let error as ConfigurationError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    private func home(with config: String) throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let path = try directory.write(config, to: ".config/coupondesk/config.toml")
        return (directory, path)
    }

    @Test func flagOverridesEnvironmentWhichOverridesTheFile() throws {
        let (home, path) = try home(
            with: """
                [profile.prod]
                mchid = "1000000001"
                serial_no = "AAAA"
                appid = "wxfile"
                """
        )
        let environment = ["HOME": home.path, "WECHATPAY_MCHID": "2000000002", "WECHATPAY_APPID": "wxenv1, wxenv2"]

        let fromFile = try resolve(environment: ["HOME": home.path])
        #expect(fromFile.mchid == Setting("1000000001", from: .file(path: path, line: 2)))

        let fromEnvironment = try resolve(environment: environment)
        #expect(fromEnvironment.mchid == Setting("2000000002", from: .environment("WECHATPAY_MCHID")))
        #expect(fromEnvironment.serialNumber == Setting("AAAA", from: .file(path: path, line: 3)))
        #expect(fromEnvironment.appids == Setting(["wxenv1", "wxenv2"], from: .environment("WECHATPAY_APPID")))

        let fromFlag = try resolve(["--mchid", "3000000003", "--appid", "wxflag"], environment: environment)
        #expect(fromFlag.mchid == Setting("3000000003", from: .flag("--mchid")))
        #expect(fromFlag.appids == Setting(["wxflag"], from: .flag("--appid")))
    }

    @Test func environmentAloneIsACompleteConfiguration() throws {
        let settings = try resolve(
            environment: [
                "HOME": "/nonexistent-home",
                "WECHATPAY_MCHID": "1900000001",
                "WECHATPAY_SERIAL_NO": "5F1C72E2",
                "WECHATPAY_PRIVATE_KEY": "keys/apiclient_key.pem",
                "WECHATPAY_PUBLIC_KEY": "/etc/wechatpay/pub_key.pem",
                "WECHATPAY_PUBLIC_KEY_ID": "PUB_KEY_ID_0114",
                "WECHATPAY_APPID": "wx1234567890abcdef",
                "WECHATPAY_API_BASE": "http://127.0.0.1:9000",
            ]
        )
        #expect(settings.configPath == nil)
        #expect(settings.profileName == "env")
        #expect(settings.missingForLookup.isEmpty)
        #expect(settings.privateKeyPath?.value == "/work/keys/apiclient_key.pem")
        #expect(settings.apiBase == Setting("http://127.0.0.1:9000", from: .environment("WECHATPAY_API_BASE")))
    }

    @Test func relativeKeyPathsResolveAgainstTheConfigFilesDirectory() throws {
        let (home, path) = try home(
            with: """
                [profile.a]
                private_key = "keys/apiclient_key.pem"
                public_key = "/abs/pub_key.pem"
                platform_certificates = ["certs/one.pem", "~/two.pem"]
                """
        )
        let settings = try resolve(environment: ["HOME": home.path])
        let directory = String(path.dropLast("/config.toml".count))
        #expect(settings.privateKeyPath?.value == directory + "/keys/apiclient_key.pem")
        #expect(settings.publicKeyPath?.value == "/abs/pub_key.pem")
        #expect(settings.platformCertificatePaths?.value == [directory + "/certs/one.pem", home.path + "/two.pem"])
        let fromFlag = try resolve(
            ["--private-key", "mine.pem"],
            environment: ["HOME": home.path],
            workingDirectory: "/srv"
        )
        #expect(fromFlag.privateKeyPath?.value == "/srv/mine.pem")
    }

    @Test func xdgConfigHomeIsWhereTheFileIsLookedFor() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("[profile.x]\nmchid = \"1\"\n", to: "xdg/coupondesk/config.toml")
        let settings = try resolve(environment: ["HOME": "/nonexistent", "XDG_CONFIG_HOME": directory.path + "/xdg"])
        #expect(settings.configPath == path)
        #expect(settings.profileName == "x")
    }

    @Test func configFlagAndVariableNameTheFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("[profile.one]\nmchid = \"1\"\n", to: "elsewhere.toml")
        #expect(try resolve(["--config", path], environment: ["HOME": "/nonexistent"]).configPath == path)
        #expect(try resolve(environment: ["HOME": "/nonexistent", "COUPONDESK_CONFIG": path]).configPath == path)
    }

    @Test func aNamedConfigFileThatIsMissingIsAnError() throws {
        let error = configurationError { try resolve(["--config", "/nonexistent/c.toml"], environment: [:]) }
        #expect(error == .file(.notFound(path: "/nonexistent/c.toml", namedBy: "--config")))
        let fromVariable = configurationError {
            try resolve(environment: ["COUPONDESK_CONFIG": "/nonexistent/d.toml"])
        }
        #expect(fromVariable == .file(.notFound(path: "/nonexistent/d.toml", namedBy: "COUPONDESK_CONFIG")))
    }

    @Test func profileIsChosenByFlagVariableDefaultOrBeingTheOnlyOne() throws {
        let (home, path) = try home(
            with: """
                default_profile = "b"
                [profile.a]
                mchid = "1"
                [profile.b]
                mchid = "2"
                [profile.c]
                mchid = "3"
                """
        )
        let environment = ["HOME": home.path]
        #expect(try resolve(environment: environment).profileName == "b")
        #expect(try resolve(environment: environment).profileSource == .file(path: path, line: 1))
        #expect(try resolve(environment: environment.merging(["COUPONDESK_PROFILE": "c"]) { $1 }).profileName == "c")
        #expect(try resolve(["--profile", "a"], environment: environment).profileName == "a")

        let (single, _) = try self.home(with: "[profile.only]\nmchid = \"9\"\n")
        #expect(try resolve(environment: ["HOME": single.path]).profileName == "only")
        let (named, _) = try self.home(with: "[profile.x]\nmchid = \"8\"\n[profile.default]\nmchid = \"9\"\n")
        #expect(try resolve(environment: ["HOME": named.path]).profileName == "default")
    }

    @Test func severalProfilesWithoutAChoiceIsAnError() throws {
        let (home, path) = try home(with: "[profile.a]\nmchid = \"1\"\n[profile.b]\nmchid = \"2\"\n")
        let error = configurationError { try resolve(environment: ["HOME": home.path]) }
        #expect(error == .profileNotChosen(available: ["a", "b"], path: path))
        #expect(error?.description.contains("--profile NAME") == true)
    }

    @Test func unknownProfileListsTheOnesThereAre() throws {
        let (home, path) = try home(with: "[profile.a]\nmchid = \"1\"\n")
        let error = configurationError { try resolve(["--profile", "prd"], environment: ["HOME": home.path]) }
        #expect(error == .unknownProfile(name: "prd", source: .flag("--profile"), available: ["a"], path: path))
        let withoutFile = configurationError {
            try resolve(["--profile", "prd"], environment: ["HOME": "/nonexistent"])
        }
        #expect(withoutFile?.description.contains("there is no config file") == true)
    }

    @Test func badValuesNameWhereTheyWereSet() throws {
        let (home, path) = try home(
            with: """
                [profile.a]
                mchid = "19000000x1"
                """
        )
        let error = configurationError { try resolve(environment: ["HOME": home.path]) }
        #expect(
            error?.description == "mchid \"19000000x1\" (\(path):2) is not a merchant id; a mchid is 1 to 20 digits"
        )

        let cases: [(String, String)] = [
            ("language = \"fr\"", "must be zh or en"),
            ("audit = \"off\"", "must be \"file\" or \"syslog\""),
            ("timezone = \"Mars/Olympus\"", "is not a time zone"),
            ("timezone = \"../../etc/passwd\"", "is not a time zone"),
            ("api_base = \"api.mch.weixin.qq.com\"", "is not an absolute URL"),
            ("serial_no = \"AB CD\"", "printable ASCII"),
            ("appid = []", "is empty"),
        ]
        for (line, expected) in cases {
            let (home, path) = try self.home(with: "[profile.a]\n\(line)\n")
            let error = configurationError { try resolve(environment: ["HOME": home.path]) }
            #expect(error?.description.contains(expected) == true, "\(line): \(String(describing: error))")
            #expect(error?.description.contains("\(path):2") == true)
        }
    }

    @Test func defaultsAreTheAPIsOwn() throws {
        let settings = try resolve(environment: ["HOME": "/nonexistent", "LANG": "zh_CN.UTF-8"])
        #expect(settings.apiBase == Setting("https://api.mch.weixin.qq.com", from: .builtIn))
        #expect(settings.timeZone == Setting("Asia/Shanghai", from: .builtIn))
        #expect(settings.language == Setting(.chinese, from: .environment("LANG")))
        #expect(settings.audit == Setting(.file, from: .builtIn))
    }

    @Test func missingSettingsSayHowToSetThem() throws {
        let settings = try resolve(environment: ["HOME": "/nonexistent", "WECHATPAY_PUBLIC_KEY": "/k.pem"])
        let missing = settings.missingForLookup
        #expect(missing.count == 5)
        #expect(missing.contains { $0.hasPrefix("mchid (WECHATPAY_MCHID or --mchid)") })
        #expect(missing.contains { $0.hasPrefix("public_key_id for the public key") })
    }
}
