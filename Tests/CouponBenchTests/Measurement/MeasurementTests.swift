import Testing

@testable import coupondesk_bench

@Test func medianOfAnOddCountIsTheMiddleSample() {
    let measurement = Measurement(name: "x", unit: .nanoseconds, samples: [9, 1, 5])
    #expect(measurement.median == 5)
    #expect(measurement.minimum == 1)
    #expect(measurement.maximum == 9)
}

@Test func medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    #expect(Measurement(name: "x", unit: .bytes, samples: [4, 1, 10, 2]).median == 3)
}

@Test func noSamplesGiveZeroRatherThanATrap() {
    let measurement = Measurement(name: "x", unit: .bytes, samples: [])
    #expect(measurement.median == 0)
    #expect(measurement.minimum == 0)
    #expect(measurement.maximum == 0)
}

@Test func timingCountsOnlyTheIterationsAfterTheWarmup() {
    var runs = 0
    let measurement = Measurement.time("count", iterations: 3, warmup: 2) { runs += 1 }
    #expect(runs == 5)
    #expect(measurement.samples.count == 3)
    #expect(measurement.samples.allSatisfy { $0 >= 0 })
    #expect(measurement.unit == .nanoseconds)
}

@Test func preparedTimingGivesEachRunAFreshInput() {
    var prepared = 0
    var seen: [Int] = []
    let measurement = Measurement.time(
        "prepared",
        iterations: 3,
        warmup: 1,
        prepare: { () -> Int in
            prepared += 1
            return prepared
        },
        { input in seen.append(input) }
    )
    #expect(prepared == 4)
    #expect(seen == [1, 2, 3, 4])
    #expect(measurement.samples.count == 3)
}

@Test func summaryShowsMedianAndRange() {
    let times = Measurement(name: "t", unit: .nanoseconds, samples: [1_500_000, 2_000_000, 900_000])
    #expect(times.summary == "1.50 ms (900.0 µs–2.00 ms)")
    let bytes = Measurement(name: "b", unit: .bytes, samples: [512])
    #expect(bytes.summary == "512 B")
}

@Test func nanosecondsAreShownInAReadableUnit() {
    #expect(formatNanoseconds(950) == "950 ns")
    #expect(formatNanoseconds(12_345) == "12.3 µs")
    #expect(formatNanoseconds(1_234_567) == "1.23 ms")
    #expect(formatNanoseconds(12_345_678_901) == "12.35 s")
}

@Test func bytesAreShownInDecimalUnits() {
    #expect(formatBytes(599) == "599 B")
    #expect(formatBytes(48_000_000) == "48.0 MB")
    #expect(formatBytes(58_800) == "58.8 kB")
}

@Test func fixedRoundsWithoutALocale() {
    #expect(fixed(2.346, digits: 2) == "2.35")
    #expect(fixed(-0.5, digits: 1) == "-0.5")
    #expect(fixed(7, digits: 0) == "7")
    #expect(fixed(0.04, digits: 2) == "0.04")
}
