import CouponCore

extension BrowserState {
    /// The latest instant the browser tells times relative to: the end of the year 9999.
    static let latestTime: Int64 = 253_402_300_799

    /// The first moment after `time` (seconds since 1970) at which something on screen that is told
    /// relative to the clock reads differently, or `nil` when nothing will.
    ///
    /// These are the validity sentence of the coupon in the detail ("expires in 3 days" changes at a
    /// day boundary of the display zone, at the coupon's begin or end time, or at the turn of the
    /// year), the page summary (it says when its rows were fetched once they are older than
    /// `BrowserConfiguration.staleAfterSeconds`, with the date once that is not today), and the
    /// header's note of the time zone (at a daylight-saving change). A front end sleeps until then
    /// and sends `.tick`, so nothing is polled while the screen is idle.
    public func nextTimeChange(after time: Int64) -> Int64? {
        guard time < Self.latestTime else { return nil }
        let formatter = configuration.time
        var candidates: [Int64?] = []

        if layout.detailPlacement != .hidden, let row = list.selectedRow {
            candidates.append(CouponDetail.nextValidityChange(of: row.coupon, time: formatter, now: time))
        }

        if let source = list.source, let page = caches[source.key]?.pages[source.page] {
            let (staleAt, overflow) = page.receivedAt.addingReportingOverflow(configuration.staleAfterSeconds)
            if !overflow, staleAt > time {
                candidates.append(staleAt)
            } else {
                // The stamp gains its date when the day turns, and its year when the year does.
                let received = formatter.civilTime(page.receivedAt)
                let current = formatter.civilTime(time)
                if received.dayNumber == current.dayNumber {
                    candidates.append(formatter.startOfNextDay(after: time))
                } else if received.year == current.year {
                    candidates.append(formatter.startOfNextYear(after: time))
                }
            }
        }

        candidates.append(formatter.displayZone.nextOffsetChange(after: time))
        candidates.append(formatter.viewerZone.nextOffsetChange(after: time))
        return candidates.compactMap { $0 }.filter { $0 > time }.min()
    }

    /// The first moment after `now` at which something on screen told relative to the clock reads differently.
    public var nextTimeChange: Int64? {
        nextTimeChange(after: now)
    }
}
