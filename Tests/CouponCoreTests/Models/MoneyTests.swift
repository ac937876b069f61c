import CouponCore
import Testing

@Test func yuanTextUsesTwoDecimalsWithoutFloatingPoint() {
    #expect(Money(fen: 1234).yuanText == "¥12.34")
    #expect(Money(fen: 5).yuanText == "¥0.05")
    #expect(Money(fen: -105).yuanText == "-¥1.05")
    #expect(Money(fen: Int64.max).yuanDigits == "92233720368547758.07")
}

@Test func moneyArithmeticReportsOverflowInsteadOfTrapping() {
    #expect(Money(fen: Int64.max).adding(Money(fen: 1)) == nil)
    #expect(Money(fen: Int64.max).multiplied(by: 2) == nil)
    #expect(Money(fen: 250).multiplied(by: 3) == Money(fen: 750))
    #expect(Money(fen: 0).yuanText == "¥0.00")
    #expect(Money(fen: 100).yuanText == "¥1.00")
    #expect(Money(fen: Int64.min + 1).yuanText == "-¥92233720368547758.07")
    #expect(Money(fen: 5).subtracting(Money(fen: 7)) == Money(fen: -2))
    #expect(Money(fen: Int64.min).subtracting(Money(fen: 1)) == nil)
}

// An amount is an int64 from the network, so the most negative one must format, not trap on negation.
@Test func mostNegativeAmountFormatsWithoutTrapping() {
    #expect(Money(fen: Int64.min).yuanText == "-¥92233720368547758.08")
    #expect(Money(fen: Int64.min).yuanDigits == "-92233720368547758.08")
}

@Test func yuanTextUsesTheYenYuanSignU00A5() {
    #expect(Money(fen: 1).yuanText.unicodeScalars.first?.value == 0xA5)
}
