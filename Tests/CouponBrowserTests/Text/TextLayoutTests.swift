import Testing

@testable import CouponBrowser

@Suite struct TextLayoutTests {
    @Test func keepsTextThatFits() {
        #expect(TextLayout.truncated("abc", toWidth: 3) == "abc")
        #expect(TextLayout.truncated("中文", toWidth: 4) == "中文")
    }

    @Test func cutsASCIIWithEllipsis() {
        #expect(TextLayout.truncated("abcdef", toWidth: 4) == "abc…")
        #expect(TextLayout.truncated("abcdef", toWidth: 1) == "…")
        #expect(TextLayout.truncated("abcdef", toWidth: 0) == "")
    }

    @Test func neverLeavesHalfAWideCharacter() {
        // 4 cells: "中" (2) + "…" (1) = 3, because "中文" would need 5 with the ellipsis.
        let cut = TextLayout.truncatedMeasured("中文券", toWidth: 4)
        #expect(cut.text == "中…")
        #expect(cut.width == 3)
        #expect(TextLayout.padded("中文券", toWidth: 4) == "中… ")
        #expect(DisplayWidth.of(TextLayout.padded("中文券", toWidth: 4)) == 4)
    }

    @Test func neverSplitsAGraphemeCluster() {
        #expect(TextLayout.truncated("👨‍👩‍👧‍👦👍🏽ab", toWidth: 4) == "👨‍👩‍👧‍👦…")
        #expect(TextLayout.truncated("🇨🇳🇺🇸x", toWidth: 4) == "🇨🇳…")
        #expect(TextLayout.truncated("e\u{301}e\u{301}e\u{301}", toWidth: 2) == "e\u{301}…")
        #expect(TextLayout.truncated("❤️❤️❤️", toWidth: 5) == "❤️❤️…")
    }

    @Test func padsExactlyForEveryAlignment() {
        let samples = ["", "a", "中", "满100减20", "👍🏽x", "🇨🇳", "e\u{301}", "很长很长很长的券名称"]
        for sample in samples {
            for width in 1...12 {
                for alignment in [TextLayout.Alignment.left, .right, .center] {
                    let padded = TextLayout.padded(sample, toWidth: width, alignment: alignment)
                    #expect(DisplayWidth.of(padded) == width, "\(sample) \(width) \(alignment)")
                    #expect(DisplayText(sample).padded(toWidth: width, alignment: alignment) == padded)
                }
            }
        }
        #expect(TextLayout.padded("¥5.00", toWidth: 8, alignment: .right) == "   ¥5.00")
        #expect(TextLayout.padded("ab", toWidth: 5, alignment: .center) == " ab  ")
    }

    @Test func ambiguousWideChangesTheEllipsisWidth() {
        let options = WidthOptions.ambiguousWide
        #expect(TextLayout.truncated("abcdef", toWidth: 4, options: options) == "ab…")
        #expect(DisplayWidth.of(TextLayout.padded("abcdef", toWidth: 4, options: options), options: options) == 4)
    }

    @Test func asciiEllipsisCanBeChosen() {
        #expect(TextLayout.truncated("abcdef", toWidth: 4, ellipsis: "~") == "abc~")
    }

    @Test func wrapsAtSpacesAndBetweenChineseCharacters() {
        #expect(TextLayout.wrapped("the quick brown fox", toWidth: 10) == ["the quick", "brown fox"])
        #expect(TextLayout.wrapped("仅限门店使用每单一张", toWidth: 8) == ["仅限门店", "使用每单", "一张"])
        #expect(TextLayout.wrapped("a\nb", toWidth: 5) == ["a", "b"])
        for line in TextLayout.wrapped("mixed 中文 and 😀 emoji text 满100减20", toWidth: 7) {
            #expect(DisplayWidth.of(line) <= 7)
        }
    }
}
