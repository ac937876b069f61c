import CouponCore

extension BrowserState {
    // MARK: - List

    /// The columns that fit the list pane, with titles and the sort mark.
    public var columns: [ColumnSlot] {
        columns(width: layout.list.width)
    }

    /// The columns that fit a list `width` cells wide.
    public func columns(width: Int) -> [ColumnSlot] {
        var titles: [ListColumn: String] = [:]
        for column in ListColumn.allCases { titles[column] = labels.columnTitle(column) }
        return ColumnLayout.slots(
            width: width,
            contentWidths: list.contentWidths,
            titles: titles,
            sort: sort,
            options: configuration.width,
            glyphs: configuration.glyphs
        )
    }

    /// The rows in the list pane, from the scroll position down.
    public var rowsOnScreen: [VisibleRow] {
        let viewport = layout.listViewportRows
        let start = min(list.scrollTop, list.visible.count)
        let end = min(list.visible.count, start + viewport)
        return (start..<end).compactMap { position in
            list.row(at: position).map {
                VisibleRow(row: $0, position: position, isSelected: position == list.selection)
            }
        }
    }

    /// The selected coupon's row.
    public var selectedRow: CouponRow? { list.selectedRow }

    // MARK: - Detail

    /// The detail of the selected coupon.
    public var detail: CouponDetail? {
        guard let row = list.selectedRow else { return nil }
        return CouponDetail(coupon: row.coupon, labels: labels, time: configuration.time, now: now)
    }

    /// The detail laid out for the detail pane.
    public var detailLines: [DetailLine] {
        detail?.lines(width: layout.detail.width, options: configuration.width) ?? []
    }

    /// The detail lines on screen, from the scroll position.
    public var detailLinesOnScreen: ArraySlice<DetailLine> {
        let lines = detailLines
        let start = min(detailScroll, lines.count)
        return lines[start..<min(lines.count, start + layout.detailViewportRows)]
    }

    // MARK: - Paging and filters

    /// Where the rows on screen sit in the server's answer.
    public var pageSummary: PageSummary? {
        guard let source = list.source, let page = caches[source.key]?.pages[source.page] else { return nil }
        let paged = lookup?.mode.isPaged ?? true
        let limit = max(1, page.limit)
        // Row numbers saturate rather than trap on a `total_count` no real answer has.
        let (before, overflow) = page.page.multipliedReportingOverflow(by: limit)
        let offset = overflow ? Int.max - page.rows.count : min(before, Int.max - page.rows.count)
        return PageSummary(
            page: page.page + 1,
            pageCount: paged ? Self.pageCount(total: page.totalCount, limit: limit) : 1,
            firstRow: page.rows.isEmpty ? 0 : offset + 1,
            lastRow: page.rows.isEmpty ? 0 : offset + page.rows.count,
            total: page.totalCount,
            isWholeAnswer: !paged,
            receivedAt: page.receivedAt,
            isStale: isStale(page)
        )
    }

    /// Whether `page` is old enough for the status line to say when it was fetched.
    func isStale(_ page: LoadedPage) -> Bool {
        now - page.receivedAt >= configuration.staleAfterSeconds
    }

    /// The query mode of the rows on screen (they may be the previous query's while another loads).
    var shownMode: QueryMode {
        guard let key = list.source?.key else { return lookup?.mode ?? queryMode }
        switch key.mode(callerMchid: configuration.callerMchid) {
        case .issuedBy: return .issuedBy
        case .usableAt: return .usableAt
        }
    }

    /// What the filters applied here hide of the rows loaded.
    public var localFilter: LocalFilterReport {
        let serverStatus = list.source.flatMap { caches[$0.key]?.pages[$0.page]?.serverStatus }
        // Toggles hide rows here when the query can return a status that is off, or when rows of
        // such a status came anyway.
        let filtersStatus =
            statusFilter.filtersLocally(givenServerStatus: serverStatus, in: shownMode)
            || list.counts.contains { !statusFilter.isOn($0.key) && $0.value > 0 }
        return LocalFilterReport(
            filtersStatus: filtersStatus,
            filtersText: !textFilter.isEmpty,
            loadedRows: list.rows.count,
            shownRows: list.visible.count
        )
    }

    /// The status toggles with their counts over the rows on screen.
    ///
    /// A status the query cannot return has no count (rather than a misleading 0), unless rows of it came anyway.
    public var statusToggles: [StatusToggle] {
        let loadedStatus = list.source.flatMap { caches[$0.key]?.pages[$0.page]?.serverStatus }
        let covered = StatusFilter.coverage(ofServerStatus: loadedStatus, in: shownMode)
        let hasRows = list.source != nil
        let pageOnly = !(pageSummary?.holdsEveryRow ?? true)
        return StatusCategory.allCases.map { category in
            let count = list.counts[category, default: 0]
            return StatusToggle(
                category: category,
                name: labels.categoryName(category),
                isOn: statusFilter.isOn(category),
                count: hasRows && (covered.contains(category) || count > 0) ? count : nil,
                countsThisPageOnly: hasRows && pageOnly
            )
        }
    }

    /// The current query in words, once a user is looked up.
    public var serverQuery: ServerQuerySummary? {
        guard let lookup, let query = query(page: requestedPage) else { return nil }
        let caller = configuration.callerMchid
        let parameters = query.parameters(callerMchid: caller)
            .filter { $0.name != "offset" && $0.name != "limit" }
            .map { QueryParameter(name: $0.name, value: Sanitizer.sanitize($0.value, glyphs: configuration.glyphs)) }
        var notes: [QueryNote] = []
        switch lookup.mode {
        case .issuedBy:
            if statusFilter.isOn(.expired) { notes.append(.expiredNeverReturned) }
        case .usableAt:
            notes.append(.usableOnly)
        }
        if !lookup.requestedButIgnored.isEmpty { notes.append(.ignoredParameters(lookup.requestedButIgnored)) }
        return ServerQuerySummary(
            mode: lookup.mode,
            merchantMchid: lookup.merchantMchid(callerMchid: caller),
            parameters: parameters,
            ignoredByAPI: lookup.mode.parametersIgnoredByAPI,
            notes: notes
        )
    }

    // MARK: - Header, status line, empty list

    /// The header.
    public var header: HeaderModel {
        let query = serverQuery
        let glyphs = configuration.glyphs
        let clean = { (text: String) in Sanitizer.sanitize(text, glyphs: glyphs) }
        var notes = query?.notes.map { glyphs.fold(labels.note($0)) } ?? []
        if let summary = pageSummary, !summary.holdsEveryRow { notes.append(labels.pageOnly) }
        let time = configuration.time
        if time.showsOffset(at: now) {
            let offset = TimeFormatter.offsetText(time.displayZone.offset(at: now))
            notes.append(labels.timesIn(zone: clean(time.displayZone.identifier), offset: offset))
        }
        return HeaderModel(
            profileName: configuration.profileName.map(clean),
            callerMchid: clean(configuration.callerMchid),
            mode: lookup?.mode ?? queryMode,
            modeName: labels.modeName(lookup?.mode ?? queryMode),
            query: query,
            openid: lookup.map { clean($0.openid) },
            appid: lookup.map { clean($0.appid) },
            toggles: statusToggles,
            sort: sort,
            sortText: labels.sortSummary(sort),
            textFilter: textFilter.isEmpty ? nil : clean(textFilter),
            notes: notes
        )
    }

    /// The status line.
    public var statusLine: StatusLineModel {
        var segments: [StatusSegment] = []
        let summary = pageSummary
        if let summary {
            var text =
                summary.isWholeAnswer
                ? labels.wholeAnswer(count: summary.total)
                : labels.pageSummary(
                    page: summary.page,
                    pageCount: summary.pageCount,
                    firstRow: summary.firstRow,
                    lastRow: summary.lastRow,
                    total: summary.total
                )
            if summary.isStale {
                text = labels.pageSummary(text, asOf: configuration.time.stamp(summary.receivedAt, now: now))
            }
            segments.append(StatusSegment(kind: .page, text: text))
        }
        let filter = localFilter
        if filter.isActive, list.source != nil {
            let text = labels.filteredLocally(
                shown: filter.shownRows,
                loaded: filter.loadedRows,
                wholeAnswer: summary?.holdsEveryRow ?? true
            )
            segments.append(StatusSegment(kind: .localFilter, text: text))
        }
        if let page = loadingPage {
            let text = list.source == nil ? labels.loading : labels.loadingPage(page)
            segments.append(StatusSegment(kind: .loading, text: text))
        }
        // Rows of an earlier query stay marked as such until the current one brings its own, loading or failed.
        if isShowingPreviousQuery {
            segments.append(StatusSegment(kind: .previous, text: labels.showingPrevious))
        }
        if let error {
            segments.append(StatusSegment(kind: .error, text: errorText(error)))
        }
        if let notice {
            segments.append(StatusSegment(kind: notice.kind == .info ? .notice : .warning, text: notice.text))
        }
        if let answer = lastAnswer {
            segments.append(
                StatusSegment(kind: .latency, text: labels.latency(milliseconds: answer.latencyMilliseconds))
            )
        }
        if let shown = list.source.flatMap({ caches[$0.key]?.pages[$0.page] }) {
            segments.append(
                StatusSegment(
                    kind: .verified,
                    text: labels.verified(
                        serial: Sanitizer.sanitize(shown.answer.verifiedBySerial, glyphs: configuration.glyphs)
                    )
                )
            )
        }
        return StatusLineModel(segments: segments, isLoading: isLoading)
    }

    /// The error in one line: code and message, explanation, next step, Request-ID and verification.
    ///
    /// When the failed page is not the page whose rows are on screen, the line starts by saying which page it was.
    public func errorText(_ error: BrowserError) -> String {
        let report = error.report
        let glyphs = configuration.glyphs
        let clean = { (text: String) in Sanitizer.sanitize(text, glyphs: glyphs) }
        var parts = [clean(report.code)]
        if !report.message.isEmpty, report.message != report.code {
            parts[0] += ": " + clean(report.message)
        }
        if let failed = error.page, list.source != nil, failed != shownPage.map({ $0.page + 1 }) {
            parts[0] = labels.pageNotLoaded(failed) + parts[0]
        }
        if !report.explanation.isEmpty, report.explanation != report.message {
            parts.append(clean(report.explanation))
        }
        if !report.nextStep.isEmpty { parts.append(clean(report.nextStep)) }
        if let requestID = report.requestID { parts.append("Request-ID " + clean(requestID)) }
        parts.append(labels.errorVerification(report.isVerified))
        return parts.joined(separator: glyphs.separator)
    }

    /// Why the list is empty, or `nil` when it shows rows.
    public var emptyState: EmptyState? {
        guard list.visible.isEmpty else { return nil }
        guard lookup != nil else { return .noLookup(message: labels.noLookup) }
        guard list.source != nil else {
            return error == nil ? .loading(message: labels.loading) : .failed
        }
        if list.rows.isEmpty {
            let asked = serverQuery.map { summary in
                ([labels.modeName(summary.mode)] + [summary.parameterText]).joined(separator: " ")
            }
            return .noCoupons(message: labels.noCoupons, asked: labels.asked + (asked ?? ""))
        }
        if statusFilter.enabled.isEmpty { return .allHidden(message: labels.noStatusOn) }
        let wholeAnswer = pageSummary?.holdsEveryRow ?? true
        return .allHidden(message: labels.allHidden(loaded: list.rows.count, wholeAnswer: wholeAnswer))
    }
}
