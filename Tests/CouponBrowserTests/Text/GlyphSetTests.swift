import Testing

@testable import CouponBrowser

@Suite struct GlyphSetTests {
    @Test func unicodeSetLeavesTextAlone() {
        let text = "星巴克·拿铁…“特价”①—≤¥5 ─│"
        #expect(GlyphSet.unicode.fold(text) == text)
        #expect(GlyphSet(ascii: false) == .unicode && GlyphSet(ascii: true) == .ascii)
    }

    @Test func asciiSetFoldsPunctuationAndKeepsChineseAndYen() {
        #expect(GlyphSet.ascii.fold("星巴克·拿铁…“特价”①—≤¥5") == "星巴克.拿铁...\"特价\"(1)-<=¥5")
        #expect(GlyphSet.ascii.fold("┌─┐│└┘═║▲▼→←") == "+-+|++=|^v-><-")
        #expect(GlyphSet.ascii.fold("（满减）、「券」") == "（满减）、「券」", "fullwidth punctuation is wide everywhere")
        #expect(GlyphSet.ascii.fold("plain") == "plain")
    }

    @Test func asciiSetKeepsLettersThatHaveNoHonestStandIn() {
        #expect(GlyphSet.ascii.fold("Café Ωμέγα Кофе") == "Café Ωμέγα Кофе")
    }

    @Test func everyStandInIsPrintableASCIIAndReplacesSomethingAmbiguousOrLookalike() {
        var replaced = 0
        for value in UInt32(0x80)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value), let standIn = GlyphSet.asciiReplacement(for: value) else {
                continue
            }
            replaced += 1
            #expect(!standIn.isEmpty && standIn.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }, "\(value)")
            // Nothing wide is folded: Chinese and fullwidth forms stay.
            #expect(DisplayWidth.of(scalar) == 1, "U+\(String(value, radix: 16)) is not narrow")
        }
        #expect(replaced > 150)
    }

    @Test func asciiSetWritesOnlyASCIIMarks() {
        let ascii = GlyphSet.ascii
        for mark in [ascii.ellipsis, ascii.pending, ascii.separator, ascii.rangeDash, ascii.atMost] {
            #expect(mark.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
        }
        #expect(ascii.sortMark(.ascending) == "^" && ascii.sortMark(.descending) == "v")
        #expect(GlyphSet.unicode.sortMark(.descending) == "▼")
    }

    @Test func sanitizerUsesCaretNotationInASCIIMode() {
        #expect(Sanitizer.sanitize("\u{1B}[31mred\u{1B}[0m", glyphs: .ascii) == "^[[31mred^[[0m")
        #expect(Sanitizer.sanitize("a\u{0}b\u{7}c\u{1F}d\u{7F}", glyphs: .ascii) == "a^@b^Gc^_d^?")
        #expect(Sanitizer.sanitize("a\u{9B}31mb", glyphs: .ascii) == "a^[[31mb", "C1 CSI")
        #expect(Sanitizer.sanitize("x\u{1B}]52;c;ZXZpbA==\u{07}y", glyphs: .ascii) == "x^[]52;c;ZXZpbA=...y")
        #expect(Sanitizer.sanitize("\u{202E}evil", glyphs: .ascii) == "<RLO>evil")
        #expect(Sanitizer.sanitize("\u{301}x", glyphs: .ascii) == " \u{301}x", "a space carries a leading mark")
        #expect(Sanitizer.sanitize("券·\u{1B}[2J…", glyphs: .ascii) == "券.^[[2J...", "and the text is folded")
        #expect(Sanitizer.sanitize("a\nb", keepingLineBreaks: true, glyphs: .ascii) == "a\nb")
    }
}
