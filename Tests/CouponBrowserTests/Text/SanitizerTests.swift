import Testing

@testable import CouponBrowser

@Suite struct SanitizerTests {
    @Test func leavesPlainTextAlone() {
        for text in ["coupon 123", "满100减20 ¥20.00", "👨‍👩‍👧 家庭券", "e\u{301}té"] {
            #expect(Sanitizer.sanitize(text) == text)
            #expect(Sanitizer.isClean(text))
        }
    }

    @Test func replacesCSISequences() {
        #expect(Sanitizer.sanitize("\u{1B}[31mred\u{1B}[0m") == "␛[31mred␛[0m")
        #expect(Sanitizer.sanitize("\u{1B}[2J\u{1B}[H") == "␛[2J␛[H")
        #expect(Sanitizer.sanitize("a\u{1B}[?1049h") == "a␛[?1049h")
    }

    @Test func replacesOSCWithItsPayloadCut() {
        // OSC 52 would write the clipboard; OSC 8 makes hyperlinks.
        #expect(Sanitizer.sanitize("x\u{1B}]52;c;ZXZpbA==\u{07}y") == "x␛]52;c;ZXZpbA=…y")
        #expect(Sanitizer.sanitize("\u{1B}]0;title\u{1B}\\after") == "␛]0;titleafter")
        #expect(Sanitizer.sanitize("\u{1B}]8;;https://example.com/x\u{1B}\\link") == "␛]8;;https://e…link")
    }

    @Test func unterminatedStringSequenceRunsToTheEnd() {
        #expect(Sanitizer.sanitize("ok\u{1B}Pq#0;2;0;0;0") == "ok␛Pq#0;2;0;0;0")
        #expect(!Sanitizer.sanitize("\u{1B}_APC payload that never ends").contains("\u{1B}"))
    }

    @Test func replacesC1Controls() {
        #expect(Sanitizer.sanitize("a\u{9B}31mb") == "a␛[31mb")
        #expect(Sanitizer.sanitize("\u{9D}0;t\u{9C}z") == "␛]0;tz")
        #expect(Sanitizer.sanitize("\u{85}") == "␛E")
    }

    @Test func replacesC0ControlsAndDelete() {
        #expect(Sanitizer.sanitize("a\u{0}b\u{7}c\u{8}d") == "a␀b␇c␈d")
        #expect(Sanitizer.sanitize("line\nnext\tx\r") == "line␊next␉x␍")
        #expect(Sanitizer.sanitize("del\u{7F}") == "del␡")
        #expect(Sanitizer.sanitize("\u{1B}") == "␛")
        #expect(Sanitizer.sanitize("\u{1B}(B") == "␛(B")
        #expect(Sanitizer.sanitize("\u{1B}c") == "␛c")
    }

    @Test func keepsLineBreaksWhenAsked() {
        #expect(Sanitizer.sanitize("a\r\nb\rc\td\u{1B}[1m", keepingLineBreaks: true) == "a\nb\nc d␛[1m")
    }

    @Test func namesBidiOverridesAndInvisibleCharacters() {
        #expect(Sanitizer.sanitize("abc\u{202E}fed") == "abc<RLO>fed")
        #expect(Sanitizer.sanitize("\u{2066}x\u{2069}") == "<LRI>x<PDI>")
        #expect(Sanitizer.sanitize("123\u{200B}456") == "123<ZWSP>456")
        #expect(Sanitizer.sanitize("\u{FEFF}id") == "<BOM>id")
    }

    @Test func leadingCombiningMarkGetsADottedCircle() {
        #expect(Sanitizer.sanitize("\u{301}x") == "\u{25CC}\u{301}x")
    }

    @Test func nothingThatSteersATerminalSurvives() {
        var input = ""
        for value in 0..<0xA0 { input.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        input += "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}"
        let output = Sanitizer.sanitize(input)
        for scalar in output.unicodeScalars {
            #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value))
            #expect(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value))
        }
    }

    @Test func sanitisedTextIsMeasurable() {
        let text = DisplayText("名\u{1B}[31m称")
        #expect(text.text == "名␛[31m称")
        #expect(text.width == 2 + 5 + 2)
    }
}
