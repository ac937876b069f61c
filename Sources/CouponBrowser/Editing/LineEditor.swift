/// One edit of a single-line text field, as a key press maps to it.
public enum LineEdit: Sendable, Hashable {
    /// Typed text, inserted at the cursor; control characters are dropped.
    case insert(String)
    /// Pasted text: surrounding whitespace and line breaks are dropped, the rest inserted.
    case paste(String)
    /// Backspace.
    case deleteBackward
    /// Delete.
    case deleteForward
    /// `Ctrl-W`: back to the previous whitespace, as a shell does (an openid's `_` and `-` are part of it).
    case deleteWordBackward
    /// `Ctrl-K`: from the cursor to the end.
    case deleteToEnd
    /// From the start to the cursor.
    case deleteToStart
    /// `Ctrl-U`: the whole line.
    case clear
    /// ←.
    case moveLeft
    /// →.
    case moveRight
    /// `Alt-B`, `Ctrl-←`.
    case moveWordLeft
    /// `Alt-F`, `Ctrl-→`.
    case moveWordRight
    /// Home, `Ctrl-A`.
    case moveHome
    /// End, `Ctrl-E`.
    case moveEnd
    /// ↑: the previous entry of the history.
    case historyPrevious
    /// ↓: the next entry of the history, and past the newest the line being typed.
    case historyNext
}

/// A shell-like line editor: text, a cursor between grapheme clusters, and a history.
public struct LineEditor: Sendable, Hashable {
    private var characters: [Character]
    /// The cursor, as a count of grapheme clusters before it.
    public private(set) var cursor: Int
    /// Earlier entries, oldest first.
    public private(set) var history: [String]
    private var historyIndex: Int?
    private var draft: [Character] = []

    /// The most entries the history keeps.
    public static let historyLimit = 50

    public init(text: String = "", history: [String] = []) {
        self.characters = Array(Sanitizer.isClean(text) ? text : Self.dropControls(text))
        self.cursor = characters.count
        self.history = Array(history.suffix(Self.historyLimit))
    }

    /// The text being edited.
    public var text: String { String(characters) }

    /// Whether the line is empty.
    public var isEmpty: Bool { characters.isEmpty }

    /// Applies one edit.
    public mutating func apply(_ edit: LineEdit) {
        switch edit {
        case .insert(let typed):
            insert(Self.dropControls(typed))
        case .paste(let pasted):
            insert(Self.dropControls(Self.trimmed(pasted)))
        case .deleteBackward:
            guard cursor > 0 else { return }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < characters.count else { return }
            characters.remove(at: cursor)
        case .deleteWordBackward:
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .deleteToEnd:
            characters.removeSubrange(cursor...)
        case .deleteToStart:
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .clear:
            characters.removeAll()
            cursor = 0
        case .moveLeft:
            cursor = max(0, cursor - 1)
        case .moveRight:
            cursor = min(characters.count, cursor + 1)
        case .moveWordLeft:
            while cursor > 0, characters[cursor - 1].isWhitespace { cursor -= 1 }
            while cursor > 0, !characters[cursor - 1].isWhitespace { cursor -= 1 }
        case .moveWordRight:
            while cursor < characters.count, characters[cursor].isWhitespace { cursor += 1 }
            while cursor < characters.count, !characters[cursor].isWhitespace { cursor += 1 }
        case .moveHome:
            cursor = 0
        case .moveEnd:
            cursor = characters.count
        case .historyPrevious:
            guard !history.isEmpty else { return }
            let index: Int
            if let current = historyIndex {
                index = max(0, current - 1)
            } else {
                draft = characters
                index = history.count - 1
            }
            historyIndex = index
            characters = Array(history[index])
            cursor = characters.count
        case .historyNext:
            guard let current = historyIndex else { return }
            if current + 1 < history.count {
                historyIndex = current + 1
                characters = Array(history[current + 1])
            } else {
                historyIndex = nil
                characters = draft
            }
            cursor = characters.count
        }
    }

    /// Replaces the text, cursor at the end; the history stays.
    public mutating func setText(_ text: String) {
        characters = Array(Self.dropControls(text))
        cursor = characters.count
        historyIndex = nil
    }

    /// Adds `entry` as the newest history entry, moving it there if it was already present.
    public mutating func remember(_ entry: String) {
        guard !entry.isEmpty else { return }
        history.removeAll { $0 == entry }
        history.append(entry)
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        historyIndex = nil
    }

    /// What to draw in a field `width` cells wide: the part of the text around the cursor, and the
    /// cursor's column in it, written with the placeholders and stand-ins of `glyphs`.
    public func visible(
        width: Int,
        options: WidthOptions = .standard,
        glyphs: GlyphSet = .unicode
    ) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        let safe = characters.map { Sanitizer.sanitize(String($0), glyphs: glyphs) }
        let widths = safe.map { DisplayWidth.of($0, options: options) }
        // Keep the cursor inside the field, with one cell for it at the end of the text.
        var start = 0
        var beforeCursor = widths[..<cursor].reduce(0, +)
        while beforeCursor > width - 1, start < cursor {
            beforeCursor -= widths[start]
            start += 1
        }
        var text = ""
        var used = 0
        for index in start..<safe.count {
            if used + widths[index] > width { break }
            text += safe[index]
            used += widths[index]
        }
        return (text, beforeCursor)
    }

    private mutating func insert(_ text: String) {
        guard !text.isEmpty else { return }
        let new = Array(text)
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
        historyIndex = nil
    }

    private static func dropControls(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) { continue }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    private static func trimmed(_ text: String) -> String {
        let characters = Array(text)
        guard let first = characters.firstIndex(where: { !$0.isWhitespace }),
            let last = characters.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(characters[first...last])
    }
}
