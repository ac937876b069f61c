import CouponCore
import Testing

@testable import CouponSandbox

@Suite struct CivilTimeTests {
    @Test func rfc3339WritesChinaTimeWithItsOffset() {
        #expect(
            CivilTime.rfc3339(secondsSince1970: 1_796_004_000, utcOffsetSeconds: 8 * 3600)
                == "2026-11-30T10:00:00+08:00"
        )
        #expect(CivilTime.rfc3339(secondsSince1970: 0, utcOffsetSeconds: 0, zulu: true) == "1970-01-01T00:00:00Z")
        #expect(CivilTime.rfc3339(secondsSince1970: 0, utcOffsetSeconds: -5 * 3600) == "1969-12-31T19:00:00-05:00")
    }

    @Test func shiftKeepsTheShapeOfTheOriginal() throws {
        let plain = try #require(APITimestamp(rfc3339: "2026-11-30T23:59:59+08:00"))
        #expect(CivilTime.shift(plain, byDays: 3) == "2026-12-03T23:59:59+08:00")
        let fraction = try #require(APITimestamp(rfc3339: "2026-02-28T15:04:05.120+08:00"))
        #expect(CivilTime.shift(fraction, byDays: 1) == "2026-03-01T15:04:05.120+08:00")
        let zulu = try #require(APITimestamp(rfc3339: "2024-02-28T00:00:00Z"))
        #expect(CivilTime.shift(zulu, byDays: 1) == "2024-02-29T00:00:00Z")
        #expect(CivilTime.shift(plain, byDays: -365) == "2025-11-30T23:59:59+08:00")
    }

    @Test func chinaDayTurnsAtMidnightInChina() throws {
        let reference = try #require(CivilTime.day(iso: "2026-11-30"))
        // 2026-11-29T16:00:00Z is midnight in China.
        let midnight: Int64 = reference * 86_400 - 8 * 3600
        #expect(CivilTime.chinaDay(secondsSince1970: midnight) == reference)
        #expect(CivilTime.chinaDay(secondsSince1970: midnight - 1) == reference - 1)
    }

    @Test func isoDatesOutsideTheCalendarAreRefused() {
        #expect(CivilTime.day(iso: "2026-13-01") == nil)
        #expect(CivilTime.day(iso: "2026-1-01") == nil)
        #expect(CivilTime.day(iso: "yesterday") == nil)
    }

    @Test func httpDateIsAnIMFFixdate() {
        #expect(HTTPServerResponse.httpDate(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPServerResponse.httpDate(secondsSince1970: 1_796_004_000) == "Mon, 30 Nov 2026 02:00:00 GMT")
    }

    @Test func demoDatesMoveByWholeDaysToTheClocksDay() async throws {
        let later = TestSupport.referenceTime + 10 * 86_400
        try await TestSupport.withSandbox({
            $0.shiftsDemoDates = true
            $0.clock = { later }
        }) { server in
            let response = try TestSupport.get(server, TestSupport.target(TestSupport.issuedBy()), timestamp: later)
            let first = try #require(TestSupport.json(response)["data"]?.arrayValue?.first)
            #expect(first["available_end_time"]?.stringValue == "2027-01-10T23:59:59+08:00")
            #expect(first["create_time"]?.stringValue == "2026-11-30T09:12:45+08:00")
            #expect(TestSupport.isSignatureValid(response, server: server))
        }
    }

    @Test func demoDatesStayAsWrittenWhenShiftingIsOff() async throws {
        try await TestSupport.withSandbox { server in
            let response = try TestSupport.get(server, TestSupport.target(TestSupport.issuedBy()))
            let first = try #require(TestSupport.json(response)["data"]?.arrayValue?.first)
            #expect(first["available_end_time"]?.stringValue == "2026-12-31T23:59:59+08:00")
        }
    }
}
