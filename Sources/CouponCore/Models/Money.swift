/// An amount of renminbi in fen (分), the integer unit of every WeChat Pay amount.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in fen; 100 fen make one yuan.
    public var fen: Int64

    public init(fen: Int64) {
        self.fen = fen
    }

    /// The amount in yuan with two decimals, without a currency sign: `12.34`, `-0.05`.
    ///
    /// Integer arithmetic only, so no amount is ever rounded.
    public var yuanDigits: String {
        (fen < 0 ? "-" : "") + Self.digits(ofMagnitude: fen.magnitude)
    }

    /// The amount as shown to people: `¥12.34` with the yen/yuan sign U+00A5.
    public var yuanText: String {
        // The sign goes before the currency sign; the digits come from the magnitude, so Int64.min cannot trap.
        (fen < 0 ? "-¥" : "¥") + Self.digits(ofMagnitude: fen.magnitude)
    }

    public var description: String { yuanText }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        lhs.fen < rhs.fen
    }

    /// The difference of two amounts, or `nil` if it does not fit in 64 bits.
    public func subtracting(_ other: Money) -> Money? {
        let (difference, overflow) = fen.subtractingReportingOverflow(other.fen)
        return overflow ? nil : Money(fen: difference)
    }

    /// The sum of two amounts, or `nil` if it does not fit in 64 bits.
    public func adding(_ other: Money) -> Money? {
        let (sum, overflow) = fen.addingReportingOverflow(other.fen)
        return overflow ? nil : Money(fen: sum)
    }

    /// The amount times `count`, or `nil` if it does not fit in 64 bits.
    public func multiplied(by count: Int64) -> Money? {
        let (product, overflow) = fen.multipliedReportingOverflow(by: count)
        return overflow ? nil : Money(fen: product)
    }

    /// `whole.cents` of an unsigned amount of fen.
    private static func digits(ofMagnitude magnitude: UInt64) -> String {
        let cents = magnitude % 100
        return String(magnitude / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }
}
