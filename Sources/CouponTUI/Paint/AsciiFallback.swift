/// Plain-ASCII stand-ins for the ambiguous-width punctuation that labels and data use, for `--ascii`.
///
/// On a terminal that draws East Asian "ambiguous" characters two cells wide, each of these would
/// push the rest of its row one cell right; the stand-ins keep the width the layout counted on.
enum AsciiFallback {
    static let replacements: [Character: String] = [
        "…": "~", "·": "|", "•": "*", "–": "-", "—": "-", "―": "-", "×": "x", "÷": "/", "≤": "<=", "≥": ">=",
        "→": ">", "←": "<", "↑": "^", "↓": "v", "▲": "^", "▼": "v", "▶": ">", "◀": "<", "●": "*", "○": "o",
        "■": "#", "□": "o", "★": "*", "☆": "*", "“": "\"", "”": "\"", "‘": "'", "’": "'", "─": "-", "│": "|",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "✓": "v",
        "✗": "x", "°": "o", "±": "+-", "§": "S", "¶": "P",
    ]

    /// The stand-in for `character`, or `nil` when it is drawn as it is.
    static func replacement(for character: Character) -> String? {
        guard !character.isASCII else { return nil }
        return replacements[character]
    }
}
