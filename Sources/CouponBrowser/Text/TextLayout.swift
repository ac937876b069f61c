/// Fitting measured text into a number of terminal cells: truncation, padding and wrapping.
///
/// Every function here takes text that has already been through `Sanitizer`, and measures it with
/// `DisplayWidth`, so a cut never falls inside a grapheme cluster or halfway through a wide character.
public enum TextLayout {
    /// Where text sits in a cell range wider than itself.
    public enum Alignment: Sendable, Hashable {
        case left
        case right
        case center
    }

    /// The ellipsis that marks a cut: `…`; `GlyphSet.ascii.ellipsis` is the ASCII one.
    public static let ellipsis = GlyphSet.unicode.ellipsis

    /// `text` cut to at most `width` cells, ending in `ellipsis` when anything was cut.
    ///
    /// The result may be one cell short of `width` when the next character is a wide one; `padded`
    /// fills that cell. When `width` is narrower than the ellipsis itself, the text is cut without it.
    public static func truncated(
        _ text: String,
        toWidth width: Int,
        ellipsis: String = TextLayout.ellipsis,
        options: WidthOptions = .standard
    ) -> String {
        truncatedMeasured(text, toWidth: width, ellipsis: ellipsis, options: options).text
    }

    /// `text` cut to at most `width` cells, with the width it came to.
    public static func truncatedMeasured(
        _ text: String,
        toWidth width: Int,
        ellipsis: String = TextLayout.ellipsis,
        options: WidthOptions = .standard
    ) -> (text: String, width: Int) {
        guard width > 0 else { return ("", 0) }
        if let ascii = DisplayWidth.asciiWidth(text) {
            if ascii <= width { return (text, ascii) }
            let ellipsisWidth = DisplayWidth.of(ellipsis, options: options)
            let keep = ellipsisWidth <= width ? width - ellipsisWidth : width
            let head = String(decoding: text.utf8.prefix(keep), as: UTF8.self)
            return ellipsisWidth <= width ? (head + ellipsis, keep + ellipsisWidth) : (head, keep)
        }

        let total = DisplayWidth.of(text, options: options)
        if total <= width { return (text, total) }
        let ellipsisWidth = DisplayWidth.of(ellipsis, options: options)
        let room = ellipsisWidth <= width ? width - ellipsisWidth : width
        var head = ""
        var used = 0
        for character in text {
            let cells = DisplayWidth.of(character, options: options)
            if used + cells > room { break }
            head.append(character)
            used += cells
        }
        return ellipsisWidth <= width ? (head + ellipsis, used + ellipsisWidth) : (head, used)
    }

    /// `text` made exactly `width` cells: cut with an ellipsis if longer, filled with spaces if shorter.
    public static func padded(
        _ text: String,
        toWidth width: Int,
        alignment: Alignment = .left,
        ellipsis: String = TextLayout.ellipsis,
        options: WidthOptions = .standard
    ) -> String {
        guard width > 0 else { return "" }
        let (cut, used) = truncatedMeasured(text, toWidth: width, ellipsis: ellipsis, options: options)
        let gap = width - used
        if gap == 0 { return cut }
        switch alignment {
        case .left:
            return cut + String(repeating: " ", count: gap)
        case .right:
            return String(repeating: " ", count: gap) + cut
        case .center:
            let before = gap / 2
            return String(repeating: " ", count: before) + cut + String(repeating: " ", count: gap - before)
        }
    }

    /// `text` broken into lines of at most `width` cells.
    ///
    /// Lines break after a space where one is near enough to the end, otherwise between any two
    /// grapheme clusters (as Chinese text breaks); a line feed always starts a new line.
    public static func wrapped(_ text: String, toWidth width: Int, options: WidthOptions = .standard) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line: [Character] = []
            var lineWidth = 0
            var lastSpace: Int?
            for character in paragraph {
                let cells = DisplayWidth.of(character, options: options)
                if lineWidth + cells > width, !line.isEmpty {
                    if let space = lastSpace, space > 0, space >= line.count / 2 {
                        lines.append(String(line[..<space]))
                        line = Array(line[(space + 1)...])
                    } else {
                        lines.append(String(line))
                        line = []
                    }
                    lineWidth = line.reduce(0) { $0 + DisplayWidth.of($1, options: options) }
                    lastSpace = line.lastIndex(of: " ")
                    if character == " ", line.isEmpty { continue }
                }
                if character == " " { lastSpace = line.count }
                line.append(character)
                lineWidth += cells
            }
            lines.append(String(line))
        }
        return lines
    }
}
