/// A column of the coupon list.
public enum ListColumn: Sendable, Hashable, CaseIterable {
    case status
    case name
    case amount
    case validityEnd
    case couponID
    case stockID

    /// How the column's text sits in its cells.
    public var alignment: TextLayout.Alignment {
        self == .amount ? .right : .left
    }

    /// The sort column this list column sorts by.
    public var sortColumn: SortColumn {
        switch self {
        case .status: return .status
        case .name: return .name
        case .amount: return .amount
        case .validityEnd: return .validityEnd
        case .couponID: return .couponID
        case .stockID: return .stockID
        }
    }
}

/// Where one column goes in a list of a given width.
public struct ColumnSlot: Sendable, Hashable {
    public var column: ListColumn
    /// The first cell of the column, from the left edge of the list pane.
    public var x: Int
    public var width: Int
    public var alignment: TextLayout.Alignment
    /// The title, already fitted to `width` with the sort mark's cell left free when sorted.
    public var title: String
    /// Set on the column the list is sorted by.
    public var sortDirection: SortDirection?
    /// The mark to draw after the title of the sorted column (`▲`/`▼`, `^`/`v` in ASCII mode), in the
    /// cells the title leaves free.
    public var sortMark: String?

    /// Which way a sorted column runs.
    public enum SortDirection: Sendable, Hashable {
        case ascending
        case descending
    }
}

/// Decides which columns of the list fit a width, and how wide each is.
public enum ColumnLayout {
    /// The cells between two columns.
    public static let gap = 1
    /// The least the name column is given before lower-priority columns are dropped.
    public static let minimumNameWidth = 10

    /// The slots for a list `width` cells wide, given each column's widest content (titles included).
    ///
    /// Status and name are always shown; then amount, end date, coupon id and stock id, each only if
    /// it fits with the name column at least `minimumNameWidth` wide. The name takes what is left.
    public static func slots(
        width: Int,
        contentWidths: [ListColumn: Int],
        titles: [ListColumn: String],
        sort: SortOrder,
        options: WidthOptions = .standard,
        glyphs: GlyphSet = .unicode
    ) -> [ColumnSlot] {
        guard width > 0 else { return [] }
        let priority: [ListColumn] = [.amount, .validityEnd, .couponID, .stockID]
        let caps: [ListColumn: Int] = [.status: 12, .amount: 24, .validityEnd: 10, .couponID: 24, .stockID: 20]

        func natural(_ column: ListColumn) -> Int {
            let title = DisplayWidth.of(titles[column] ?? "", options: options) + 1
            let content = contentWidths[column] ?? 0
            return min(max(title, content), caps[column] ?? Int.max)
        }

        let statusWidth = min(natural(.status), max(1, width / 4))
        var chosen: [ListColumn] = []
        var used = statusWidth + gap + minimumNameWidth
        for column in priority {
            let needed = gap + natural(column)
            if used + needed <= width {
                chosen.append(column)
                used += needed
            }
        }
        let fixed = statusWidth + gap + chosen.reduce(0) { $0 + natural($1) + gap }
        let nameWidth = max(1, width - fixed)

        var order: [(ListColumn, Int)] = [(.status, statusWidth), (.name, nameWidth)]
        for column in ListColumn.allCases where chosen.contains(column) {
            order.append((column, natural(column)))
        }
        var slots: [ColumnSlot] = []
        var x = 0
        for (column, columnWidth) in order {
            let clipped = min(columnWidth, max(0, width - x))
            guard clipped > 0 else { break }
            let direction: ColumnSlot.SortDirection? =
                sort.column == column.sortColumn ? (sort.isDescending ? .descending : .ascending) : nil
            let mark = direction.map(glyphs.sortMark)
            let markWidth = mark.map { DisplayWidth.of($0, options: options) } ?? 0
            let titleRoom = max(0, clipped - markWidth)
            let title = TextLayout.truncated(
                titles[column] ?? "",
                toWidth: titleRoom,
                ellipsis: glyphs.ellipsis,
                options: options
            )
            slots.append(
                ColumnSlot(
                    column: column,
                    x: x,
                    width: clipped,
                    alignment: column.alignment,
                    title: title,
                    sortDirection: direction,
                    sortMark: mark
                )
            )
            x += clipped + gap
        }
        return slots
    }
}
