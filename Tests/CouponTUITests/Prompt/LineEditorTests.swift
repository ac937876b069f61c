import Testing

@testable import CouponTUI

@Suite struct LineEditorTests {
    @Test func controlWDeletesTheWordBeforeTheCursor() {
        var editor = LineEditor("oDemo user 券")
        editor.apply(.deleteWordBackward)
        #expect(editor.text == "oDemo user ")
        editor.apply(.deleteWordBackward)
        #expect(editor.text == "oDemo ")
    }
}
