import CouponBrowser
import Testing

@testable import CouponTUI

@Suite struct CanvasTests {
    private func canvas(ascii: Bool, width: Int = 12) -> Canvas {
        Canvas(width: width, height: 1, widthOptions: .standard, glyphs: GlyphSet(ascii: ascii))
    }

    @Test func wideCharactersTakeTwoCellsAndStopBeforeTheEdge() {
        var canvas = canvas(ascii: false, width: 5)
        let used = canvas.text("券券券", x: 0, y: 0, maxWidth: 5, style: .plain)
        #expect(used == 4)
        #expect(canvas.grid.textLines == ["券券 "])
    }

    @Test func asciiModeFoldsAmbiguousPunctuation() {
        var canvas = canvas(ascii: true)
        canvas.text("1–9 · …", x: 0, y: 0, maxWidth: 12, style: .plain)
        #expect(!canvas.grid.textLines[0].unicodeScalars.contains { $0.value > 0x7F })
    }

    @Test func spansThatDoNotFitEndInAnEllipsis() {
        var canvas = canvas(ascii: false, width: 8)
        canvas.spans([Span("abcdef", .plain), Span("ghijk", .plain)], x: 0, y: 0, width: 8)
        #expect(canvas.grid.textLines == ["abcdefg…"])
    }
}
