import CouponBrowser
import CouponCore
import CouponTUI

/// One `j` keypress, timed from the key to the painted grid of cells.
///
/// The key goes the way the terminal's keys go: the front end's key map turns it into a browser
/// intent, the state is updated, and the painter draws the whole frame. Copying the grid to
/// ncurses and the terminal is left out; the terminal-traffic figures measure that part.
enum FrameBenchmark {
    /// Times `j` plus painting the frame, on `loaded` resized to `size`.
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
        var frontEnd = FrontEnd(browser: state)
        let painter = Painter(colorMode: .extended)
        guard frontEnd.keyMap.command(for: .character("j"), in: frontEnd.keyContext) != nil else {
            throw .failed("j does nothing in the list with the standard key map")
        }

        let clock = ContinuousClock()
        var samples: [Int64] = []
        samples.reserveCapacity(iterations)
        var painted = 0
        let warmup = 3
        for run in 0..<(warmup + iterations) {
            if (frontEnd.browser.list.selection ?? 0) >= frontEnd.browser.list.shownCount - 1 {
                _ = frontEnd.send(.move(.first))
            }
            let start = clock.now
            _ = frontEnd.handle([.character("j")])
            let grid = painter.paint(frontEnd.browser, frontEnd.screen)
            let elapsed = clock.now - start
            painted &+= grid.cells.count
            if run >= warmup { samples.append(elapsed.nanoseconds) }
        }
        guard painted > 0, frontEnd.browser.list.selection != 0 || iterations == 0 else {
            throw .failed("j did not move the selection")
        }

        let label = "\(size.columns)×\(size.rows)"
        return Figure(
            key: "frame-\(size.columns)x\(size.rows)",
            title: "update + paint, one j, \(label), \(loaded.couponCount) coupons loaded",
            measurement: Measurement(name: "frame \(label)", unit: .nanoseconds, samples: samples),
            target: size.columns >= 200 && size.rows >= 60 ? "< 1 ms" : nil,
            meetsTarget: size.columns >= 200 && size.rows >= 60 ? Self.median(samples) < 1_000_000 : nil,
            note: "key map, update, painter into a \(label) grid; \(loaded.pageCount) pages cached"
        )
    }

    private static func median(_ samples: [Int64]) -> Int64 {
        Measurement(name: "", unit: .nanoseconds, samples: samples).median
    }
}
