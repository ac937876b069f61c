import CouponCore

/// Calendar arithmetic for the sandbox's times, in whole seconds and days, with no Foundation dates.
enum CivilTime {
    /// The offset of China Standard Time, in which WeChat Pay writes its times.
    static let chinaOffsetSeconds = 8 * 3600

    /// The civil date of a count of days since 1970-01-01.
    static func date(daysSince1970 days: Int64) -> (year: Int, month: Int, day: Int) {
        APITimestamp.civilDate(daysSince1970: days)
    }

    /// The day number (days since 1970-01-01) of an instant, as a calendar in China shows it.
    static func chinaDay(secondsSince1970 seconds: Int64) -> Int64 {
        floorDivide(seconds + Int64(chinaOffsetSeconds), 86_400)
    }

    /// The day number of a `YYYY-MM-DD` date, or `nil` when the text is not one.
    static func day(iso text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return APITimestamp.daysSince1970(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DDTHH:MM:SS+hh:mm` (or `Z` for UTC when `zulu`), with `.mmm` when `milliseconds` is given.
    static func rfc3339(
        secondsSince1970 seconds: Int64,
        utcOffsetSeconds offset: Int,
        milliseconds: Int? = nil,
        zulu: Bool = false
    ) -> String {
        let local = seconds + Int64(offset)
        let days = floorDivide(local, 86_400)
        let secondOfDay = Int(local - days * 86_400)
        let civil = date(daysSince1970: days)
        var text = pad(civil.year, 4) + "-" + pad(civil.month, 2) + "-" + pad(civil.day, 2)
        text += "T" + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if let milliseconds { text += "." + pad(milliseconds, 3) }
        if zulu, offset == 0 { return text + "Z" }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return text + sign + pad(magnitude / 3600, 2) + ":" + pad(magnitude / 60 % 60, 2)
    }

    /// The same instant moved by whole days, written in the shape the original text had.
    static func shift(_ timestamp: APITimestamp, byDays days: Int64) -> String {
        let hasFraction = timestamp.text.contains(".")
        let isZulu = timestamp.text.hasSuffix("Z") || timestamp.text.hasSuffix("z")
        return rfc3339(
            secondsSince1970: timestamp.secondsSince1970 + days * 86_400,
            utcOffsetSeconds: timestamp.utcOffsetSeconds,
            milliseconds: hasFraction ? timestamp.milliseconds : nil,
            zulu: isZulu
        )
    }

    /// `value` in decimal, zero-padded to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }

    /// Division rounding towards negative infinity.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
