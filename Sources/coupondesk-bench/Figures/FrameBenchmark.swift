import CouponBrowser
import CouponCore

/// One `j` keypress, timed from the intent to a painted frame.
enum FrameBenchmark {
    /// Times `.move(.down)` plus painting the frame, on `loaded` resized to `size`.
    ///
    /// The selection walks down the first page one row per sample and starts again at the top
    /// (untimed) when it reaches the last row, so every sample is a real one-row move.
    static func measure(_ loaded: LoadedBrowser, size: TerminalSize, iterations: Int) throws(BenchError) -> Figure {
        var state = loaded.state
        _ = state.apply(.resize(size))
        _ = state.apply(.move(.first))
        guard state.list.shownCount > 1 else {
            throw .failed("the loaded page has fewer than two rows, so j cannot move")
        }

        let clock = ContinuousClock()
        var samples: [Int64] = []
        samples.reserveCapacity(iterations)
        let warmup = 3
        for run in 0..<(warmup + iterations) {
            if (state.list.selection ?? 0) >= state.list.shownCount - 1 {
                _ = state.apply(.move(.first))
            }
            let start = clock.now
            _ = state.apply(.move(.down))
            let elapsed = clock.now - start
            if run >= warmup { samples.append(elapsed.nanoseconds) }
        }

        let label = "\(size.columns)×\(size.rows)"
        return Figure(
            key: "frame-\(size.columns)x\(size.rows)",
            title: "update + paint, one j, \(label), \(loaded.couponCount) rows loaded",
            measurement: Measurement(name: "frame \(label)", unit: .nanoseconds, samples: samples),
            target: size.columns >= 200 ? "< 1 ms" : nil,
            note: "\(loaded.pageCount) pages cached in the browser"
        )
    }
}
