/// A point in time from the API, kept with the UTC offset it was written in.
///
/// The API writes RFC 3339 times such as `2026-12-03T10:15:00+08:00`, sometimes with fractional
/// seconds (`…:00.120+08:00`) and sometimes in UTC (`…Z`); all three forms are read.
public struct APITimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64
    /// Milliseconds past `secondsSince1970`, from 0 to 999.
    public var milliseconds: Int
    /// The offset from UTC the time was written with, in seconds east of Greenwich.
    public var utcOffsetSeconds: Int
    /// The text exactly as the API sent it.
    public var text: String

    public init(secondsSince1970: Int64, milliseconds: Int = 0, utcOffsetSeconds: Int = 0, text: String) {
        self.secondsSince1970 = secondsSince1970
        self.milliseconds = milliseconds
        self.utcOffsetSeconds = utcOffsetSeconds
        self.text = text
    }

    /// Parses an RFC 3339 date-time, or returns `nil` for any other text.
    public init?(rfc3339 text: String) {
        let bytes = Array(text.utf8)
        var index = 0

        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += digits
            return value
        }
        func expect(_ characters: String) -> Bool {
            guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return false }
            index += 1
            return true
        }

        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            expect("Tt "), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
            let second = number(2)
        else { return nil }
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day),
            hour < 24, minute < 60, second < 61
        else { return nil }

        var milliseconds = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if digits < 3 { milliseconds = milliseconds * 10 + Int(bytes[index] - 0x30) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if digits < 3 {
                for _ in digits..<3 { milliseconds *= 10 }
            }
        }

        var offset = 0
        if expect("Zz") {
            offset = 0
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let negative = bytes[index] == UInt8(ascii: "-")
            index += 1
            guard let offsetHours = number(2), expect(":"), let offsetMinutes = number(2),
                offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offset = (offsetHours * 3600 + offsetMinutes * 60) * (negative ? -1 : 1)
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }

        let days = Self.daysSince1970(year: year, month: month, day: day)
        let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59))
        self.init(
            secondsSince1970: local - Int64(offset),
            milliseconds: milliseconds,
            utcOffsetSeconds: offset,
            text: text
        )
    }

    public var description: String { text }

    public static func < (lhs: APITimestamp, rhs: APITimestamp) -> Bool {
        (lhs.secondsSince1970, lhs.milliseconds) < (rhs.secondsSince1970, rhs.milliseconds)
    }

    public static func == (lhs: APITimestamp, rhs: APITimestamp) -> Bool {
        lhs.secondsSince1970 == rhs.secondsSince1970 && lhs.milliseconds == rhs.milliseconds
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(secondsSince1970)
        hasher.combine(milliseconds)
    }

    /// Days from 1970-01-01 to the given civil date in the proleptic Gregorian calendar.
    public static func daysSince1970(year: Int, month: Int, day: Int) -> Int64 {
        // Howard Hinnant's days_from_civil: exact for every year, no tables.
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date (year, month, day) of a count of days since 1970-01-01.
    public static func civilDate(daysSince1970 days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }
}
