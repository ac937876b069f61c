import CouponCore
import Testing

@Test func rfc3339WithOffsetKeepsTheOffsetAndTheText() throws {
    let time = try #require(APITimestamp(rfc3339: "2026-12-03T10:15:00+08:00"))
    #expect(time.secondsSince1970 == 1_796_264_100)
    #expect(time.utcOffsetSeconds == 28_800)
    #expect(time.description == "2026-12-03T10:15:00+08:00")
}

@Test func sameInstantInDifferentOffsetsIsEqual() {
    #expect(APITimestamp(rfc3339: "2026-12-03T02:15:00Z") == APITimestamp(rfc3339: "2026-12-03T10:15:00+08:00"))
    #expect(APITimestamp(rfc3339: "2026-12-03T02:15:00.5Z")?.milliseconds == 500)
}

@Test(arguments: [
    "", "2026-12-03", "2026-12-03T10:15:00", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-12-03T24:00:00Z",
    "2026-12-03T10:15:00+0800", "2026-12-03T10:15:00.Z", "2026-12-03T10:15:00Zjunk",
])
func malformedTimesAreNil(text: String) {
    #expect(APITimestamp(rfc3339: text) == nil)
}

@Test func civilDateConversionRoundTrips() {
    for days: Int64 in [-719_468, -1, 0, 19_000, 2_932_896] {
        let date = APITimestamp.civilDate(daysSince1970: days)
        #expect(APITimestamp.daysSince1970(year: date.year, month: date.month, day: date.day) == days)
    }
    #expect(APITimestamp.civilDate(daysSince1970: 0) == (1970, 1, 1))
}
