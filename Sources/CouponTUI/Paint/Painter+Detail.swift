import CouponBrowser

extension Frame {
    /// The selected coupon's detail from the scroll position, with marks where more is above or below.
    mutating func paintDetail(in rect: Rect) {
        guard rect.height > 0, rect.width > 0 else { return }
        let lines = browser.detailLines
        guard !lines.isEmpty else {
            if browser.lookup != nil, browser.emptyState == nil {
                canvas.text(
                    labels.noSelection,
                    x: rect.x + 1,
                    y: rect.y,
                    maxWidth: rect.width - 1,
                    style: style(.muted)
                )
            }
            return
        }
        let start = min(browser.detailScroll, max(0, lines.count - 1))
        for offset in 0..<rect.height {
            let index = start + offset
            guard index < lines.count else { break }
            paintDetailLine(lines[index], x: rect.x, y: rect.y + offset, width: rect.width)
        }
        if start > 0 {
            canvas.text(glyphs.ascending, x: rect.maxX - 1, y: rect.y, maxWidth: 1, style: style(.key))
        }
        if start + rect.height < lines.count {
            canvas.text(glyphs.descending, x: rect.maxX - 1, y: rect.maxY - 1, maxWidth: 1, style: style(.key))
        }
    }

    private mutating func paintDetailLine(_ line: DetailLine, x: Int, y: Int, width: Int) {
        switch line.role {
        case .title:
            canvas.text(line.text, x: x, y: y, maxWidth: width, style: style(.text).adding(.bold))
        case .groupTitle:
            canvas.text(line.text, x: x, y: y, maxWidth: width, style: style(.heading))
        case .field, .continuation:
            var label = line.label
            let labelWidth = canvas.measure(label)
            if labelWidth > 1, let last = label.last, !last.isWhitespace {
                // A label as wide as its column would run into its value; keep one cell between them.
                label = canvas.truncate(label, to: labelWidth - 1)
            }
            canvas.text(label, x: x, y: y, maxWidth: labelWidth, style: style(.label))
            canvas.text(line.text, x: x + labelWidth, y: y, maxWidth: width - labelWidth, style: style(.text))
        case .tableHeader:
            canvas.text(line.text, x: x, y: y, maxWidth: width, style: style(.label).adding(.underline))
        case .tableRow:
            canvas.text(line.text, x: x, y: y, maxWidth: width, style: style(.text))
        case .tableTotal:
            canvas.text(line.text, x: x, y: y, maxWidth: width, style: style(.money))
        case .blank:
            break
        }
    }
}
