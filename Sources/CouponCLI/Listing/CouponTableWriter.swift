import CouponBrowser
import CouponCore

/// The `table` format: the browser's list rows as aligned columns, amounts in yuan, data sanitised.
struct CouponTableWriter {
    var language: Language
    /// The width to fit, when the output is a terminal of known width.
    var columns: Int?
    /// Shows times in the profile's zone, with the offset when it is not the viewer's.
    var time: TimeFormatter

    private struct Column {
        var header: String
        var alignment: TextLayout.Alignment
        var value: (CouponRow) -> DisplayText
        var maximumWidth: Int
    }

    /// The table and a summary line.
    func document(_ collection: CouponCollection, mode: CouponQuery.Mode) -> String {
        guard !collection.coupons.isEmpty else {
            return summary(collection, mode: mode) + "\n"
        }
        let labels = Labels(language)
        let rows = collection.coupons.enumerated().map { index, coupon in
            CouponRow(coupon: coupon, serverIndex: index, labels: labels, time: time)
        }
        var columns = tableColumns(labels)
        var cells = rows.map { row in columns.map { $0.value(row) } }
        var headers = columns.map { DisplayText($0.header) }

        var widths = columns.indices.map { index in
            let widest = cells.map { $0[index].width }.max() ?? 0
            return min(max(widest, headers[index].width), columns[index].maximumWidth)
        }
        if let available = self.columns {
            // Shrink the name first, then drop the stock and validity columns, until the table fits.
            let nameIndex = 2
            let total = { (widths: [Int]) in widths.reduce(0, +) + 2 * (widths.count - 1) }
            if total(widths) > available {
                widths[nameIndex] = max(10, widths[nameIndex] - (total(widths) - available))
            }
            for _ in 0..<2 where total(widths) > available {
                let index = columns.count - 1
                columns.remove(at: index)
                headers.remove(at: index)
                cells = cells.map { Array($0.dropLast()) }
                widths.remove(at: index)
            }
        }

        var lines: [String] = []
        lines.append(render(headers, widths: widths, alignments: columns.map(\.alignment)))
        for row in cells {
            lines.append(render(row, widths: widths, alignments: columns.map(\.alignment)))
        }
        lines.append("")
        lines.append(summary(collection, mode: mode))
        return lines.joined(separator: "\n") + "\n"
    }

    private func render(_ row: [DisplayText], widths: [Int], alignments: [TextLayout.Alignment]) -> String {
        var line = ""
        for index in row.indices {
            let isLast = index == row.count - 1
            if isLast, alignments[index] == .left, row[index].width <= widths[index] {
                line += row[index].text
            } else {
                line += row[index].padded(toWidth: widths[index], alignment: alignments[index])
            }
            if !isLast { line += "  " }
        }
        return line
    }

    private func tableColumns(_ labels: Labels) -> [Column] {
        [
            Column(header: labels.columnTitle(.status), alignment: .left, value: \.status, maximumWidth: 12),
            Column(header: labels.columnTitle(.couponID), alignment: .left, value: \.couponID, maximumWidth: 32),
            Column(header: labels.columnTitle(.name), alignment: .left, value: \.name, maximumWidth: 40),
            Column(header: labels.columnTitle(.amount), alignment: .right, value: \.amount, maximumWidth: 40),
            Column(
                header: labels.columnTitle(.validityEnd),
                alignment: .left,
                value: { row in DisplayText(row.coupon.availableEndTime.map(time.dateTime) ?? "") },
                maximumWidth: 32
            ),
            Column(header: labels.columnTitle(.stockID), alignment: .left, value: \.stockID, maximumWidth: 32),
        ]
    }

    /// One line saying what the table holds, and how sure it is.
    func summary(_ collection: CouponCollection, mode: CouponQuery.Mode) -> String {
        let chinese = language == .chinese
        let count = collection.coupons.count
        let requestIDs = collection.responses.compactMap(\.requestID)
        var parts: [String] = []
        switch mode {
        case .usableAt(let mchid):
            parts.append(
                chinese ? "在 \(mchid) 可用的券共 \(count) 张（一次返回）" : "\(count) usable at \(mchid) (one answer)"
            )
        case .issuedBy:
            if collection.responses.count > 1 {
                let pages = collection.responses.count
                parts.append(
                    chinese
                        ? "共 \(count) 张，\(pages) 页，从第 \(collection.offset + 1) 页起；"
                            + "total_count \(collection.totalCount)"
                        : "\(count) coupons from \(pages) pages, starting at page \(collection.offset + 1); "
                            + "total_count \(collection.totalCount)"
                )
            } else {
                let limit = max(collection.limit, 1)
                let pages = max(1, (collection.totalCount + limit - 1) / limit)
                let first = collection.offset * limit + 1
                let range = count == 0 ? "0" : "\(first)–\(first + count - 1)"
                parts.append(
                    chinese
                        ? "第 \(collection.offset + 1)/\(pages) 页 · 第 \(range) 张，"
                            + "共 \(collection.totalCount) 张"
                        : "page \(collection.offset + 1) of \(pages) · \(range) of \(collection.totalCount)"
                )
            }
        }
        if count == 0, collection.totalCount > 0 {
            // An empty page past the end is not an empty user: say how many pages there are.
            let limit = max(collection.limit, 1)
            let pages = (collection.totalCount + limit - 1) / limit
            let page = collection.offset + 1
            parts = [
                chinese
                    ? "第 \(page) 页没有券：共 \(collection.totalCount) 张，\(pages) 页"
                    : "page \(page) is past the end: total_count \(collection.totalCount) in \(pages) pages"
            ]
        } else if count == 0 {
            parts = [chinese ? "此用户在这些条件下没有券" : "no coupons for this user under these filters"]
        }
        if let serial = collection.responses.last?.verifiedBySerial {
            parts.append(chinese ? "已验签 (\(serial))" : "verified (\(serial))")
        }
        if requestIDs.count == 1, let id = requestIDs.first {
            parts.append("Request-ID \(id)")
        }
        return Sanitizer.sanitize(parts.joined(separator: " · "))
    }
}
