import Testing

@testable import CouponTUI

@Suite struct TerminalSetupTests {
    @Test func terminfoDelayMarkersAreStripped() {
        let bytes = Array("\u{1B}[m$<2>\u{1B}[?1049l$<5/>".utf8)
        #expect(String(decoding: Terminal.stripPadding(bytes), as: UTF8.self) == "\u{1B}[m\u{1B}[?1049l")
    }

    @Test func noColorOrTheFlagGivesMonochrome() {
        #expect(ColorMode(terminalColors: 256, colorAllowed: true, environment: ["NO_COLOR": "1"]) == .monochrome)
        #expect(ColorMode(terminalColors: 256, colorAllowed: false, environment: [:]) == .monochrome)
        // no-color.org: an empty NO_COLOR does not count.
        #expect(ColorMode(terminalColors: 256, colorAllowed: true, environment: ["NO_COLOR": ""]) == .extended)
    }

    @Test func colourDepthFollowsTheTerminal() {
        #expect(ColorMode(terminalColors: 8, colorAllowed: true, environment: [:]) == .basic)
        #expect(ColorMode(terminalColors: 16, colorAllowed: true, environment: [:]) == .basic)
        #expect(ColorMode(terminalColors: 256, colorAllowed: true, environment: [:]) == .extended)
        #expect(ColorMode(terminalColors: 0, colorAllowed: true, environment: [:]) == .monochrome)
    }

    @Test func dumbOrMissingTermIsRefusedBeforeNcursesStarts() {
        // Checked before anything else touches the terminal, so this works without one.
        #expect(throws: TerminalError.self) {
            try Terminal.checkUsable(environment: ["TERM": "dumb"])
        }
    }
}
