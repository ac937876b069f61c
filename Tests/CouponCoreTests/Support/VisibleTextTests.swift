import CouponCore
import Testing

@Test func controlCharactersBecomeVisibleEscapes() {
    #expect(VisibleText.escape("a\nb\tc\r") == "a\\nb\\tc\\r")
    #expect(VisibleText.escape("\u{1B}[2J\u{7F}\u{9B}") == "\\u{1B}[2J\\u{7F}\\u{9B}")
    #expect(VisibleText.escape("x\u{202E}y\u{2028}") == "x\\u{202E}y\\u{2028}")
}

@Test func printableTextIncludingChineseIsKept() {
    #expect(VisibleText.escape("微信支付代金券 ¥12.34") == "微信支付代金券 ¥12.34")
}

@Test func longTextIsCutWithAnEllipsis() {
    #expect(VisibleText.escape(String(repeating: "a", count: 10), limit: 4) == "aaaa…")
    #expect(VisibleText.escape("aaaa", limit: 4) == "aaaa")
}
