import CouponCore

extension BrowserState {
    /// Puts `page` on screen.
    mutating func show(_ page: LoadedPage, key: CouponQuery, keepingSelection: Bool) {
        let previousID = keepingSelection ? list.selectedRow?.id : nil
        list.source = ListState.Source(key: key, page: page.page)
        list.rows = page.rows
        recount()
        rebuildVisible(keepingSelection: false)
        if let previousID, let position = list.visible.firstIndex(where: { list.rows[$0].id == previousID }) {
            setSelection(position)
        } else {
            list.scrollTop = 0
            setSelection(list.visible.isEmpty ? nil : 0)
        }
    }

    /// Recomputes the status counts and column widths of the rows on screen.
    mutating func recount() {
        var counts: [StatusCategory: Int] = [:]
        var widths: [ListColumn: Int] = [:]
        for row in list.rows {
            counts[row.category, default: 0] += 1
            for column in ListColumn.allCases {
                widths[column] = max(widths[column] ?? 0, row.cell(column).width)
            }
        }
        list.counts = counts
        list.contentWidths = widths
    }

    /// Builds the rows of every cached page again, after a change of language.
    mutating func rebuildRows() {
        let labels = self.labels
        let time = configuration.time
        let options = configuration.width
        for (key, cache) in caches {
            var rebuilt = cache
            for (number, page) in cache.pages {
                let rows = page.rows.map {
                    CouponRow(
                        coupon: $0.coupon,
                        serverIndex: $0.serverIndex,
                        labels: labels,
                        time: time,
                        options: options
                    )
                }
                rebuilt.pages[number] = LoadedPage(
                    page: page.page,
                    rows: rows,
                    totalCount: page.totalCount,
                    limit: page.limit,
                    serverStatus: page.serverStatus,
                    answer: page.answer,
                    receivedAt: page.receivedAt
                )
            }
            caches[key] = rebuilt
        }
        if let source = list.source, let page = caches[source.key]?.pages[source.page] {
            show(page, key: source.key, keepingSelection: true)
        } else {
            list.rows = list.rows.map {
                CouponRow(coupon: $0.coupon, serverIndex: $0.serverIndex, labels: labels, time: time, options: options)
            }
            recount()
            rebuildVisible(keepingSelection: true)
        }
    }

    /// Applies the status toggles, the text filter and the sort to the rows on screen.
    mutating func rebuildVisible(keepingSelection: Bool) {
        let previousID = keepingSelection ? list.selectedRow?.id : nil
        // Rows hold what is shown, so in ASCII mode the filter is folded the same way to match it.
        let needle = Array(configuration.glyphs.fold(textFilter).lowercased().utf8)
        let enabled = statusFilter.enabled
        var visible: [Int] = []
        visible.reserveCapacity(list.rows.count)
        for (index, row) in list.rows.enumerated() where enabled.contains(row.category) && row.matches(needle) {
            visible.append(index)
        }
        if sort.column != .serverOrder {
            let rows = list.rows
            let order = sort
            visible.sort { left, right in
                Self.precedes(rows[left], rows[right], by: order)
            }
        }
        list.visible = visible

        if let previousID, let position = visible.firstIndex(where: { list.rows[$0].id == previousID }) {
            setSelection(position)
        } else {
            setSelection(visible.isEmpty ? nil : min(list.selection ?? 0, visible.count - 1))
        }
    }

    /// Whether `left` comes before `right` in `order`; ties keep the server's order.
    static func precedes(_ left: CouponRow, _ right: CouponRow, by order: SortOrder) -> Bool {
        let comparison: Int
        switch order.column {
        case .serverOrder:
            comparison = 0
        case .status:
            comparison = compare(left.category, right.category)
        case .name:
            // FIXME: code-point order, not pinyin or stroke order; collation needs ICU, which the module avoids.
            comparison = compare(left.name.text, right.name.text)
        case .amount:
            comparison = compare(left.amountFen, right.amountFen)
        case .validityEnd:
            comparison = compare(
                left.coupon.availableEndTime?.secondsSince1970 ?? Int64.max,
                right.coupon.availableEndTime?.secondsSince1970 ?? Int64.max
            )
        case .couponID:
            comparison = compareIDs(left.couponID.text, right.couponID.text)
        case .stockID:
            comparison = compareIDs(left.stockID.text, right.stockID.text)
        }
        if comparison != 0 { return order.isDescending ? comparison > 0 : comparison < 0 }
        return left.serverIndex < right.serverIndex
    }

    private static func compare<T: Comparable>(_ left: T, _ right: T) -> Int {
        left < right ? -1 : (left > right ? 1 : 0)
    }

    /// Ids of digits compare as numbers (shorter first), anything else as text.
    private static func compareIDs(_ left: String, _ right: String) -> Int {
        let digits = { (text: String) in !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        if digits(left), digits(right), left.utf8.count != right.utf8.count {
            return left.utf8.count < right.utf8.count ? -1 : 1
        }
        return compare(left, right)
    }

    // MARK: - Selection

    mutating func move(_ movement: Movement) -> [BrowserEffect] {
        switch focus {
        case .detail:
            let viewport = layout.detailViewportRows
            detailScroll = movement.apply(to: detailScroll, count: maximumDetailScroll + 1, viewport: viewport)
            return []
        case .list:
            guard !list.visible.isEmpty else { return [] }
            let position = movement.apply(
                to: list.selection ?? 0,
                count: list.visible.count,
                viewport: layout.listViewportRows
            )
            setSelection(position)
            return prefetchIfNear()
        case .lookupPrompt, .filterPrompt:
            return []
        }
    }

    /// Selects `position` of the shown rows and scrolls so that it is on screen.
    mutating func setSelection(_ position: Int?) {
        if position != list.selection { detailScroll = 0 }
        list.selection = position
        keepSelectionOnScreen()
    }

    /// Scrolls the list so that the selection is on screen and no space is wasted past the end.
    mutating func keepSelectionOnScreen() {
        let viewport = layout.listViewportRows
        let count = list.visible.count
        var top = min(list.scrollTop, max(0, count - viewport))
        if let selection = list.selection {
            if selection < top { top = selection }
            if selection >= top + viewport { top = selection - viewport + 1 }
        }
        list.scrollTop = max(0, top)
    }

    /// The furthest the detail can scroll in the current layout.
    var maximumDetailScroll: Int {
        let lines = detailLines.count
        return max(0, lines - layout.detailViewportRows)
    }
}
