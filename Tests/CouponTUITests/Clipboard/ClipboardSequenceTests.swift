import Testing

@testable import CouponTUI

@Suite struct ClipboardSequenceTests {
    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    // RFC 4648 §10 test vectors.
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ])
    func base64MatchesTheRFCVectors(input: String, expected: String) {
        #expect(text(ClipboardSequence.base64(Array(input.utf8))) == expected)
    }

    @Test func plainTerminalGetsOneOSC52EndedByBEL() throws {
        let bytes = try ClipboardSequence(multiplexer: .none).bytes(copying: "1234567890")
        #expect(text(bytes) == "\u{1B}]52;c;MTIzNDU2Nzg5MA==\u{07}")
    }

    @Test func chineseTextIsSentAsUTF8() throws {
        let bytes = try ClipboardSequence(multiplexer: .none).bytes(copying: "券")
        #expect(text(bytes) == "\u{1B}]52;c;5Yi4\u{07}")
    }

    @Test func tmuxGetsTheBareSequenceAndAPassthroughWithEveryEscapeDoubled() throws {
        let bytes = try ClipboardSequence(multiplexer: .tmux).bytes(copying: "abc")
        let osc = "\u{1B}]52;c;YWJj\u{07}"
        #expect(text(bytes) == osc + "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;YWJj\u{07}\u{1B}\\")
    }

    @Test func screenGetsDCSChunksBelowItsLimit() throws {
        let long = String(repeating: "x", count: 1500)
        let bytes = try ClipboardSequence(multiplexer: .screen).bytes(copying: long)
        let chunks = text(bytes).components(separatedBy: "\u{1B}\\").filter { !$0.isEmpty }
        #expect(chunks.count > 1)
        for chunk in chunks {
            #expect(chunk.hasPrefix("\u{1B}P"))
            #expect(chunk.utf8.count <= 768)
        }
        let joined = chunks.map { String($0.dropFirst(2)) }.joined()
        #expect(joined == "\u{1B}]52;c;" + text(ClipboardSequence.base64(Array(long.utf8))) + "\u{07}")
    }

    @Test func textOverTheLimitIsRefusedWithItsSize() {
        let sequence = ClipboardSequence(multiplexer: .none, limit: 8)
        #expect(throws: ClipboardSequence.Refusal.tooLong(bytes: 9, limit: 8)) {
            try sequence.bytes(copying: "123456789")
        }
    }

    @Test func emptyTextIsRefused() {
        #expect(throws: ClipboardSequence.Refusal.empty) {
            try ClipboardSequence(multiplexer: .none).bytes(copying: "")
        }
    }

    @Test func multiplexerIsReadFromTheEnvironment() {
        typealias Multiplexer = ClipboardSequence.Multiplexer
        #expect(Multiplexer(environment: ["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "screen"]) == .tmux)
        #expect(Multiplexer(environment: ["STY": "1234.pts-0.host", "TERM": "screen"]) == .screen)
        #expect(Multiplexer(environment: ["TERM": "tmux-256color"]) == .tmux)
        #expect(Multiplexer(environment: ["TERM": "screen-256color"]) == .none)
        #expect(Multiplexer(environment: ["TERM": "xterm-256color"]) == .none)
    }
}
