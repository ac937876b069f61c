/// One line of the detail as drawn: a label column and the text beside it, both already fitted.
public struct DetailLine: Sendable, Hashable {
    /// What the line is, so the painter can style it.
    public enum Role: Sendable, Hashable {
        /// The coupon's name, at the top.
        case title
        /// A group's title.
        case groupTitle
        /// The first line of a labelled value.
        case field
        /// A further line of a value that wrapped.
        case continuation
        case tableHeader
        case tableRow
        /// The total row of a table.
        case tableTotal
        case blank
    }

    public var role: Role
    /// The label, padded to the label column (empty on lines without one).
    public var label: String
    /// The text after the label, at most the remaining width.
    public var text: String

    public init(role: Role, label: String = "", text: String = "") {
        self.role = role
        self.label = label
        self.text = text
    }
}

extension CouponDetail {
    /// The detail laid out for a pane `width` cells wide: values wrapped, tables fitted.
    ///
    /// A cut ends in `ellipsis`, by default the one of the detail's glyph set.
    public func lines(
        width: Int,
        ellipsis: String? = nil,
        options: WidthOptions = .standard
    ) -> [DetailLine] {
        guard width > 0 else { return [] }
        let ellipsis = ellipsis ?? glyphs.ellipsis
        var lines: [DetailLine] = []
        for titleLine in TextLayout.wrapped(title, toWidth: width, options: options) {
            lines.append(DetailLine(role: .title, text: titleLine))
        }
        for group in groups {
            lines.append(DetailLine(role: .blank))
            lines.append(
                DetailLine(
                    role: .groupTitle,
                    text: TextLayout.truncated(group.title, toWidth: width, ellipsis: ellipsis, options: options)
                )
            )
            let labelWidth = DetailLayout.labelColumn(
                width: width,
                labelWidths: group.items.compactMap { item in
                    guard case .field(_, let label, _) = item else { return nil }
                    return DisplayWidth.of(label, options: options)
                }
            )
            for item in group.items {
                switch item {
                case .field(_, let label, let value):
                    let labelCells = DisplayWidth.of(label, options: options)
                    guard labelCells + DetailLayout.labelGap <= labelWidth else {
                        // A label too long for the column gets a line of its own, and its value the lines
                        // below, indented, rather than being cut in the middle of a word.
                        lines.append(
                            DetailLine(
                                role: .field,
                                label: TextLayout.truncated(label, toWidth: width, ellipsis: ellipsis, options: options)
                            )
                        )
                        let indent = min(DetailLayout.labelGap, width - 1)
                        let wrapped = TextLayout.wrapped(value, toWidth: width - indent, options: options)
                        for text in wrapped.isEmpty ? [""] : wrapped {
                            lines.append(
                                DetailLine(
                                    role: .continuation,
                                    label: String(repeating: " ", count: indent),
                                    text: text
                                )
                            )
                        }
                        continue
                    }
                    let valueWidth = max(1, width - labelWidth)
                    let wrapped = TextLayout.wrapped(value, toWidth: valueWidth, options: options)
                    let paddedLabel = TextLayout.padded(
                        label,
                        toWidth: labelWidth,
                        ellipsis: ellipsis,
                        options: options
                    )
                    for (index, text) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                        lines.append(
                            DetailLine(
                                role: index == 0 ? .field : .continuation,
                                label: index == 0 ? paddedLabel : String(repeating: " ", count: labelWidth),
                                text: text
                            )
                        )
                    }
                case .table(let table):
                    lines.append(contentsOf: table.lines(width: width, ellipsis: ellipsis, options: options))
                }
            }
        }
        return lines
    }
}

/// How wide the detail's label column is.
enum DetailLayout {
    /// The blank cells between a label and its value.
    static let labelGap = 2

    /// The least room a value keeps beside the label column, while the pane has it.
    static let minimumValueWidth = 20

    /// The label column of a group in a pane `width` cells wide: its widest label and the gap, as long
    /// as that leaves the value at least `minimumValueWidth` cells and takes at most half the pane.
    ///
    /// A third of the pane is always allowed, so a narrow pane still shows short labels beside their
    /// values; a label wider than the column goes on a line of its own.
    static func labelColumn(width: Int, labelWidths: [Int]) -> Int {
        let widest = (labelWidths.max() ?? 0) + labelGap
        let fitting = labelWidths.map { $0 + labelGap }.filter { $0 <= limit(width: width) }.max() ?? 0
        return widest <= limit(width: width) ? widest : fitting
    }

    private static func limit(width: Int) -> Int {
        max(width / 3, min(width / 2, width - minimumValueWidth))
    }
}

extension DetailTable {
    /// The table as lines at most `width` cells wide; the first column gives up room first.
    public func lines(
        width: Int,
        ellipsis: String = TextLayout.ellipsis,
        options: WidthOptions = .standard
    ) -> [DetailLine] {
        let gap = 2
        let all = [titles] + rows + (total.map { [$0] } ?? [])
        var widths = titles.indices.map { column in
            all.reduce(0) { max($0, column < $1.count ? DisplayWidth.of($1[column], options: options) : 0) }
        }
        let needed = widths.reduce(0, +) + gap * max(0, widths.count - 1)
        if needed > width, !widths.isEmpty {
            widths[0] = max(4, widths[0] - (needed - width))
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (column, columnWidth) in widths.enumerated() {
                if column > 0 { text += String(repeating: " ", count: gap) }
                let cell = column < cells.count ? cells[column] : ""
                let alignment = column < alignments.count ? alignments[column] : .left
                text += TextLayout.padded(
                    cell,
                    toWidth: columnWidth,
                    alignment: alignment,
                    ellipsis: ellipsis,
                    options: options
                )
            }
            return TextLayout.truncated(text, toWidth: width, ellipsis: ellipsis, options: options)
        }
        var lines = [DetailLine(role: .tableHeader, text: line(titles))]
        lines += rows.map { DetailLine(role: .tableRow, text: line($0)) }
        if let total {
            lines.append(DetailLine(role: .tableTotal, text: line(total)))
        }
        return lines
    }
}
