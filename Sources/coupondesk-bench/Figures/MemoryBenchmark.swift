import CouponBrowser
import CouponCore

/// Peak resident memory of this process once a user is fully loaded in the browser and a frame painted.
///
/// One sample per process: the peak cannot go down, so repeated runs need fresh processes.
enum MemoryBenchmark {
    static func run(_ options: InProcessOptions, environment: [String: String]) async throws(BenchError) -> Figure {
        let sandbox = try await SandboxSession.open(environment: environment)
        defer { sandbox.close() }
        let openid = try sandbox.user(options.openid)
        let size = options.sizes.last ?? TerminalSize(columns: 200, rows: 60)
        let loaded = try await BrowserLoader.load(
            openid: openid,
            connection: sandbox.connection,
            size: size,
            pageSize: options.pageSize,
            maximumPages: options.pages ?? .max
        )
        // One frame, as the screen would show it, so what painting keeps is counted too.
        _ = try FrameBenchmark.measure(loaded, size: size, iterations: 1)
        let figure = try figure(for: loaded, key: "memory-browser", sandboxInProcess: sandbox.server != nil)
        withExtendedLifetime(loaded) {}
        return figure
    }

    /// The peak resident memory of this process so far, read while `loaded` is still held.
    static func figure(for loaded: LoadedBrowser, key: String, sandboxInProcess: Bool) throws(BenchError) -> Figure {
        let memory = try PeakMemory.read()
        var note = "VmHWM with \(loaded.pageCount) pages (\(loaded.couponCount) coupons) loaded and a frame painted"
        if sandboxInProcess {
            note += "; the sandbox ran in this process, so its memory is included"
        }
        return Figure(
            key: key,
            title: "peak memory, \(loaded.couponCount) coupons loaded in the browser",
            measurement: Measurement(name: "peak memory", unit: .bytes, samples: [memory.peakBytes]),
            target: "< 48 MB",
            meetsTarget: memory.peakBytes < 48_000_000,
            note: note
        )
    }
}
