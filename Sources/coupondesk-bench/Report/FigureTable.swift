import CouponCore

/// The figures as a Markdown table or as JSON.
enum FigureTable {
    /// A Markdown table: figure, median (min–max), samples, target.
    static func markdown(_ figures: [Figure]) -> String {
        var rows = [["figure", "ours: median (min–max)", "runs", "target"]]
        for figure in figures {
            var target = figure.target ?? ""
            if let meets = figure.meetsTarget, !target.isEmpty { target += meets ? " (met)" : " (MISSED)" }
            rows.append([figure.title, figure.measurement.summary, String(figure.measurement.samples.count), target])
        }
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        var text = ""
        for (index, row) in rows.enumerated() {
            text += line(row, widths: widths)
            if index == 0 { text += line(widths.map { String(repeating: "-", count: $0) }, widths: widths) }
        }
        let notes = figures.compactMap { figure in figure.note.map { "- \(figure.title): \($0)" } }
        if !notes.isEmpty { text += "\n" + notes.joined(separator: "\n") + "\n" }
        return text
    }

    /// `{"figures": [...]}`, one object per figure with every sample.
    static func json(_ figures: [Figure], context: [JSONMember] = []) -> String {
        var output = ""
        JSONValue.object(context + [JSONMember("figures", .array(figures.map(\.json)))]).write(into: &output)
        return output + "\n"
    }

    private static func line(_ cells: [String], widths: [Int]) -> String {
        let padded = cells.enumerated().map { column, cell in
            cell + String(repeating: " ", count: max(0, widths[column] - cell.count))
        }
        return "| " + padded.joined(separator: " | ") + " |\n"
    }
}
