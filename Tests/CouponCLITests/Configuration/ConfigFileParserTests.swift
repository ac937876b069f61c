import Testing

@testable import CouponCLI

struct ConfigFileParserTests {
    private let path = "/home/agent/.config/coupondesk/config.toml"

    private func parse(_ text: String) throws(ConfigFileError) -> ConfigFile {
        try ConfigFileParser.parse(text, path: path)
    }

    private func error(_ text: String) -> ConfigFileError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsProfilesWithEveryKindOfValue() throws {
        let file = try parse(
            """
            # CouponDesk settings
            default_profile = "prod"

            [profile.prod]
            mchid = "1900000001"            # 商户号
            serial_no = '5F1C72E2A8931B72'
            private_key = "keys/apiclient_key.pem"
            appid = ["wx1111111111111111",
                     # the mini program
                     "wx2222222222222222",]
            language = "zh"

            [ profile."staging-2" ]
            mchid = "1900000009"
            api_base = "http://127.0.0.1:8443"
            """
        )
        #expect(file.topLevelEntry("default_profile")?.value == .string("prod"))
        #expect(file.profiles.map(\.name) == ["prod", "staging-2"])
        let prod = try #require(file.profile(named: "prod"))
        #expect(prod.line == 4)
        #expect(prod.entry("mchid") == ConfigEntry(key: "mchid", value: .string("1900000001"), line: 5))
        #expect(prod.entry("serial_no")?.value == .string("5F1C72E2A8931B72"))
        #expect(prod.entry("appid")?.value == .strings(["wx1111111111111111", "wx2222222222222222"]))
        #expect(prod.entry("appid")?.line == 8)
        #expect(prod.entry("language")?.line == 11)
        #expect(file.profile(named: "staging-2")?.entry("api_base")?.line == 15)
    }

    @Test func basicStringsTakeTOMLEscapes() throws {
        let file = try parse(
            """
            [profile.a]
            private_key = "C:\\\\keys\\\\k.pem \\"x\\" \\u4E2D\\U0001F600\\t"
            """
        )
        #expect(file.profile(named: "a")?.entry("private_key")?.value == .string("C:\\keys\\k.pem \"x\" 中😀\t"))
    }

    @Test func literalStringsKeepBackslashes() throws {
        let file = try parse("[profile.a]\nprivate_key = 'C:\\keys\\k.pem'\n")
        #expect(file.profile(named: "a")?.entry("private_key")?.value == .string("C:\\keys\\k.pem"))
    }

    @Test func acceptsCRLFAndAByteOrderMark() throws {
        let file = try parse("\u{FEFF}[profile.a]\r\nmchid = \"1\"\r\n\r\nappid = \"wx\"\r\n")
        #expect(file.profile(named: "a")?.entry("appid")?.line == 4)
    }

    @Test func emptyFileHasNoProfiles() throws {
        let file = try parse("# nothing yet\n\n")
        #expect(file.profiles.isEmpty && file.topLevel.isEmpty)
    }

    @Test func unterminatedStringGivesItsLine() {
        #expect(
            error("[profile.a]\nmchid = \"1900\n")
                == .syntax(path: path, line: 2, reason: "the string is not closed with '\"' on this line")
        )
    }

    @Test func unknownKeyIsNamedWithTheClosestKnownOne() {
        guard case .unknownKey(let file, let line, let key, let suggestion, _)? = error("[profile.a]\n\nmchd = \"1\"")
        else {
            Issue.record("expected an unknown key")
            return
        }
        #expect(file == path && line == 3 && key == "mchd" && suggestion == "mchid")
        #expect(error("[profile.a]\nmchd = \"1\"")?.description.hasPrefix("\(path):2: unknown key 'mchd'") == true)
    }

    @Test func duplicatesNameBothLines() {
        #expect(
            error("[profile.a]\nmchid = \"1\"\nmchid = \"2\"\n")
                == .duplicateKey(path: path, line: 3, key: "mchid", firstLine: 2)
        )
        #expect(
            error("[profile.a]\n[profile.b]\n[profile.a]\n")
                == .duplicateProfile(path: path, line: 3, name: "a", firstLine: 1)
        )
    }

    @Test func onlyProfileTablesAreAllowed() {
        #expect(
            error("[server]\n")
                == .syntax(path: path, line: 1, reason: "only [profile.NAME] tables are supported, not [server]")
        )
        #expect(error("[profile]\n") != nil)
        #expect(error("[profile.a.b]\n") != nil)
        #expect(error("[[profile.a]]\n")?.description.contains("arrays of tables") == true)
        #expect(error("[profile.\"\"]\n")?.description.contains("profile name is empty") == true)
        #expect(error("[profile.a\n")?.description.contains("expected ']'") == true)
    }

    @Test func profileKeysOutsideAProfileAreExplained() {
        #expect(
            error("mchid = \"1\"\n")
                == .syntax(
                    path: path,
                    line: 1,
                    reason: "'mchid' must be inside a profile; put a [profile.NAME] line above it"
                )
        )
    }

    @Test func onlyStringsAndArraysOfStringsAreValues() {
        #expect(error("[profile.a]\nmchid = 1900000001\n")?.description.contains("must be a quoted string") == true)
        #expect(error("[profile.a]\naudit = true\n") != nil)
        #expect(error("[profile.a]\nmchid = { a = \"1\" }\n") != nil)
        #expect(error("[profile.a]\nappid = [\"wx\", 1]\n")?.description.contains("only quoted strings") == true)
        #expect(error("[profile.a]\nappid = [\"wx\" \"wy\"]\n")?.description.contains("expected ',' or ']'") == true)
        #expect(error("[profile.a]\nappid = [\"wx\",\n")?.description.contains("not closed") == true)
        #expect(error("[profile.a]\nmchid =\n")?.description.contains("has no value") == true)
    }

    @Test func arraysAreOnlyForListKeys() {
        #expect(
            error("[profile.a]\nmchid = [\"1\"]\n") == .notASingleString(path: path, line: 2, key: "mchid")
        )
    }

    @Test func otherTOMLFormsAreNamed() {
        #expect(error("[profile.a]\nmchid.x = \"1\"\n")?.description.contains("dotted keys") == true)
        #expect(error("[profile.a]\nmchid \"1\"\n")?.description.contains("expected '='") == true)
        #expect(error("[profile.a]\nmchid = \"1\" \"2\"\n")?.description.contains("one setting per line") == true)
        #expect(error("[profile.a]\nmchid = \"\"\"1\"\"\"\n")?.description.contains("multi-line strings") == true)
        #expect(error("[profile.a]\nmchid = \"a\\qb\"\n")?.description.contains("unknown escape") == true)
        #expect(error("[profile.a]\nmchid = \"\\u12\"\n")?.description.contains("4 hex digits") == true)
        #expect(error("[profile.a]\n= \"1\"\n")?.description.contains("expected a key") == true)
    }

    @Test func controlCharactersInStringsAreRefused() {
        #expect(error("[profile.a]\nmchid = \"1\u{1B}\"\n")?.description.contains("control character (U+001B)") == true)
    }

    @Test func loadRefusesFilesThatAreNotUTF8() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write([0x5B, 0xFF, 0xFE, 0x5D], to: "config.toml")
        #expect(throws: ConfigFileError.notUTF8(path: file)) { try ConfigFileParser.load(path: file) }
    }

    @Test func loadReportsAMissingFile() {
        #expect(throws: ConfigFileError.self) { try ConfigFileParser.load(path: "/nonexistent/coupondesk.toml") }
    }
}
