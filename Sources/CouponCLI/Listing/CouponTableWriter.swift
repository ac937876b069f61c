import CouponCore

/// The `table` format: aligned columns measured by display width, amounts in yuan, data sanitised.
struct CouponTableWriter {
    var language: Language
    /// The width to fit, when the output is a terminal of known width.
    var columns: Int?
    /// The profile's time zone; times in another offset are shown with it.
    var timeZone: String

    private struct Column {
        var header: String
        var alignment: DisplayText.Alignment
        var value: (Coupon) -> String
        var maximumWidth: Int
    }

    /// The table and a summary line.
    func document(_ collection: CouponCollection, mode: CouponQuery.Mode) -> String {
        guard !collection.coupons.isEmpty else {
            return summary(collection, mode: mode) + "\n"
        }
        var columns = tableColumns()
        var cells = collection.coupons.map { coupon in columns.map { DisplayText($0.value(coupon)) } }
        var headers = columns.map { DisplayText($0.header) }

        func widths() -> [Int] {
            columns.indices.map { index in
                let widest = cells.map { $0[index].width }.max() ?? 0
                return min(max(widest, headers[index].width), columns[index].maximumWidth)
            }
        }
        var widths = widths()
        if let available = self.columns {
            // Shrink the name first, then drop the stock and validity columns, until the table fits.
            let nameIndex = 2
            let total = { (widths: [Int]) in widths.reduce(0, +) + 2 * (widths.count - 1) }
            if total(widths) > available {
                widths[nameIndex] = max(10, widths[nameIndex] - (total(widths) - available))
            }
            for dropped in ["stock", "validity"] where total(widths) > available {
                let index = dropped == "stock" ? columns.count - 1 : columns.count - 2
                columns.remove(at: index)
                headers.remove(at: index)
                cells = cells.map { row in
                    var row = row
                    row.remove(at: index)
                    return row
                }
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

    private func render(_ row: [DisplayText], widths: [Int], alignments: [DisplayText.Alignment]) -> String {
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

    private func tableColumns() -> [Column] {
        let chinese = language == .chinese
        return [
            Column(header: chinese ? "状态" : "STATUS", alignment: .left, value: statusWord, maximumWidth: 12),
            Column(header: chinese ? "券ID" : "COUPON ID", alignment: .left, value: \.couponID, maximumWidth: 32),
            Column(header: chinese ? "名称" : "NAME", alignment: .left, value: \.name, maximumWidth: 40),
            Column(header: chinese ? "金额" : "AMOUNT", alignment: .right, value: amountSummary, maximumWidth: 40),
            Column(header: chinese ? "有效期至" : "VALID UNTIL", alignment: .left, value: validUntil, maximumWidth: 24),
            Column(header: chinese ? "批次号" : "STOCK ID", alignment: .left, value: \.stockID, maximumWidth: 32),
        ]
    }

    func statusWord(_ coupon: Coupon) -> String {
        let chinese = language == .chinese
        switch coupon.status {
        case .usable: return chinese ? "可用" : "usable"
        case .used: return chinese ? "已使用" : "used"
        case .expired: return chinese ? "已过期" : "expired"
        case .other(let value): return value.isEmpty ? "?" : value
        }
    }

    /// The discount in a few words: `¥20.00 off ¥100.00`, `cut to ¥1.00`, with the balance of credit.
    func amountSummary(_ coupon: Coupon) -> String {
        let chinese = language == .chinese
        var text = ""
        switch coupon.type {
        case .normal:
            if let normal = coupon.normalInformation {
                if normal.transactionMinimum.fen > 0 {
                    text =
                        chinese
                        ? "满\(normal.transactionMinimum.yuanText)减\(normal.couponAmount.yuanText)"
                        : "\(normal.couponAmount.yuanText) off \(normal.transactionMinimum.yuanText)"
                } else {
                    text = chinese ? "无门槛\(normal.couponAmount.yuanText)" : normal.couponAmount.yuanText
                }
            }
        case .cutTo:
            if let cut = coupon.cutToMessage {
                text = chinese ? "减至\(cut.cutToPrice.yuanText)" : "cut to \(cut.cutToPrice.yuanText)"
            }
        case .other(let value):
            text = value
        }
        if coupon.isMultiUse, let balance = coupon.availableBalance {
            let part = chinese ? "余\(balance.yuanText)" : "balance \(balance.yuanText)"
            text = text.isEmpty ? part : text + ", " + part
        }
        return text
    }

    /// `2026-12-31 23:59` in the time the API wrote, with its offset when that is not the profile's zone.
    // FIXME: converts no time zone; shows the API's own offset until the browser's time formatter is used.
    func validUntil(_ coupon: Coupon) -> String {
        guard let end = coupon.availableEndTime else { return "" }
        let local = end.secondsSince1970 + Int64(end.utcOffsetSeconds)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let date = APITimestamp.civilDate(daysSince1970: days)
        let second = Int(local - days * 86_400)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(date.year)-\(two(date.month))-\(two(date.day)) \(two(second / 3600)):\(two(second / 60 % 60))"
        let isShanghaiOffset = end.utcOffsetSeconds == 8 * 3600
        if !(isShanghaiOffset && ["Asia/Shanghai", "PRC", "Asia/Chongqing"].contains(timeZone)) {
            let offset = end.utcOffsetSeconds
            let sign = offset < 0 ? "-" : "+"
            text += " \(sign)\(two(abs(offset) / 3600)):\(two(abs(offset) / 60 % 60))"
        }
        return text
    }

    /// One line saying what the table holds, and how sure it is.
    func summary(_ collection: CouponCollection, mode: CouponQuery.Mode) -> String {
        let chinese = language == .chinese
        let count = collection.coupons.count
        let requestIDs = collection.responses.compactMap(\.requestID)
        var parts: [String] = []
        switch mode {
        case .usableAt(let mchid):
            parts.append(chinese ? "在 \(mchid) 可用的券共 \(count) 张（一次返回）" : "\(count) usable at \(mchid) (one answer)")
        case .issuedBy:
            if collection.responses.count > 1 {
                let pages = collection.responses.count
                parts.append(
                    chinese
                        ? "共 \(count) 张，\(pages) 页，从第 \(collection.offset + 1) 页起；total_count \(collection.totalCount)"
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
                        ? "第 \(collection.offset + 1)/\(pages) 页 · 第 \(range) 张，共 \(collection.totalCount) 张"
                        : "page \(collection.offset + 1) of \(pages) · \(range) of \(collection.totalCount)"
                )
            }
        }
        if count == 0 {
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
