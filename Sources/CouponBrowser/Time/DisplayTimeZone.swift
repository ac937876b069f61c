import Foundation

/// A time zone times are shown in: a fixed UTC offset, or a named zone with its daylight-saving rules.
///
/// The zones of mainland China and its neighbours have kept one offset for decades and are served
/// from a fixed table, so the default (`Asia/Shanghai`, the API's own zone) needs no tz database.
public struct DisplayTimeZone: Sendable, Hashable, CustomStringConvertible {
    /// The name shown and configured: `Asia/Shanghai`, `UTC`, `+08:00`.
    public let identifier: String
    private let fixedOffset: Int?

    /// `Asia/Shanghai`, UTC+8, the zone WeChat Pay writes its times in.
    public static let shanghai = DisplayTimeZone(identifier: "Asia/Shanghai", fixedOffsetSeconds: 8 * 3600)
    /// UTC.
    public static let utc = DisplayTimeZone(identifier: "UTC", fixedOffsetSeconds: 0)

    /// Zones without daylight saving since well before WeChat Pay existed, by name and offset.
    static let fixedZones: [String: Int] = [
        "Asia/Shanghai": 8 * 3600, "Asia/Chongqing": 8 * 3600, "Asia/Harbin": 8 * 3600, "PRC": 8 * 3600,
        "Asia/Hong_Kong": 8 * 3600, "Asia/Macau": 8 * 3600, "Asia/Taipei": 8 * 3600, "Asia/Singapore": 8 * 3600,
        "Asia/Kuala_Lumpur": 8 * 3600, "Asia/Manila": 8 * 3600, "Asia/Urumqi": 6 * 3600, "Asia/Tokyo": 9 * 3600,
        "Asia/Seoul": 9 * 3600, "UTC": 0, "Etc/UTC": 0, "GMT": 0, "Etc/GMT": 0, "Universal": 0, "Zulu": 0,
    ]

    /// A zone at a fixed offset east of UTC.
    public init(identifier: String, fixedOffsetSeconds: Int) {
        self.identifier = identifier
        self.fixedOffset = fixedOffsetSeconds
    }

    /// The zone named `identifier` (an IANA name such as `Europe/Berlin`, or an offset such as
    /// `+08:00`), or `nil` when no such zone is known.
    public init?(identifier: String) {
        if let offset = Self.fixedZones[identifier] {
            self.init(identifier: identifier, fixedOffsetSeconds: offset)
            return
        }
        if let offset = Self.parseOffset(identifier) {
            self.init(identifier: identifier, fixedOffsetSeconds: offset)
            return
        }
        guard TimeZone(identifier: identifier) != nil else { return nil }
        self.init(named: identifier)
    }

    private init(named identifier: String) {
        self.identifier = identifier
        self.fixedOffset = nil
    }

    /// The zone of the person at the terminal: `TZ` when set and known, else the system's zone.
    public static func viewer(environment: [String: String]) -> DisplayTimeZone {
        if var name = environment["TZ"], !name.isEmpty {
            if name.hasPrefix(":") { name.removeFirst() }
            if let zone = DisplayTimeZone(identifier: name) { return zone }
        }
        let current = TimeZone.current.identifier
        return DisplayTimeZone(identifier: current) ?? .utc
    }

    /// Seconds east of UTC in this zone at the instant `secondsSince1970`.
    public func offset(at secondsSince1970: Int64) -> Int {
        if let fixedOffset { return fixedOffset }
        guard let zone = TimeZone(identifier: identifier) else { return 0 }
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(secondsSince1970)))
    }

    /// The first instant after `secondsSince1970` at which the zone's offset changes, or `nil` for a fixed zone.
    public func nextOffsetChange(after secondsSince1970: Int64) -> Int64? {
        // Past the year 9999 no time is shown, and nothing below can overflow.
        let latest: Int64 = 253_402_300_799
        guard fixedOffset == nil, secondsSince1970 < latest, let zone = TimeZone(identifier: identifier) else {
            return nil
        }
        let after = Date(timeIntervalSince1970: TimeInterval(secondsSince1970))
        guard let next = zone.nextDaylightSavingTimeTransition(after: after) else { return nil }
        let seconds = next.timeIntervalSince1970.rounded(.up)
        guard seconds <= Double(latest) else { return nil }
        return max(secondsSince1970 + 1, Int64(seconds))
    }

    public var description: String { identifier }

    /// An offset written `+08:00`, `-05:30` or `+0800`, in seconds east of UTC.
    static func parseOffset(_ text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        guard let sign = scalars.first, sign == "+" || sign == "-" else { return nil }
        let digits = scalars.dropFirst().filter { $0 != ":" }
        guard digits.count == 4, digits.allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }),
            let value = Int(String(String.UnicodeScalarView(digits)))
        else { return nil }
        let hours = value / 100
        let minutes = value % 100
        guard hours < 24, minutes < 60 else { return nil }
        return (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
    }
}
