import CouponCore

/// Applies `intent` to `state` and returns the effects to carry out.
public func update(_ state: inout BrowserState, _ intent: BrowserIntent) -> [BrowserEffect] {
    state.apply(intent)
}

extension BrowserState {
    /// Applies one intent and returns the effects it asks for, in order.
    ///
    /// This is the only way the state changes; it does no I/O.
    public mutating func apply(_ intent: BrowserIntent) -> [BrowserEffect] {
        switch intent {
        case .pageLoaded, .pageFailed, .tick, .resize:
            break
        default:
            notice = nil
        }

        switch intent {
        case .lookup(let request):
            lookupCameFromPrompt = false
            return startLookup(request)
        case .openLookupPrompt:
            prompt.isOpen = true
            prompt.field = .openid
            prompt.error = nil
            focus = .lookupPrompt
            return []
        case .editLookup(let edit):
            guard prompt.isOpen else { return [] }
            if prompt.field == .openid {
                prompt.openid.apply(edit)
            } else {
                prompt.appid.apply(edit)
            }
            prompt.error = nil
            return []
        case .switchLookupField:
            guard prompt.isOpen, prompt.asksForAppid else { return [] }
            prompt.field = prompt.field == .openid ? .appid : .openid
            return []
        case .submitLookup:
            return submitPrompt()
        case .cancelLookup:
            closePrompt()
            return []

        case .nextPage:
            return goToPage { $0 + 1 }
        case .previousPage:
            return goToPage { $0 - 1 }
        case .firstPage:
            return goToPage { _ in 0 }
        case .lastPage:
            return goToPage { [pageCount] _ in (pageCount ?? 1) - 1 }
        case .refresh:
            return refresh()

        case .move(let movement):
            return move(movement)
        case .select(let row):
            guard row >= 0, row < list.visible.count else { return [] }
            setSelection(row)
            return prefetchIfNear()
        case .openDetail:
            guard list.selectedRow != nil else { return [] }
            focus = .detail
            return []
        case .closeDetail:
            if focus == .detail { focus = .list }
            isDetailFullScreen = false
            return []
        case .toggleFocus:
            if focus == .list, list.selectedRow != nil {
                focus = .detail
            } else if focus == .detail {
                focus = .list
                isDetailFullScreen = false
            }
            return []
        case .toggleDetailFullScreen:
            isDetailFullScreen.toggle()
            if isDetailFullScreen, list.selectedRow != nil {
                focus = .detail
            } else if !isDetailFullScreen, focus == .detail {
                focus = .list
            }
            return []
        case .back:
            return back()

        case .toggleStatus(let category):
            return changeStatusFilter(statusFilter.toggling(category))
        case .showAllStatuses:
            return changeStatusFilter(.all)
        case .beginTextFilter:
            textFilterEditor.setText(textFilter)
            focus = .filterPrompt
            return []
        case .editTextFilter(let edit):
            textFilterEditor.apply(edit)
            setTextFilter(textFilterEditor.text)
            return prefetchIfNear()
        case .commitTextFilter:
            textFilterEditor.remember(textFilter)
            if focus == .filterPrompt { focus = .list }
            return []
        case .cancelTextFilter:
            textFilterEditor.setText("")
            setTextFilter("")
            if focus == .filterPrompt { focus = .list }
            return []
        case .setTextFilter(let text):
            textFilterEditor.setText(text)
            setTextFilter(textFilterEditor.text)
            return prefetchIfNear()
        case .cycleSort:
            changeSort(sort.cycled())
            return []
        case .reverseSort:
            changeSort(sort.reversed())
            return []
        case .sort(let column):
            changeSort(sort.column == column ? sort.reversed() : SortOrder(column: column))
            return []
        case .switchQueryMode:
            return switchQueryMode()

        case .resize(let newSize):
            size = newSize
            keepSelectionOnScreen()
            detailScroll = min(detailScroll, maximumDetailScroll)
            return []
        case .copyCouponID:
            return copy(.couponID)
        case .copyTransactionID:
            return copy(.transactionID)
        case .dismissMessages:
            notice = nil
            error = nil
            return []
        case .setLanguage(let language):
            configuration.language = language
            labels = Labels(language, glyphs: configuration.glyphs)
            rebuildRows()
            return []
        case .tick(let seconds):
            now = seconds
            return []
        case .quit:
            return cancelAll() + [.quit]

        case .pageLoaded(let id, let response):
            return receive(id, response)
        case .pageFailed(let id, let failure):
            return fail(id, failure)
        }
    }

    // MARK: - Lookup

    mutating func startLookup(_ request: LookupRequest) -> [BrowserEffect] {
        var request = request
        if request.appid.isEmpty { request.appid = configuration.defaultAppid }
        let probe = request.query(
            status: statusFilter.serverStatus(in: request.mode),
            page: 0,
            limit: configuration.pageSize,
            callerMchid: configuration.callerMchid
        )
        do {
            try probe.validate(callerMchid: configuration.callerMchid)
        } catch {
            let report = CouponClientError.invalidQuery(error).report(language: configuration.language)
            prompt.openid.setText(request.openid)
            if prompt.asksForAppid { prompt.appid.setText(request.appid) }
            prompt.isOpen = true
            prompt.error = Sanitizer.sanitize(report.message, glyphs: configuration.glyphs)
            focus = .lookupPrompt
            return []
        }

        let sameUser = lookup.map { $0.isSameUser(as: request) } ?? false
        var effects = cancelAll()
        if !sameUser {
            caches.removeAll()
            cacheOrder.removeAll()
            list = ListState()
            detailScroll = 0
            if focus == .detail { focus = .list }
        }
        lookup = request
        queryMode = request.mode
        error = nil
        if let key = currentKey { dropCache(key) }
        prompt.openid.remember(request.openid)
        effects += queryChanged()
        return effects
    }

    mutating func submitPrompt() -> [BrowserEffect] {
        guard prompt.isOpen else { return [] }
        let openid = prompt.openid.text.trimmingWhitespace
        let appid = prompt.asksForAppid ? prompt.appid.text.trimmingWhitespace : configuration.defaultAppid
        var request =
            lookup
            ?? LookupRequest(openid: openid, appid: appid, mode: queryMode)
        request.openid = openid
        request.appid = appid
        request.mode = queryMode
        closePrompt()
        let effects = startLookup(request)
        lookupCameFromPrompt = !prompt.isOpen
        return effects
    }

    mutating func closePrompt() {
        prompt.isOpen = false
        prompt.error = nil
        if focus == .lookupPrompt { focus = .list }
    }

    mutating func back() -> [BrowserEffect] {
        switch focus {
        case .lookupPrompt:
            closePrompt()
        case .filterPrompt:
            _ = apply(.cancelTextFilter)
        case .detail:
            focus = .list
            isDetailFullScreen = false
        case .list:
            if isDetailFullScreen {
                isDetailFullScreen = false
            } else if error != nil {
                error = nil
            } else if !textFilter.isEmpty {
                textFilterEditor.setText("")
                setTextFilter("")
            }
        }
        return []
    }

    // MARK: - Filters, sort, mode

    mutating func changeStatusFilter(_ filter: StatusFilter) -> [BrowserEffect] {
        guard filter != statusFilter else { return [] }
        let before = currentKey
        statusFilter = filter
        rebuildVisible(keepingSelection: true)
        guard lookup != nil, currentKey != before else { return prefetchIfNear() }
        return cancelAll() + queryChanged()
    }

    mutating func switchQueryMode() -> [BrowserEffect] {
        queryMode = queryMode.toggled
        guard var request = lookup else { return [] }
        request.mode = queryMode
        lookup = request
        error = nil
        return cancelAll() + queryChanged()
    }

    mutating func setTextFilter(_ text: String) {
        guard text != textFilter else { return }
        textFilter = text
        rebuildVisible(keepingSelection: true)
    }

    mutating func changeSort(_ order: SortOrder) {
        sort = order
        rebuildVisible(keepingSelection: true)
    }

    // MARK: - Copy

    mutating func copy(_ target: CopyTarget) -> [BrowserEffect] {
        guard let row = list.selectedRow else {
            notice = Notice(kind: .warning, text: labels.nothingToCopy(.couponID))
            return []
        }
        let raw: String?
        switch target {
        case .couponID: raw = row.coupon.couponID
        case .transactionID: raw = row.coupon.consumeInformation?.transactionID
        }
        guard let raw, !raw.isEmpty else {
            notice = Notice(kind: .warning, text: labels.nothingToCopy(target))
            return []
        }
        // The clipboard gets the id with visible placeholders, so a pasted id never carries escapes;
        // only the notice is written in the screen's glyphs.
        let value = Sanitizer.sanitize(raw)
        notice = Notice(
            kind: .info,
            text: labels.copied(target, value: Sanitizer.sanitize(raw, glyphs: configuration.glyphs))
        )
        return [.copyToClipboard(value, target: target)]
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    var trimmingWhitespace: String {
        let characters = Array(self)
        guard let first = characters.firstIndex(where: { !$0.isWhitespace }),
            let last = characters.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(characters[first...last])
    }
}
