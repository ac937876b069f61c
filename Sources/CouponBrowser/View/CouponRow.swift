import CouponCore

/// One coupon as a list row: every cell sanitised and measured once, when its page arrives.
public struct CouponRow: Sendable, Hashable, Identifiable {
    /// The coupon id, as the API sent it.
    public var id: String { coupon.couponID }
    /// The coupon itself, for the detail.
    public let coupon: Coupon
    /// The position in the server's answer, from 0.
    public let serverIndex: Int
    /// The toggle the row belongs to.
    public let category: StatusCategory
    /// The status word (usable / used / expired / the API's value).
    public let status: DisplayText
    public let name: DisplayText
    /// The amount summary: "满¥100.00减¥20.00", "减至¥1.00", "余额¥30.00".
    public let amount: DisplayText
    /// The end of validity as a date in the display zone.
    public let validityEnd: DisplayText
    public let couponID: DisplayText
    public let stockID: DisplayText
    /// What the text filter matches against: every cell, lower-cased, as UTF-8.
    let searchText: [UInt8]
    /// The amount the amount column sorts by, in fen.
    let amountFen: Int64
    /// The punctuation of the labels the row was built with; its ellipsis marks a cut.
    public let glyphs: GlyphSet

    /// Builds the row of `coupon`, the `serverIndex`-th of its answer.
    public init(
        coupon: Coupon,
        serverIndex: Int,
        labels: Labels,
        time: TimeFormatter,
        options: WidthOptions = .standard
    ) {
        self.coupon = coupon
        self.serverIndex = serverIndex
        let glyphs = labels.glyphs
        self.glyphs = glyphs
        self.category = StatusCategory(coupon.status)
        self.status = DisplayText(labels.statusWord(coupon.status), options: options, glyphs: glyphs)
        self.name = DisplayText(coupon.name, options: options, glyphs: glyphs)
        let (amountText, amountFen) = Self.amountSummary(of: coupon, labels: labels)
        self.amount = DisplayText(trusted: amountText, options: options)
        self.amountFen = amountFen
        self.validityEnd = DisplayText(trusted: coupon.availableEndTime.map(time.date) ?? "", options: options)
        self.couponID = DisplayText(coupon.couponID, options: options, glyphs: glyphs)
        self.stockID = DisplayText(coupon.stockID, options: options, glyphs: glyphs)
        self.searchText = [status.text, name.text, amount.text, couponID.text, stockID.text, validityEnd.text]
            .joined(separator: "\u{1F}").lowercased().utf8.map { $0 }
    }

    /// The cell of `column`.
    public func cell(_ column: ListColumn) -> DisplayText {
        switch column {
        case .status: return status
        case .name: return name
        case .amount: return amount
        case .validityEnd: return validityEnd
        case .couponID: return couponID
        case .stockID: return stockID
        }
    }

    /// The row's cells fitted to `slots`, ready to draw at each slot's `x`.
    ///
    /// A cut ends in `ellipsis`, by default the one of the row's glyph set.
    public func cells(
        in slots: [ColumnSlot],
        ellipsis: String? = nil,
        options: WidthOptions = .standard
    ) -> [String] {
        let ellipsis = ellipsis ?? glyphs.ellipsis
        return slots.map {
            cell($0.column).padded(toWidth: $0.width, alignment: $0.alignment, ellipsis: ellipsis, options: options)
        }
    }

    /// Whether the row contains `needle` (lower-cased UTF-8) in any cell.
    ///
    /// UTF-8 never starts a character inside another, so a byte match is a match of whole characters.
    func matches(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        let haystack = searchText
        guard haystack.count >= needle.count else { return false }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    static func amountSummary(of coupon: Coupon, labels: Labels) -> (String, Int64) {
        if coupon.isMultiUse, let balance = coupon.availableBalance {
            return (labels.rowBalance(balance), balance.fen)
        }
        switch coupon.type {
        case .normal:
            if let normal = coupon.normalInformation {
                return (
                    labels.rowNormal(amount: normal.couponAmount, minimum: normal.transactionMinimum),
                    normal.couponAmount.fen
                )
            }
        case .cutTo:
            if let cut = coupon.cutToMessage {
                return (labels.rowCutTo(price: cut.cutToPrice), cut.cutToPrice.fen)
            }
        case .other:
            break
        }
        if let normal = coupon.normalInformation {
            return (labels.rowNormal(amount: normal.couponAmount, minimum: normal.transactionMinimum), 0)
        }
        return ("-", Int64.min)
    }
}
