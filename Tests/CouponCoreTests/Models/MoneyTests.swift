import CouponCore
import Testing

@Test func yuanTextUsesTwoDecimalsWithoutFloatingPoint() {
    #expect(Money(fen: 1234).yuanText == "¥12.34")
    #expect(Money(fen: 5).yuanText == "¥0.05")
    #expect(Money(fen: -105).yuanText == "-¥1.05")
    #expect(Money(fen: Int64.max).yuanDigits == "92233720368547758.07")
}
