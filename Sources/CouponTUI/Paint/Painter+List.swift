import CouponBrowser

extension Frame {
    /// Column titles with the sort mark, then the rows from the scroll position, the selection
    /// reversed; or, with no rows, why there are none.
    mutating func paintList(in rect: Rect) {
        guard rect.height > 0, rect.width > 0 else { return }
        let slots = browser.columns(width: rect.width)

        for slot in slots {
            let titleWidth = canvas.text(
                slot.title,
                x: rect.x + slot.x,
                y: rect.y,
                maxWidth: slot.width,
                style: style(.heading)
            )
            if let direction = slot.sortDirection {
                let mark = direction == .descending ? glyphs.descending : glyphs.ascending
                canvas.text(
                    mark,
                    x: rect.x + slot.x + min(titleWidth, slot.width - 1),
                    y: rect.y,
                    maxWidth: 1,
                    style: style(.key)
                )
            }
        }

        let viewport = rect.height - 1
        guard viewport > 0 else { return }
        if let empty = browser.emptyState {
            paintEmpty(empty, in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: viewport))
            return
        }

        let list = browser.list
        var start = min(list.scrollTop, max(0, list.shownCount - 1))
        if let selection = list.selection {
            // The error band can take rows the browser counted on; keep the selection in sight.
            if selection >= start + viewport { start = selection - viewport + 1 }
            if selection < start { start = selection }
        }
        let listFocused = browser.focus == .list || browser.focus == .filterPrompt
        for line in 0..<viewport {
            let position = start + line
            guard let row = list.row(at: position) else { break }
            let y = rect.y + 1 + line
            let isSelected = position == list.selection
            let rowStyle: CellStyle? =
                isSelected ? (listFocused ? style(.selection) : style(.selectionInactive)) : nil
            if let rowStyle {
                canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: rowStyle)
            }
            let cells = row.cells(in: slots, options: browser.configuration.width)
            for (slot, text) in zip(slots, cells) {
                let cellStyle = rowStyle ?? style(cellRole(slot.column, row: row))
                canvas.text(text, x: rect.x + slot.x, y: y, maxWidth: slot.width, style: cellStyle)
            }
        }
    }

    private func cellRole(_ column: ListColumn, row: CouponRow) -> Role {
        switch column {
        case .status: return role(for: row.category)
        case .amount: return .money
        case .stockID: return .muted
        case .name, .validityEnd, .couponID: return .text
        }
    }

    private mutating func paintEmpty(_ empty: EmptyState, in rect: Rect) {
        var lines: [(String, Role)] = []
        switch empty {
        case .noLookup(let message):
            lines = [(message, .muted), (labels.pressToLookUp, .text)]
        case .loading(let message):
            lines = [(spinnerText() + message, .key)]
        case .noCoupons(let message, let asked):
            lines = [(message, .text), (asked, .muted)]
        case .allHidden(let message):
            lines = [(message, .warning)]
        case .failed:
            lines = [(labels.lookupFailed, .error)]
        }
        var y = rect.y + min(1, max(0, rect.height - lines.count))
        for (text, role) in lines {
            for piece in TextLayout.wrapped(text, toWidth: max(1, rect.width - 4), options: browser.configuration.width)
            {
                guard y < rect.maxY else { return }
                canvas.text(piece, x: rect.x + 2, y: y, maxWidth: rect.width - 2, style: style(role))
                y += 1
            }
        }
    }

    /// The spinner's current frame and a space, while a request is in flight.
    func spinnerText() -> String {
        guard browser.isLoading, !glyphs.spinner.isEmpty else { return "" }
        return glyphs.spinner[screen.spinnerFrame % glyphs.spinner.count] + " "
    }
}
