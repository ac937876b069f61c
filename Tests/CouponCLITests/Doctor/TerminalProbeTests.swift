import Testing

@testable import CouponCLI

struct TerminalProbeTests {
    @Test func readsMaxColorsFromTheSystemsTerminfo() throws {
        let environment = ["HOME": "/nonexistent"]
        let xterm = try #require(TerminalProbe.terminfoPath(for: "xterm-256color", environment: environment))
        #expect(TerminalProbe.colorCount(terminfo: try FileSystem.readFile(xterm, maximumSize: 1 << 16)) == 256)
        let vt100 = try #require(TerminalProbe.terminfoPath(for: "vt100", environment: environment))
        #expect(TerminalProbe.colorCount(terminfo: try FileSystem.readFile(vt100, maximumSize: 1 << 16)) == 0)
        #expect(TerminalProbe.terminfoPath(for: "no-such-terminal", environment: environment) == nil)
        #expect(TerminalProbe.terminfoPath(for: "../etc/passwd", environment: environment) == nil)
    }

    @Test func readsTheLegacySixteenBitFormat() {
        // Header: magic 0432, 2 name bytes, 1 boolean, 14 numbers, 0 strings, 0 table; then names, a pad, numbers.
        var bytes: [UInt8] = [0x1A, 0x01, 2, 0, 1, 0, 14, 0, 0, 0, 0, 0]
        bytes += [0x78, 0x00, 0x01, 0x00]
        for index in 0..<14 { bytes += index == 13 ? [8, 0] : [0xFF, 0xFF] }
        #expect(TerminalProbe.colorCount(terminfo: bytes) == 8)
        #expect(TerminalProbe.colorCount(terminfo: [1, 2, 3]) == nil)
    }

    @Test func findsTheCharacterLocaleInPrecedenceOrder() {
        #expect(
            TerminalProbe.characterLocale(environment: ["LANG": "C", "LC_ALL": "zh_CN.UTF-8"])?.variable == "LC_ALL"
        )
        #expect(TerminalProbe.characterLocale(environment: ["LANG": "C.UTF-8", "LC_CTYPE": "C"])?.name == "C")
        #expect(TerminalProbe.characterLocale(environment: [:]) == nil)
        #expect(TerminalProbe.isUTF8("zh_CN.utf8") && TerminalProbe.isUTF8("C.UTF-8") && !TerminalProbe.isUTF8("POSIX"))
    }

    @Test func measuresChineseAsTwoCellsUnderAUTF8Locale() {
        #expect(TerminalProbe.libcWidths(of: "代金券", localeName: "C.UTF-8") == [2, 2, 2])
        #expect(TerminalProbe.libcWidths(of: "a", localeName: "xx_NOWHERE.UTF-8") == nil)
    }
}
