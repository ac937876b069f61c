import Testing

@testable import CouponTUI

@Suite struct KeyDecoderTests {
    let decoder = KeyDecoder()

    @Test func terminalUsesTheKeyCodesOfTheNcursesHeaders() {
        #expect(Terminal.keyCodes == KeyDecoder.KeyCodes.ncurses)
    }

    @Test func controlLettersBecomeControlKeys() {
        #expect(decoder.key(forCharacter: 0x04) == .control("d"))
        #expect(decoder.key(forCharacter: 0x15) == .control("u"))
        #expect(decoder.key(forCharacter: 0x03) == .control("c"))
        #expect(decoder.key(forCharacter: 0x0C) == .control("l"))
    }

    @Test func enterTabEscapeAndBackspaceHaveTheirOwnKeys() {
        #expect(decoder.key(forCharacter: 0x0D) == .enter)
        #expect(decoder.key(forCharacter: 0x0A) == .enter)
        #expect(decoder.key(forCharacter: 0x09) == .tab)
        #expect(decoder.key(forCharacter: 0x1B) == .escape)
        #expect(decoder.key(forCharacter: 0x7F) == .backspace)
        #expect(decoder.key(forCharacter: 0x08) == .backspace)
    }

    @Test func printableCharactersIncludingChineseAreCharacters() {
        #expect(decoder.key(forCharacter: 0x6A) == .character("j"))
        #expect(decoder.key(forCharacter: 0x5238) == .character("券"))
        #expect(decoder.key(forCharacter: 0x1F600) == .character("😀"))
    }

    @Test func otherControlCharactersAndSurrogatesMeanNothing() {
        #expect(decoder.key(forCharacter: 0x00) == nil)
        #expect(decoder.key(forCharacter: 0x1C) == nil)
        #expect(decoder.key(forCharacter: 0x9B) == nil)
        #expect(decoder.key(forCharacter: 0xD800) == nil)
    }

    @Test func functionKeyCodesMapToNamedKeys() {
        let codes = KeyDecoder.KeyCodes.ncurses
        #expect(decoder.key(forKeyCode: codes.up) == .up)
        #expect(decoder.key(forKeyCode: codes.pageDown) == .pageDown)
        #expect(decoder.key(forKeyCode: codes.home) == .home)
        #expect(decoder.key(forKeyCode: codes.end) == .end)
        #expect(decoder.key(forKeyCode: codes.resize) == .resize)
        #expect(decoder.key(forKeyCode: codes.function0 + 1) == .function(1))
        #expect(decoder.key(forKeyCode: codes.backTab) == .backTab)
        #expect(decoder.key(forKeyCode: 0o777) == .unknown(0o777))
    }
}
