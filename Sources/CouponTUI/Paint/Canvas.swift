import CouponBrowser

/// Drawing on a grid with text measured the browser's way: per grapheme cluster, by `DisplayWidth`.
///
/// In ASCII mode every text passes through the browser's `GlyphSet.fold` first, so data and labels
/// reach the terminal with the same ASCII stand-ins the browser's own text uses.
struct Canvas {
    var grid: ScreenGrid
    let width: WidthOptions
    let glyphs: GlyphSet

    init(width: Int, height: Int, widthOptions: WidthOptions, glyphs: GlyphSet) {
        grid = ScreenGrid(width: width, height: height)
        self.width = widthOptions
        self.glyphs = glyphs
    }

    var ellipsis: String { glyphs.ellipsis }

    /// The cells `text` takes as this canvas draws it (ASCII stand-ins included).
    func measure(_ text: String) -> Int {
        DisplayWidth.of(glyphs.fold(text), options: width)
    }

    /// `text` cut to `cells` with the canvas's ellipsis.
    func truncate(_ text: String, to cells: Int) -> String {
        TextLayout.truncated(glyphs.fold(text), toWidth: cells, ellipsis: ellipsis, options: width)
    }

    /// Draws `text` from a position, at most `maxWidth` cells, clipped without an ellipsis.
    ///
    /// Returns the cells drawn. A wide character that would cross `maxWidth` is left out.
    @discardableResult
    mutating func text(_ text: String, x: Int, y: Int, maxWidth: Int, style: CellStyle) -> Int {
        var used = 0
        for character in glyphs.fold(text) {
            let cells = DisplayWidth.of(character, options: width)
            // Zero-width clusters (a lone joiner) take no cell and are dropped; ncurses would misplace them.
            guard cells > 0 else { continue }
            guard used + cells <= maxWidth else { return used }
            let drawn = grid.put(character, cellWidth: min(cells, 2), x: x + used, y: y, style: style)
            guard drawn > 0 else { return used }
            used += drawn
        }
        return used
    }

    /// Draws spans one after another within `width` cells; what does not fit ends in an ellipsis.
    @discardableResult
    mutating func spans(_ spans: [Span], x: Int, y: Int, width: Int) -> Int {
        guard width > 0 else { return 0 }
        let total = spans.reduce(0) { $0 + measure($1.text) }
        var used = 0
        if total <= width {
            for span in spans {
                used += text(span.text, x: x + used, y: y, maxWidth: width - used, style: span.style)
            }
            return used
        }
        let ellipsisWidth = measure(ellipsis)
        let room = max(0, width - ellipsisWidth)
        var lastStyle = spans.first?.style ?? .plain
        for span in spans {
            guard used < room else { break }
            let spanWidth = measure(span.text)
            lastStyle = span.style
            if used + spanWidth <= room {
                used += text(span.text, x: x + used, y: y, maxWidth: room - used, style: span.style)
            } else {
                used += text(span.text, x: x + used, y: y, maxWidth: room - used, style: span.style)
                break
            }
        }
        used += text(ellipsis, x: x + used, y: y, maxWidth: width - used, style: lastStyle)
        return used
    }

    mutating func fill(_ rect: Rect, style: CellStyle) {
        grid.fill(rect, style: style)
    }

    /// A frame around `rect` with `title` in its top edge; the inside is cleared.
    mutating func box(_ rect: Rect, title: String, glyphs: Glyphs, border: CellStyle, titleStyle: CellStyle) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect, style: .plain)
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        for x in (rect.x + 1)..<right {
            grid.put(glyphs.horizontal, cellWidth: 1, x: x, y: rect.y, style: border)
            grid.put(glyphs.horizontal, cellWidth: 1, x: x, y: bottom, style: border)
        }
        for y in (rect.y + 1)..<bottom {
            grid.put(glyphs.vertical, cellWidth: 1, x: rect.x, y: y, style: border)
            grid.put(glyphs.vertical, cellWidth: 1, x: right, y: y, style: border)
        }
        grid.put(glyphs.topLeft, cellWidth: 1, x: rect.x, y: rect.y, style: border)
        grid.put(glyphs.topRight, cellWidth: 1, x: right, y: rect.y, style: border)
        grid.put(glyphs.bottomLeft, cellWidth: 1, x: rect.x, y: bottom, style: border)
        grid.put(glyphs.bottomRight, cellWidth: 1, x: right, y: bottom, style: border)
        if !title.isEmpty, rect.width > 6 {
            let room = rect.width - 4
            let cut = truncate(" " + title + " ", to: room)
            text(cut, x: rect.x + 2, y: rect.y, maxWidth: room, style: titleStyle)
        }
    }
}
