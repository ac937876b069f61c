import CouponBrowser
import Testing

@testable import coupondesk_bench

/// Three samples of each figure over one page of 50 coupons, from a sandbox started in the test.
private let tiny = InProcessOptions(
    iterations: 3,
    openid: nil,
    pages: 1,
    pageSize: 50,
    sizes: [TerminalSize(columns: 120, rows: 40)]
)

@Test func theInProcessFiguresMeasureRealAnswersOnTinyInputs() async throws {
    let figures = try await InProcessBenchmark.run(tiny, environment: [:])
    #expect(figures.map(\.key) == ["sign", "verify", "decode", "frame-120x40", "sandbox-start", "memory-run"])
    for figure in figures.dropLast() {
        #expect(figure.measurement.samples.count == 3, "\(figure.key)")
        #expect(figure.measurement.samples.allSatisfy { $0 > 0 }, "\(figure.key)")
        #expect(figure.measurement.unit == .nanoseconds)
    }
    let memory = try #require(figures.last)
    #expect(memory.measurement.unit == .bytes)
    #expect(memory.measurement.samples.count == 1)
    let decode = try #require(figures.first { $0.key == "decode" })
    #expect(decode.title == "decode a 50-coupon page")
    let frame = try #require(figures.first { $0.key == "frame-120x40" })
    #expect(frame.title.contains("50 coupons loaded"))
    // The goal belongs to the 200×60 frame only.
    #expect(frame.target == nil)
}

@Test func theFrameFigureHoldsTheLargeSizeToItsGoal() async throws {
    let session = try await SandboxSession.open(environment: [:])
    defer { session.close() }
    let loaded = try await BrowserLoader.load(
        openid: try session.user(nil),
        connection: session.connection,
        size: TerminalSize(columns: 200, rows: 60),
        pageSize: 50,
        maximumPages: 2
    )
    #expect(loaded.pageCount == 2)
    #expect(loaded.couponCount == 100)
    #expect(loaded.state.pageSummary?.page == 1)
    #expect(loaded.state.isCached(page: 1))

    let figure = try FrameBenchmark.measure(loaded, size: TerminalSize(columns: 200, rows: 60), iterations: 3)
    #expect(figure.key == "frame-200x60")
    #expect(figure.target == "< 1 ms")
    #expect(figure.meetsTarget != nil)
    #expect(figure.measurement.samples.count == 3)
}

@Test func theLargestDemoUserIsTheGeneratedOne() async throws {
    let session = try await SandboxSession.open(environment: [:])
    defer { session.close() }
    let openid = try session.user(nil)
    let summary = try #require(session.server?.demoUsers.first { $0.openid == openid })
    #expect(summary.couponCount == 10_000)
    #expect(try session.user("oGiven") == "oGiven")
}

@Test func memoryIsMeasuredAfterTheUserIsLoaded() async throws {
    let figure = try await MemoryBenchmark.run(tiny, environment: [:])
    #expect(figure.key == "memory-browser")
    #expect(figure.measurement.unit == .bytes)
    #expect(figure.measurement.samples.count == 1)
    #expect(figure.measurement.median > 1_000_000)
    #expect(figure.target == "< 48 MB")
    // A sandbox in the same process is said to be counted.
    #expect(figure.note?.contains("sandbox ran in this process") == true)
}
