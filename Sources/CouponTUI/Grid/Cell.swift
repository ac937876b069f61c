/// One character cell of the screen.
///
/// A wide glyph occupies two cells: the left one holds the grapheme with width 2, the right one
/// is an explicit continuation (width 0), so nothing else can be drawn into its second half.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown, or a space; empty in a continuation cell.
    public var grapheme: Character?
    /// 1 for a narrow glyph, 2 for the left half of a wide one, 0 for the right half.
    public var width: UInt8
    public var style: CellStyle

    public init(grapheme: Character?, width: UInt8, style: CellStyle) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A space in `style`.
    public static func blank(_ style: CellStyle = .plain) -> Cell {
        Cell(grapheme: " ", width: 1, style: style)
    }

    /// The right half of a wide glyph drawn in `style`.
    public static func continuation(_ style: CellStyle) -> Cell {
        Cell(grapheme: nil, width: 0, style: style)
    }

    /// Whether this cell is the right half of a wide glyph.
    public var isContinuation: Bool { width == 0 }
}
