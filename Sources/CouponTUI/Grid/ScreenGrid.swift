import CouponBrowser

/// The whole screen as cells: what the painter draws and the terminal layer copies out.
///
/// Every write keeps wide glyphs whole: a glyph that would not fit before the right edge is not
/// drawn, and overwriting either half of a wide glyph blanks its other half.
public struct ScreenGrid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor is shown (in a text field), or `nil` to hide it.
    public var cursor: Position?

    public init(width: Int, height: Int, style: CellStyle = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    /// The whole screen as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a column and row; a blank for positions off the screen.
    public subscript(x: Int, y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank() }
        return cells[y * width + x]
    }

    /// Whether the position is on the screen.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Fills `rect` (clipped to the screen) with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: CellStyle) {
        let left = max(0, rect.x)
        let right = min(width, rect.maxX)
        let top = max(0, rect.y)
        let bottom = min(height, rect.maxY)
        guard left < right, top < bottom else { return }
        for y in top..<bottom {
            blankHalves(x: left, y: y, style: style)
            blankHalves(x: right - 1, y: y, style: style)
            for x in left..<right {
                cells[y * width + x] = .blank(style)
            }
        }
    }

    /// Puts one grapheme of `cellWidth` columns (1 or 2) at a position, or nothing when it does not fit.
    ///
    /// Returns the columns used: `cellWidth`, or 0 when nothing was drawn.
    @discardableResult
    public mutating func put(_ grapheme: Character, cellWidth: Int, x: Int, y: Int, style: CellStyle) -> Int {
        guard cellWidth == 1 || cellWidth == 2 else { return 0 }
        guard contains(x: x, y: y), x + cellWidth <= width else { return 0 }
        blankHalves(x: x, y: y, style: style)
        if cellWidth == 2 {
            blankHalves(x: x + 1, y: y, style: style)
        }
        cells[y * width + x] = Cell(grapheme: grapheme, width: UInt8(cellWidth), style: style)
        if cellWidth == 2 {
            cells[y * width + x + 1] = .continuation(style)
        }
        return cellWidth
    }

    /// Adds attributes to every cell of `rect`, keeping what is drawn there.
    public mutating func addAttributes(_ attributes: TextAttributes, in rect: Rect) {
        for index in indices(in: rect) {
            cells[index].style.attributes.formUnion(attributes)
        }
    }

    /// Changes the style of every cell of `rect`, keeping what is drawn there.
    public mutating func restyle(_ rect: Rect, style: CellStyle) {
        for index in indices(in: rect) {
            cells[index].style = style
        }
    }

    /// Blanks the other half of a wide glyph that the cell at `x` belongs to, before that cell is replaced.
    private mutating func blankHalves(x: Int, y: Int, style: CellStyle) {
        guard contains(x: x, y: y) else { return }
        let index = y * width + x
        let cell = cells[index]
        if cell.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
            cells[index] = .blank(cell.style)
        } else if cell.width == 2, x + 1 < width {
            cells[index + 1] = .blank(cells[index + 1].style)
            cells[index] = .blank(cell.style)
        }
    }

    private func indices(in rect: Rect) -> [Int] {
        let left = max(0, rect.x)
        let right = min(width, rect.maxX)
        let top = max(0, rect.y)
        let bottom = min(height, rect.maxY)
        guard left < right, top < bottom else { return [] }
        return (top..<bottom).flatMap { y in (left..<right).map { y * width + $0 } }
    }
}

/// A cell position on the screen.
public struct Position: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}
