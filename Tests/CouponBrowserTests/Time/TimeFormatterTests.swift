import CouponCore
import Testing

@testable import CouponBrowser

@Suite struct TimeFormatterTests {
    let time = try! #require(APITimestamp(rfc3339: "2026-12-03T10:15:00+08:00"))

    @Test func showsTimesInTheDisplayZone() throws {
        let formatter = TimeFormatter(displayZone: .shanghai, viewerZone: .shanghai)
        #expect(formatter.dateTime(time) == "2026-12-03 10:15:00")
        let utc = try #require(APITimestamp(rfc3339: "2026-12-03T02:15:00Z"))
        #expect(formatter.dateTime(utc) == "2026-12-03 10:15:00", "a UTC time from the API is shown in Shanghai time")
        #expect(formatter.date(time) == "2026-12-03")
        #expect(formatter.clockTime(time) == "10:15")
    }

    @Test func marksTheOffsetWhenTheViewerIsElsewhere() throws {
        let newYork = try #require(DisplayTimeZone(identifier: "America/New_York"))
        let formatter = TimeFormatter(displayZone: .shanghai, viewerZone: newYork)
        #expect(formatter.dateTime(time) == "2026-12-03 10:15:00 +08:00")
        let inNewYork = TimeFormatter(displayZone: newYork, viewerZone: .shanghai)
        #expect(inNewYork.dateTime(time) == "2026-12-02 21:15:00 -05:00")
        let summer = try #require(APITimestamp(rfc3339: "2026-07-01T12:00:00+08:00"))
        #expect(inNewYork.dateTime(summer) == "2026-07-01 00:00:00 -04:00", "daylight saving is followed")
    }

    @Test func zonesAreNamedOrFixed() throws {
        #expect(DisplayTimeZone(identifier: "Asia/Shanghai") == .shanghai)
        #expect(DisplayTimeZone(identifier: "+05:30")?.offset(at: 0) == 19_800)
        #expect(DisplayTimeZone(identifier: "-0800")?.offset(at: 0) == -28_800)
        #expect(DisplayTimeZone(identifier: "Not/AZone") == nil)
        #expect(DisplayTimeZone.viewer(environment: ["TZ": ":Asia/Tokyo"]).offset(at: 0) == 32_400)
        #expect(TimeFormatter.offsetText(-19_800) == "-05:30")
    }

    @Test func shortDatesDropTheYearOfNow() throws {
        let formatter = TimeFormatter(displayZone: .shanghai, viewerZone: .shanghai)
        #expect(formatter.shortDate(time, now: CouponFixtures.now) == "12-03")
        let later = try #require(APITimestamp(rfc3339: "2027-01-02T00:00:00+08:00"))
        #expect(formatter.shortDate(later, now: CouponFixtures.now) == "2027-01-02")
    }
}
