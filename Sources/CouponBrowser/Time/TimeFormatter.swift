import CouponCore

/// Writes API times as people read them, in the configured zone, marking the offset when it is not the viewer's.
public struct TimeFormatter: Sendable, Hashable {
    /// The zone times are shown in.
    public var displayZone: DisplayTimeZone
    /// The zone of the person at the terminal.
    public var viewerZone: DisplayTimeZone

    public init(displayZone: DisplayTimeZone = .shanghai, viewerZone: DisplayTimeZone) {
        self.displayZone = displayZone
        self.viewerZone = viewerZone
    }

    /// A civil date and time in the display zone.
    public struct CivilTime: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var day: Int
        public var hour: Int
        public var minute: Int
        public var second: Int
        /// Days since 1970-01-01 of the civil date, for counting calendar days.
        public var dayNumber: Int64
        /// The display zone's offset at that instant.
        public var utcOffsetSeconds: Int
    }

    /// The instant `secondsSince1970` as a civil time in the display zone.
    public func civilTime(_ secondsSince1970: Int64) -> CivilTime {
        let offset = displayZone.offset(at: secondsSince1970)
        let local = secondsSince1970 + Int64(offset)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        let date = APITimestamp.civilDate(daysSince1970: days)
        return CivilTime(
            year: date.year,
            month: date.month,
            day: date.day,
            hour: secondOfDay / 3600,
            minute: secondOfDay / 60 % 60,
            second: secondOfDay % 60,
            dayNumber: days,
            utcOffsetSeconds: offset
        )
    }

    /// Whether the display zone's offset differs from the viewer's at that instant, so it must be shown.
    public func showsOffset(at secondsSince1970: Int64) -> Bool {
        displayZone.offset(at: secondsSince1970) != viewerZone.offset(at: secondsSince1970)
    }

    /// `2026-12-03 10:15:00`, followed by ` +08:00` when that is not the viewer's offset.
    public func dateTime(_ time: APITimestamp) -> String {
        let civil = civilTime(time.secondsSince1970)
        var text =
            Self.date(civil) + " " + Self.two(civil.hour) + ":" + Self.two(civil.minute) + ":"
            + Self.two(civil.second)
        if showsOffset(at: time.secondsSince1970) {
            text += " " + Self.offsetText(civil.utcOffsetSeconds)
        }
        return text
    }

    /// `2026-12-03` in the display zone.
    public func date(_ time: APITimestamp) -> String {
        Self.date(civilTime(time.secondsSince1970))
    }

    /// `12-03` in the display zone, or `2027-12-03` when not in the year of `now`.
    public func shortDate(_ time: APITimestamp, now: Int64) -> String {
        let civil = civilTime(time.secondsSince1970)
        if civil.year != civilTime(now).year { return Self.date(civil) }
        return Self.two(civil.month) + "-" + Self.two(civil.day)
    }

    /// `10:15` in the display zone.
    public func clockTime(_ time: APITimestamp) -> String {
        let civil = civilTime(time.secondsSince1970)
        return Self.two(civil.hour) + ":" + Self.two(civil.minute)
    }

    /// `14:03:12` in the display zone when `secondsSince1970` falls on the same day as `now`, else
    /// `11-30 14:03:12` (`2025-12-31 14:03:12` in another year); ` +08:00` follows when that is not
    /// the viewer's offset.
    public func stamp(_ secondsSince1970: Int64, now: Int64) -> String {
        let civil = civilTime(secondsSince1970)
        let today = civilTime(now)
        var text = Self.two(civil.hour) + ":" + Self.two(civil.minute) + ":" + Self.two(civil.second)
        if civil.dayNumber != today.dayNumber {
            let date = civil.year == today.year ? Self.two(civil.month) + "-" + Self.two(civil.day) : Self.date(civil)
            text = date + " " + text
        }
        if showsOffset(at: secondsSince1970) {
            text += " " + Self.offsetText(civil.utcOffsetSeconds)
        }
        return text
    }

    /// The first instant after `secondsSince1970` that falls on a later calendar day in the display zone.
    public func startOfNextDay(after secondsSince1970: Int64) -> Int64 {
        let day = civilTime(secondsSince1970).dayNumber
        // Three days is past the next midnight even where a daylight-saving change skips one.
        return firstInstant(after: secondsSince1970, within: 3 * 86_400) { civilTime($0).dayNumber > day }
    }

    /// The first instant after `secondsSince1970` that falls in a later year in the display zone.
    public func startOfNextYear(after secondsSince1970: Int64) -> Int64 {
        let year = civilTime(secondsSince1970).year
        return firstInstant(after: secondsSince1970, within: 368 * 86_400) { civilTime($0).year > year }
    }

    /// The first instant in `(start, start + span]` at which `isLater` holds, found by halving;
    /// `isLater` must turn true once and stay true.
    private func firstInstant(after start: Int64, within span: Int64, _ isLater: (Int64) -> Bool) -> Int64 {
        var low = start
        let (end, overflow) = start.addingReportingOverflow(span)
        var high = overflow ? Int64.max : end
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if isLater(middle) {
                high = middle
            } else {
                low = middle
            }
        }
        return high
    }

    /// `+08:00`, `-05:30`, `+00:00`.
    public static func offsetText(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        return (seconds < 0 ? "-" : "+") + two(magnitude / 3600) + ":" + two(magnitude / 60 % 60)
    }

    static func date(_ civil: CivilTime) -> String {
        let year = String(civil.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(civil.month) + "-"
            + two(civil.day)
    }

    static func two(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}
