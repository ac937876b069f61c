extension ScreenGrid {
    /// The characters of each row, with the continuation half of a wide glyph left out.
    ///
    /// Trailing spaces are kept so that column positions stay visible in a golden file.
    public var textLines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width {
                let cell = self[x, y]
                if let grapheme = cell.grapheme { line.append(grapheme) }
            }
            return line
        }
    }

    /// The styles of each row as runs, `row: column style | column style …`, plain rows kept short.
    public var attributeLines: [String] {
        (0..<height).map { y in
            var runs: [String] = []
            var current: CellStyle?
            for x in 0..<width {
                let style = self[x, y].style
                if style != current {
                    runs.append("\(x) \(style.summary)")
                    current = style
                }
            }
            let row = y < 10 ? "0\(y)" : "\(y)"
            return "\(row): " + runs.joined(separator: " | ")
        }
    }

    /// The text layer, a separator and the attribute layer, as stored in a golden file.
    public var snapshot: String {
        textLines.joined(separator: "\n") + "\n" + String(repeating: "-", count: max(1, width)) + "\n"
            + attributeLines.joined(separator: "\n") + "\n"
    }
}
