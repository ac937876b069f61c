import Testing

@testable import coupondesk_bench

@Test func peakAndCurrentAreReadFromTheStatusText() throws {
    let status = """
        Name:\tcoupondesk-bench
        VmPeak:\t  400000 kB
        VmHWM:\t   63140 kB
        VmRSS:\t   61000 kB
        Threads:\t5
        """
    let memory = try PeakMemory.parse(status: status)
    #expect(memory.peakBytes == 63_140 * 1_024)
    #expect(memory.currentBytes == 61_000 * 1_024)
}

@Test func aStatusTextWithoutTheLinesIsAnError() {
    let error = #expect(throws: BenchError.self) { try PeakMemory.parse(status: "Name:\tx\n") }
    #expect(error?.description.contains("VmHWM") == true)
}

@Test func thisProcessHasAPeakAtLeastAsHighAsItsCurrentMemory() throws {
    let memory = try PeakMemory.read()
    #expect(memory.currentBytes > 0)
    #expect(memory.peakBytes >= memory.currentBytes)
}
