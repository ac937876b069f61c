import CouponCore
import Testing

@testable import CouponCLI

struct ListCommandTests {
    /// Compares two JSON objects member by member, keys in order, so a difference names its field.
    private func expectSameObject(
        _ printed: JSONValue,
        _ sent: JSONValue,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let printedMembers = printed.objectMembers ?? []
        let sentMembers = sent.objectMembers ?? []
        #expect(printedMembers.map(\.key) == sentMembers.map(\.key), sourceLocation: sourceLocation)
        for (mine, theirs) in zip(printedMembers, sentMembers) {
            #expect(mine.value == theirs.value, "field \(theirs.key)", sourceLocation: sourceLocation)
        }
    }

    @Test func jsonIsWhatTheSandboxSentFieldByField() async throws {
        let sandbox = try SandboxFixture()
        let run = await sandbox.run(["list", "--openid", SandboxFixture.regularUser, "--status", "USED"])
        #expect(run.status == 0, "\(run.stderr)")
        let printed = try JSONParser.parse(run.stdout)
        let sent = try await sandbox.directFetch(
            CouponQuery(openid: SandboxFixture.regularUser, appid: sandbox.appid, status: "USED")
        )
        let sentBody = try JSONParser.parse(sent.rawBody)
        #expect(printed["total_count"] == sentBody["total_count"])
        #expect(printed["offset"] == sentBody["offset"])
        #expect(printed["limit"] == sentBody["limit"])
        let printedCoupons = try #require(printed["data"]?.arrayValue)
        let sentCoupons = try SandboxFixture.rawCoupons(of: sent)
        #expect(printedCoupons.count == sentCoupons.count && !sentCoupons.isEmpty)
        for (mine, theirs) in zip(printedCoupons, sentCoupons) {
            expectSameObject(mine, theirs)
        }
    }

    @Test func allMergesEveryPageIntoOneDataArray() async throws {
        let sandbox = try SandboxFixture()
        let run = await sandbox.run([
            "list", "--openid", SandboxFixture.pagingUser, "--status", "USED", "--all", "--limit", "30",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let printed = try JSONParser.parse(run.stdout)
        let coupons = try #require(printed["data"]?.arrayValue)
        #expect(printed["total_count"] == .number(String(coupons.count)))
        #expect(printed["offset"] == .number("0") && printed["limit"] == .number("30"))

        var sent: [JSONValue] = []
        for page in 0..<5 {
            let response = try await sandbox.directFetch(
                CouponQuery(
                    openid: SandboxFixture.pagingUser,
                    appid: sandbox.appid,
                    status: "USED",
                    offset: page,
                    limit: 30
                )
            )
            sent += try SandboxFixture.rawCoupons(of: response)
        }
        #expect(coupons == sent)
        #expect(Set(coupons.compactMap { $0["coupon_id"]?.stringValue }).count == coupons.count)
        #expect(try sandbox.auditLines().count == (coupons.count + 29) / 30)
    }

    @Test func ndjsonIsOneSentCouponPerLine() async throws {
        let sandbox = try SandboxFixture()
        let run = await sandbox.run([
            "list", "--openid", SandboxFixture.mixedUser, "--format", "ndjson", "--status", "USED",
        ])
        #expect(run.status == 0)
        let sent = try await sandbox.directFetch(
            CouponQuery(openid: SandboxFixture.mixedUser, appid: sandbox.appid, status: "USED")
        )
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(try lines.map { try JSONParser.parse($0) } == (try SandboxFixture.rawCoupons(of: sent)))
    }

    @Test func csvCarriesEveryCouponWithFenAndYuan() async throws {
        let sandbox = try SandboxFixture()
        let run = await sandbox.run([
            "list", "--openid", SandboxFixture.regularUser, "--format", "csv", "--status", "USED",
        ])
        #expect(run.status == 0)
        let records = CSVReader.records(run.stdout)
        let sent = try SandboxFixture.rawCoupons(
            of: try await sandbox.directFetch(
                CouponQuery(openid: SandboxFixture.regularUser, appid: sandbox.appid, status: "USED")
            )
        )
        #expect(records.map { $0["coupon_id"] ?? "" } == sent.map { $0["coupon_id"]?.stringValue ?? "" })
        for (record, coupon) in zip(records, sent) {
            let fen = coupon["normal_coupon_information"]?["coupon_amount"]?.int64Value
            #expect(record["coupon_amount_fen"] == fen.map(String.init) ?? "")
            #expect(record["coupon_amount_yuan"] == fen.map { Money(fen: $0).yuanDigits } ?? "")
            #expect(record["status"] == coupon["status"]?.stringValue)
        }
    }

    @Test func tableOnATerminalShowsEveryCouponAndThePage() async throws {
        let sandbox = try SandboxFixture()
        let run = await sandbox.run(
            ["list", "--openid", SandboxFixture.pagingUser],
            stdoutIsTerminal: true,
            columns: 132
        )
        #expect(run.status == 0, "\(run.stderr)")
        let sent = try SandboxFixture.rawCoupons(
            of: try await sandbox.directFetch(CouponQuery(openid: SandboxFixture.pagingUser, appid: sandbox.appid))
        )
        for coupon in sent {
            #expect(run.stdout.contains(coupon["coupon_id"]?.stringValue ?? "missing"))
        }
        #expect(run.stdout.contains("page 1 of "))
        #expect(run.stdout.contains("verified (\(sandbox.server.merchant.publicKeyID))"))
    }

    @Test func hostileTextNeverReachesTheTerminalRaw() async throws {
        let sandbox = try SandboxFixture()
        let hostile = try #require(sandbox.server.demoUsers.first { $0.fault?.rawValue == "hostile_text" })
        for format in ["table", "csv", "json", "ndjson"] {
            let run = await sandbox.run(
                ["list", "--openid", hostile.openid, "--format", format, "--status", "USED"],
                stdoutIsTerminal: true
            )
            #expect(run.status == 0)
            let unsafe = run.stdout.unicodeScalars.filter { VisibleText.isUnsafe($0) && $0 != "\n" && $0 != "\r" }
            #expect(unsafe.isEmpty, "\(format) wrote \(unsafe.map { String($0.value, radix: 16) })")
        }
    }

    @Test func usableAtModeSaysWhichFiltersWereNotSent() async throws {
        let sandbox = try SandboxFixture()
        let run = await sandbox.run([
            "list", "--openid", SandboxFixture.regularUser, "--available-mchid", sandbox.server.merchant.mchid,
            "--status", "USED", "--offset", "1",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("--status, --offset not sent: with --available-mchid the server ignores them"))
        let parameters = try #require(try sandbox.auditLines().last?["parameters"])
        #expect(parameters["status"] == nil && parameters["offset"] == nil)
        #expect(parameters["available_mchid"] == .string(sandbox.server.merchant.mchid))
    }

    @Test func everyLookupIsAudited() async throws {
        let sandbox = try SandboxFixture()
        let run = await sandbox.run(
            ["list", "--openid", SandboxFixture.regularUser, "--stock-id", "1"],
            extraEnvironment: ["SSH_CLIENT": "192.0.2.7 50022 22"]
        )
        #expect(run.status == 0, "\(run.stderr)")
        let line = try #require(try sandbox.auditLines().last)
        #expect(line["command"] == .string("list"))
        #expect(line["profile"] == .string("sandbox"))
        #expect(line["mchid"] == .string(sandbox.server.merchant.mchid))
        #expect(line["openid"] == .string(SandboxFixture.regularUser))
        #expect(line["ssh_client"] == .string("192.0.2.7"))
        #expect(line["parameters"]?["stock_id"] == .string("1"))
        #expect(line["outcome"] == .string("ok"))
        #expect(line["request_id"]?.stringValue?.isEmpty == false)
        #expect(line["coupons"]?.int64Value != nil)
        let path = AuditLog.defaultPath(environment: sandbox.environment)
        #expect(try TemporaryDirectory.mode(of: path) == 0o600)
        #expect(try TemporaryDirectory.mode(of: FileSystem.directoryName(of: path)) == 0o700)
    }

    @Test func anUnwritableAuditLogStopsTheLookup() async throws {
        let sandbox = try SandboxFixture()
        try sandbox.directory.write("a file where the directory should be", to: "blocked")
        let run = await sandbox.run(
            ["list", "--openid", SandboxFixture.regularUser],
            extraEnvironment: ["XDG_STATE_HOME": sandbox.directory.path + "/blocked"]
        )
        #expect(run.status == 3)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("the audit log cannot be written, so no lookup is made"))
    }

    @Test func severalAppidsNeedAChoice() async throws {
        let sandbox = try SandboxFixture()
        let run = await sandbox.run([
            "list", "--openid", SandboxFixture.regularUser, "--appid", "wxA", "--appid", "wxB",
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("several appids (wxA, wxB)"))
    }

    @Test func environmentAloneIsEnoughToList() async throws {
        let sandbox = try SandboxFixture()
        let merchant = sandbox.server.merchant
        let run = await runCoupondesk(
            ["list", "--openid", SandboxFixture.longTextUser, "--appid", SandboxFixture.miniProgramAppid],
            environment: [
                "HOME": sandbox.directory.path + "/nohome",
                "XDG_STATE_HOME": sandbox.directory.path + "/state",
                "WECHATPAY_MCHID": merchant.mchid,
                "WECHATPAY_SERIAL_NO": merchant.serialNumber,
                "WECHATPAY_PRIVATE_KEY": "keys/apiclient_key.pem",
                "WECHATPAY_PUBLIC_KEY": sandbox.keysDirectory + "/pub_key.pem",
                "WECHATPAY_PUBLIC_KEY_ID": merchant.publicKeyID,
                "WECHATPAY_APPID": sandbox.appid,
                "WECHATPAY_API_BASE": sandbox.server.baseURL,
            ],
            workingDirectory: sandbox.directory.path
        )
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try JSONParser.parse(run.stdout)["data"]?.arrayValue?.isEmpty == false)
    }

    @Test func creatorMchidWinsAndTheNoteSaysSo() async throws {
        let sandbox = try SandboxFixture()
        let mchid = sandbox.server.merchant.mchid
        let run = await sandbox.run([
            "list", "--openid", SandboxFixture.regularUser, "--creator-mchid", mchid, "--available-mchid", mchid,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("--available-mchid not sent: --creator-mchid takes precedence"))
        let parameters = try #require(try sandbox.auditLines().last?["parameters"])
        #expect(parameters["available_mchid"] == nil && parameters["creator_mchid"] == .string(mchid))
    }
}
