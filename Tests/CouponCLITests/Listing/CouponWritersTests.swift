import CouponBrowser
import CouponCore
import Testing

@testable import CouponCLI

struct CouponWritersTests {
    private func collection(_ coupons: [JSONValue], totalCount: Int? = nil) throws -> CouponCollection {
        let query = CouponQuery(openid: "oUser1", appid: "wx1")
        let response = try FakeFetcher.response(for: query, coupons: coupons, totalCount: totalCount ?? coupons.count)
        return CouponCollection(responses: [response])
    }

    // MARK: - JSON

    @Test func jsonDocumentKeepsEachCouponAsSentUnknownFieldsIncluded() throws {
        let samples = try CouponSamples.all()
        let text = CouponJSONWriter.document(try collection(samples, totalCount: 57))
        #expect(text.hasSuffix("}\n"))
        let document = try JSONParser.parse(text)
        #expect(document.objectMembers?.map(\.key) == ["total_count", "offset", "limit", "data"])
        #expect(document["total_count"] == .number("57"))
        #expect(document["data"] == .array(samples))
        #expect(document["data"]?.arrayValue?.first?["future_field"]?["x"] == .array([.number("1"), .number("2.50")]))
    }

    @Test func ndjsonHasOneCouponPerLine() throws {
        let samples = try CouponSamples.all()
        let lines = CouponJSONWriter.lines(try collection(samples)).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(try lines.map { try JSONParser.parse(String($0)) } == samples)
    }

    @Test func jsonEscapesC1ControlsAndBidiOverridesButMeansTheSame() throws {
        let coupon = try JSONParser.parse("{\"coupon_id\":\"1\",\"coupon_name\":\"a\u{9B}31m\u{202E}b\"}")
        let text = CouponJSONWriter.document(try collection([coupon]))
        #expect(!text.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E })
        #expect(text.contains("\\u009b") && text.contains("\\u202e"))
        #expect(try JSONParser.parse(text)["data"]?.arrayValue?.first == coupon)
    }

    // MARK: - CSV

    @Test func csvHasAHeaderAndAmountsInFenAndYuan() throws {
        let text = CouponCSVWriter.document(try collection(try CouponSamples.all()), forTerminal: false)
        let rows = text.components(separatedBy: "\r\n")
        #expect(rows.first == CouponCSVWriter.headers.joined(separator: ","))
        #expect(
            CouponCSVWriter.headers.contains("coupon_amount_fen")
                && CouponCSVWriter.headers.contains("coupon_amount_yuan")
        )
        let records = CSVReader.records(text)
        #expect(records.count == 3)
        #expect(records.allSatisfy { $0.count == CouponCSVWriter.headers.count })
        #expect(records[0]["coupon_id"] == "98674556")
        #expect(records[0]["description"] == "仅限门店, 周末可用")
        #expect(records[0]["coupon_amount_fen"] == "2000")
        #expect(records[0]["coupon_amount_yuan"] == "20.00")
        #expect(records[0]["transaction_minimum_yuan"] == "100.00")
        #expect(records[0]["cut_to_price_fen"] == "")
        #expect(records[1]["cut_to_price_yuan"] == "1.00")
        #expect(records[1]["goods_lines"] == "1")
        #expect(records[2]["available_balance_fen"] == "1234")
        #expect(rows.last == "")
    }

    @Test func csvQuotesCommasQuotesAndLineBreaks() {
        #expect(CouponCSVWriter.quoted("plain") == "plain")
        #expect(CouponCSVWriter.quoted("a,b") == "\"a,b\"")
        #expect(CouponCSVWriter.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CouponCSVWriter.quoted("one\r\ntwo") == "\"one\r\ntwo\"")
        #expect(CouponCSVWriter.quoted(" edge") == "\" edge\"")
    }

    @Test func csvNeutralisesFormulasInTextButNotAmounts() throws {
        #expect(CouponCSVWriter.neutralized("=SUM(A1)") == "'=SUM(A1)")
        #expect(CouponCSVWriter.neutralized("+1") == "'+1")
        #expect(CouponCSVWriter.neutralized("@x") == "'@x")
        #expect(CouponCSVWriter.neutralized("满100减20") == "满100减20")
        let text = CouponCSVWriter.document(try collection([try CouponSamples.cutTo()]), forTerminal: false)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""))
        #expect(text.contains("\"say \"\"hi\"\"\r\nline2\""))
    }

    @Test func csvToATerminalHasNoControlCharacters() throws {
        let text = CouponCSVWriter.document(try collection([try CouponSamples.multiUse()]), forTerminal: true)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        let exported = CouponCSVWriter.document(try collection([try CouponSamples.multiUse()]), forTerminal: false)
        #expect(exported.unicodeScalars.contains { $0.value == 0x1B })
    }

    // MARK: - Table

    private func table(
        _ coupons: [JSONValue],
        language: Language = .english,
        columns: Int? = nil,
        viewer: DisplayTimeZone = .shanghai
    ) throws -> [String] {
        let writer = CouponTableWriter(
            language: language,
            columns: columns,
            time: TimeFormatter(displayZone: .shanghai, viewerZone: viewer)
        )
        let text = writer.document(try collection(coupons, totalCount: 57), mode: .issuedBy(mchid: "1900000001"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The display column where `needle` starts in `line`.
    private func column(of needle: String, in line: String) -> Int? {
        guard let range = line.range(of: needle) else { return nil }
        return DisplayText(String(line[..<range.lowerBound])).width
    }

    @Test func tableAlignsColumnsByDisplayWidth() throws {
        let lines = try table(try CouponSamples.all())
        #expect(lines[0].hasPrefix("Status"))
        let header = try #require(column(of: "Ends", in: lines[0]))
        #expect(column(of: "2026-12-31 23:59:59", in: lines[1]) == header)
        #expect(column(of: "2026-12-01 08:00:00", in: lines[3]) == header)
        let stock = try #require(column(of: "Stock ID", in: lines[0]))
        #expect(column(of: "9856000", in: lines[1]) == stock)
        #expect(column(of: "9856002", in: lines[3]) == stock)
        #expect(lines[1].contains("¥20.00 off ¥100.00"))
        #expect(lines[2].contains("cut to ¥1.00"))
        #expect(lines[3].contains("¥12.34 left"))
        #expect(lines[1].hasPrefix("usable") && lines[2].hasPrefix("used") && lines[3].hasPrefix("expired"))
    }

    @Test func tableShowsTimesInTheProfileZoneWithItsOffsetForAViewerElsewhere() throws {
        let local = try table(try CouponSamples.all())
        #expect(!local[3].contains("+08:00"))
        let away = try table(try CouponSamples.all(), viewer: .utc)
        #expect(away[3].contains("2026-12-01 08:00:00 +08:00"))
    }

    @Test func tableReplacesControlCharactersInData() throws {
        let lines = try table(try CouponSamples.all())
        #expect(
            lines.allSatisfy { line in !line.unicodeScalars.contains { $0.properties.generalCategory == .control } }
        )
    }

    @Test func tableFitsTheTerminalWidth() throws {
        let lines = try table(try CouponSamples.all(), columns: 60)
        for line in lines where !line.isEmpty && !line.hasPrefix("page") {
            #expect(DisplayText(line).width <= 60, "\(line)")
        }
        #expect(!lines[0].contains("Stock ID"))
    }

    @Test func tableSummarySaysWhichPageAndThatItIsVerified() throws {
        let lines = try table(try CouponSamples.all())
        #expect(lines.contains("page 1 of 3 · 1–3 of 57 · verified (PUB_KEY_ID_TEST) · Request-ID REQ-1"))
    }

    @Test func tableInChineseUsesChineseLabels() throws {
        let lines = try table(try CouponSamples.all(), language: .chinese)
        #expect(lines[0].hasPrefix("状态"))
        #expect(lines[2].hasPrefix("已用"))
        #expect(lines[1].hasPrefix("可用") && lines[1].contains("满¥100.00减¥20.00"))
    }

    @Test func emptyTableSaysSo() throws {
        let writer = CouponTableWriter(language: .english, columns: nil, time: TimeFormatter(viewerZone: .shanghai))
        let empty = writer.document(try collection([], totalCount: 0), mode: .issuedBy(mchid: "1"))
        #expect(empty.hasPrefix("no coupons for this user under these filters · verified (PUB_KEY_ID_TEST)"))
    }

    @Test func anEmptyPagePastTheEndIsNotAnEmptyUser() throws {
        let query = CouponQuery(openid: "o", appid: "wx", offset: 9, limit: 20)
        let response = try FakeFetcher.response(for: query, coupons: [], totalCount: 57)
        let writer = CouponTableWriter(language: .english, columns: nil, time: TimeFormatter(viewerZone: .shanghai))
        let text = writer.document(CouponCollection(responses: [response]), mode: .issuedBy(mchid: "1"))
        #expect(text.hasPrefix("page 10 is past the end: total_count 57 in 3 pages"))
    }

    @Test func collectionKeepsARepeatedCouponOnce() throws {
        let query = CouponQuery(openid: "o", appid: "wx")
        let first = try FakeFetcher.response(
            for: query,
            coupons: [try CouponSamples.normal(), try CouponSamples.cutTo()],
            totalCount: 3
        )
        let second = try FakeFetcher.response(
            for: query.page(1),
            coupons: [try CouponSamples.cutTo(), try CouponSamples.multiUse()],
            totalCount: 3
        )
        let merged = CouponCollection(responses: [first, second])
        #expect(merged.coupons.map(\.couponID) == ["98674556", "98674557", "98674558"])
        #expect(merged.repeatsDropped == 1)
        #expect(merged.offset == 0 && merged.totalCount == 3)
    }
}
