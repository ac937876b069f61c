/// How one grid cell is handed to ncurses so that ncurses' column count matches the grid's.
///
/// ncurses advances the cursor by `wcwidth` of each code point, while the grid measures whole
/// grapheme clusters. Where the two disagree (an emoji with a variation selector, a character
/// the C library does not know), drawing the cluster as is would shift the rest of the row; the
/// plan then draws the base character and pads with spaces, or a `?` when even that is unknown.
struct GlyphPlan: Hashable, Sendable {
    /// The code points of each cchar to draw, left to right.
    var pieces: [[UInt32]]

    /// The most code points one cchar holds (ncurses' `CCHARW_MAX` is 5, one of them the terminator).
    static let maximumScalars = 4

    /// The plan for `grapheme` in a cell `cellWidth` wide, given the C library's `wcwidth`.
    static func plan(for grapheme: Character, cellWidth: Int, wcwidth: (UInt32) -> Int) -> GlyphPlan {
        let scalars = grapheme.unicodeScalars.map(\.value)
        guard let base = scalars.first, cellWidth > 0 else { return GlyphPlan(pieces: []) }
        let baseWidth = wcwidth(base)
        let restWidths = scalars.dropFirst().map(wcwidth)

        if baseWidth == cellWidth, restWidths.allSatisfy({ $0 == 0 }) {
            return GlyphPlan(pieces: [Array(scalars.prefix(maximumScalars))])
        }
        if baseWidth >= 1, baseWidth <= cellWidth {
            let padding = Array(repeating: [UInt32(0x20)], count: cellWidth - baseWidth)
            return GlyphPlan(pieces: [[base]] + padding)
        }
        // FIXME: a character newer than the C library's Unicode tables is shown as `?`, not as itself.
        let filler: [[UInt32]] = Array(repeating: [UInt32(0x20)], count: cellWidth - 1)
        return GlyphPlan(pieces: [[UInt32(0x3F)]] + filler)
    }
}
