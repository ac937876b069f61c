/// A single line of text being typed, edited the way a shell line is.
///
/// The cursor counts graphemes, so a Chinese character or an emoji moves and deletes as one.
public struct LineEditor: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// The cursor, between characters: 0 before the first, `characters.count` after the last.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Replaces the whole line and puts the cursor at its end.
    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    /// Types text at the cursor; line breaks and other controls in pasted text are dropped.
    public mutating func insert(_ text: String) {
        let typed = text.filter { character in
            !character.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }
        characters.insert(contentsOf: typed, at: cursor)
        cursor += typed.count
    }

    /// Applies one editing step.
    public mutating func apply(_ edit: Command.Edit) {
        switch edit {
        case .left:
            cursor = max(0, cursor - 1)
        case .right:
            cursor = min(characters.count, cursor + 1)
        case .start:
            cursor = 0
        case .end:
            cursor = characters.count
        case .deleteBackward:
            guard cursor > 0 else { return }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < characters.count else { return }
            characters.remove(at: cursor)
        case .deleteToStart:
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .deleteToEnd:
            characters.removeSubrange(cursor..<characters.count)
        case .deleteWordBackward:
            // Like a shell's Ctrl-W: spaces before the cursor, then the word before them.
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        }
    }
}
