import CouponCore
import Testing

@Test func rfc3339WithOffsetKeepsTheOffsetAndTheText() throws {
    let time = try #require(APITimestamp(rfc3339: "2026-12-03T10:15:00+08:00"))
    #expect(time.secondsSince1970 == 1_796_264_100)
    #expect(time.utcOffsetSeconds == 28_800)
    #expect(time.description == "2026-12-03T10:15:00+08:00")
}

@Test func sameInstantInDifferentOffsetsIsEqual() throws {
    let utc = try #require(APITimestamp(rfc3339: "2026-12-03T02:15:00Z"))
    let china = try #require(APITimestamp(rfc3339: "2026-12-03T10:15:00+08:00"))
    #expect(utc == china)
    #expect(utc.secondsSince1970 == 1_796_264_100)
    #expect(utc.utcOffsetSeconds == 0 && china.utcOffsetSeconds == 28_800)
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

@Test func randomlyMutatedTimesParseOrAreNilButNeverTrap() {
    let seeds = [
        "2026-12-03T10:15:00+08:00", "2015-05-20T13:29:35.120+08:00", "1970-01-01T00:00:00Z",
        "9999-12-31T23:59:60-23:59",
        "2024-02-29t00:00:00.999999999z",
    ]
    var mutator = Mutator(seed: 0x5246_3333, tokens: [":", "-", "+", ".", "T", "Z", "99", "60", "00"])
    var parsed = 0
    var refused = 0
    for input in mutator.mutants(of: seeds, count: 3000) {
        let text = String(decoding: input, as: UTF8.self)
        guard let time = APITimestamp(rfc3339: text) else {
            refused += 1
            continue
        }
        parsed += 1
        if time.text != text || !(0...999).contains(time.milliseconds) || time.utcOffsetSeconds.magnitude >= 86_400 {
            Issue.record("\(text.debugDescription) parsed into \(time.secondsSince1970), \(time.milliseconds) ms")
        }
    }
    // A time is short, so most edits break it; the few that survive still show the parser was reached.
    #expect(parsed > 20 && refused > 100, "parsed \(parsed), refused \(refused)")
}
