import Testing

@testable import CouponBrowser

@Suite struct LineEditorTests {
    func editor(_ text: String, edits: [LineEdit] = []) -> LineEditor {
        var editor = LineEditor(text: text)
        for edit in edits { editor.apply(edit) }
        return editor
    }

    @Test func insertsAtTheCursor() {
        let result = editor("oUpF", edits: [.moveLeft, .moveLeft, .insert("XY")])
        #expect(result.text == "oUXYpF")
        #expect(result.cursor == 4)
    }

    @Test func deletesBackAndForward() {
        #expect(editor("abc", edits: [.deleteBackward]).text == "ab")
        #expect(editor("abc", edits: [.moveHome, .deleteForward]).text == "bc")
        #expect(editor("abc", edits: [.moveHome, .deleteBackward]).text == "abc")
        #expect(editor("abc", edits: [.deleteForward]).text == "abc")
        #expect(editor("中文😀", edits: [.deleteBackward]).text == "中文", "a whole grapheme cluster goes")
        #expect(editor("👨‍👩‍👧x", edits: [.moveLeft, .deleteBackward]).text == "x")
    }

    @Test func movesHomeEndAndByWords() {
        var result = editor("open id value", edits: [.moveHome])
        #expect(result.cursor == 0)
        result.apply(.moveWordRight)
        #expect(result.cursor == 4)
        result.apply(.moveEnd)
        #expect(result.cursor == 13)
        result.apply(.moveWordLeft)
        #expect(result.cursor == 8)
        result.apply(.moveRight)
        result.apply(.moveRight)
        result.apply(.moveRight)
        result.apply(.moveRight)
        result.apply(.moveRight)
        result.apply(.moveRight)
        #expect(result.cursor == 13)
    }

    @Test func controlUClearsAndControlWDeletesAWord() {
        #expect(editor("anything", edits: [.moveLeft, .clear]).text == "")
        #expect(editor("first oUpF8u_Mu-AJO", edits: [.deleteWordBackward]).text == "first ")
        #expect(editor("first second  ", edits: [.deleteWordBackward]).text == "first ")
        #expect(editor("abc def", edits: [.moveLeft, .deleteToEnd]).text == "abc de")
        #expect(editor("abc def", edits: [.moveLeft, .deleteToStart]).text == "f")
    }

    @Test func pasteDropsLineBreaksAndSurroundingSpace() {
        #expect(
            editor("", edits: [.paste("  oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\r\n")]).text == "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"
        )
        #expect(editor("", edits: [.insert("a\u{1B}[31mb")]).text == "a[31mb")
    }

    @Test func historyWalksBackAndReturnsToTheDraft() {
        var result = LineEditor(text: "", history: ["one", "two"])
        result.apply(.insert("draft"))
        result.apply(.historyPrevious)
        #expect(result.text == "two")
        result.apply(.historyPrevious)
        result.apply(.historyPrevious)
        #expect(result.text == "one")
        result.apply(.historyNext)
        #expect(result.text == "two")
        result.apply(.historyNext)
        #expect(result.text == "draft")
        result.remember("two")
        result.remember("three")
        #expect(result.history == ["one", "two", "three"])
    }

    @Test func visiblePartFollowsTheCursor() {
        let long = editor("中文abcdefghij")
        let view = long.visible(width: 8)
        #expect(view.cursorColumn == 7)
        #expect(DisplayWidth.of(view.text) <= 8)
        #expect(view.text.hasSuffix("j"))
        let start = editor("中文abcdefghij", edits: [.moveHome]).visible(width: 8)
        #expect(start.cursorColumn == 0)
        #expect(start.text == "中文abcd")
    }
}
