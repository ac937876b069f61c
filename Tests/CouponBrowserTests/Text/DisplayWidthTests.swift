import Testing

@testable import CouponBrowser

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("coupon", 6),
        ("", 0),
        ("中文", 4),
        ("满100减20", 9),
        ("¥12.34", 6),  // U+00A5 is narrow; fullwidth ￥ is not
        ("￥12", 4),
        ("ＡＢＣ", 6),
        ("ｶﾀｶﾅ", 4),  // halfwidth katakana
        ("한국어", 6),
        ("e\u{301}", 1),  // e + combining acute
        ("\u{1100}\u{1161}\u{11A8}", 2),  // conjoining jamo 각
    ])
    func measuresChineseAndMixedText(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test(arguments: [
        ("😀", 2),
        ("👍🏽", 2),  // skin tone modifier joins the base
        ("👨‍👩‍👧‍👦", 2),  // ZWJ family
        ("🏳️‍🌈", 2),  // VS16 flag + ZWJ + rainbow
        ("🇨🇳", 2),  // regional indicator pair
        ("🇨🇳🇺🇸", 4),
        ("❤️", 2),  // text-default heart made emoji by VS16
        ("❤", 1),
        ("⌚", 2),
        ("⌚︎", 1),  // VS15 asks for text presentation
        ("1️⃣", 2),  // keycap
        ("🫨", 2),  // emoji newer than Python's Unicode 14 tables
    ])
    func measuresEmojiPerGraphemeCluster(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func measuresMixedLine() {
        #expect(DisplayWidth.of("券😀A🇨🇳e\u{301}") == 2 + 2 + 1 + 2 + 1)
    }

    @Test func ambiguousCharactersAreOneCellUnlessSet() {
        for text in ["…", "─", "°", "α", "Ж", "≤", "·"] {
            #expect(DisplayWidth.of(text) == 1, "\(text)")
            #expect(DisplayWidth.of(text, options: .ambiguousWide) == 2, "\(text)")
        }
        #expect(DisplayWidth.of("中", options: .ambiguousWide) == 2)
        #expect(DisplayWidth.of("a", options: .ambiguousWide) == 1)
    }

    @Test func zeroWidthCharactersTakeNoCell() {
        #expect(DisplayWidth.of("a\u{200D}b") == 2)
        #expect(DisplayWidth.of("\u{FE0F}") == 0)
        #expect(DisplayWidth.of("\u{E0067}") == 0)  // tag character
    }

    @Test func tablesAreSortedAndDisjoint() {
        for table in [WidthTables.wide, WidthTables.zeroWidth, WidthTables.ambiguous] {
            #expect(!table.isEmpty)
            for (left, right) in zip(table, table.dropFirst()) {
                #expect(left.upperBound < right.lowerBound)
            }
        }
    }

    @Test func tablesComeFromTheGenerator() {
        #expect(!WidthTables.unicodeVersion.isEmpty)
        // CJK Unified Ideographs Extension B, reserved as wide even where unassigned.
        #expect(DisplayWidth.of(Unicode.Scalar(0x2A6DF)!) == 2)
    }
}
