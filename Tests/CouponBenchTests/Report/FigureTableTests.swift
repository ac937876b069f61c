import CouponCore
import Testing

@testable import coupondesk_bench

private let figures = [
    Figure(
        key: "frame-200x60",
        title: "update + paint, one j, 200×60",
        measurement: Measurement(name: "f", unit: .nanoseconds, samples: [400_000, 500_000, 600_000]),
        target: "< 1 ms",
        meetsTarget: true,
        note: "painter only"
    ),
    Figure(
        key: "memory-browser",
        title: "peak memory",
        measurement: Measurement(name: "m", unit: .bytes, samples: [63_000_000]),
        target: "< 48 MB",
        meetsTarget: false
    ),
]

@Test func theTableHasOneLinePerFigureWithItsTargetAndNotes() {
    let table = FigureTable.markdown(figures)
    let lines = table.split(separator: "\n")
    #expect(lines[0].contains("figure") && lines[0].contains("target"))
    #expect(lines[1].hasPrefix("| ---"))
    #expect(lines[2].contains("update + paint, one j, 200×60"))
    #expect(lines[2].contains("500.0 µs (400.0 µs–600.0 µs)"))
    #expect(lines[2].contains("< 1 ms (met)"))
    #expect(lines[3].contains("63.0 MB"))
    #expect(lines[3].contains("< 48 MB (MISSED)"))
    #expect(table.contains("- update + paint, one j, 200×60: painter only"))
}

@Test func theJSONCarriesEverySampleAndTheContext() throws {
    let text = FigureTable.json(figures, context: [JSONMember("build", .string("release"))])
    let document = try JSONParser.parse(text)
    #expect(document["build"]?.stringValue == "release")
    let first = try #require(document["figures"]?.arrayValue?.first)
    #expect(first["key"]?.stringValue == "frame-200x60")
    #expect(first["unit"]?.stringValue == "nanoseconds")
    #expect(first["median"]?.int64Value == 500_000)
    #expect(first["samples"]?.arrayValue?.compactMap(\.int64Value) == [400_000, 500_000, 600_000])
    #expect(first["meets_target"]?.boolValue == true)
    #expect(document["figures"]?.arrayValue?.count == 2)
}
