import CouponCore

extension BrowserState {
    // MARK: - Requests

    /// Cancels every request in flight; their answers, should they still come, are dropped.
    mutating func cancelAll() -> [BrowserEffect] {
        let ids = inFlight.keys.sorted()
        inFlight.removeAll()
        return ids.map { .cancel($0) }
    }

    /// Starts a new generation for a changed query and shows its first page, from the cache or the server.
    ///
    /// Rows already on screen stay there until the answer comes, marked as the previous results.
    mutating func queryChanged() -> [BrowserEffect] {
        generation += 1
        requestedPage = 0
        detailScroll = 0
        guard let key = currentKey else { return [] }
        if let cached = caches[key]?.pages[0] {
            show(cached, key: key, keepingSelection: false)
            return prefetchIfNear()
        }
        return fetch(page: 0, purpose: .show)
    }

    /// The effect that fetches `page` of the current query, unless it is already in flight.
    mutating func fetch(page: Int, purpose: FetchRequest.Purpose) -> [BrowserEffect] {
        guard let query = query(page: page) else { return [] }
        if let (id, existing) = inFlight.first(where: { $0.value.page == page && $0.value.generation == generation }) {
            // A prefetch already on its way is promoted, so its answer is shown when it comes.
            if purpose == .show, existing.purpose == .prefetch {
                inFlight[id]?.purpose = .show
            }
            return []
        }
        let request = FetchRequest(
            id: RequestID(nextRequestNumber),
            generation: generation,
            query: query,
            page: page,
            purpose: purpose
        )
        nextRequestNumber += 1
        inFlight[request.id] = request
        return [.fetch(request)]
    }

    // MARK: - Paging

    /// Moves to the page `target` computes from the page asked for last.
    mutating func goToPage(_ target: (Int) -> Int) -> [BrowserEffect] {
        guard let lookup else {
            notice = Notice(kind: .warning, text: labels.lookUpFirst)
            return []
        }
        guard lookup.mode.isPaged else {
            notice = Notice(kind: .info, text: labels.onePageOnly)
            return []
        }
        let page = target(requestedPage)
        if page < 0 {
            notice = Notice(kind: .info, text: labels.firstPageAlready)
            return []
        }
        if let count = pageCount, page >= count {
            notice = Notice(kind: .info, text: labels.lastPageAlready)
            return []
        }
        guard page != requestedPage || shownPage == nil else { return [] }

        // Pages still loading for the page left behind go on into the cache as prefetches.
        for (id, request) in inFlight where request.purpose == .show && request.page != page {
            inFlight[id]?.purpose = .prefetch
        }
        requestedPage = page
        detailScroll = 0
        if let key = currentKey, let cached = caches[key]?.pages[page] {
            show(cached, key: key, keepingSelection: false)
            touchCache(key)
            return prefetchIfNear()
        }
        return fetch(page: page, purpose: .show)
    }

    /// Fetches the page on screen again, dropping the other cached pages of the current query.
    ///
    /// The page on screen stays cached until its new answer replaces it, so that if the refresh fails
    /// the status line still says where the rows on screen came from and when.
    mutating func refresh() -> [BrowserEffect] {
        guard lookup != nil, let key = currentKey else {
            notice = Notice(kind: .warning, text: labels.lookUpFirst)
            return []
        }
        var effects = cancelAll()
        generation += 1
        if let shown = shownPage, let cache = caches[key] {
            caches[key] = QueryCache(pages: [shown.page: shown], totalCount: cache.totalCount, limit: cache.limit)
        } else {
            dropCache(key)
        }
        error = nil
        effects += fetch(page: requestedPage, purpose: .show)
        return effects
    }

    /// Fetches the next page ahead when the selection has come near the end of this one.
    mutating func prefetchIfNear() -> [BrowserEffect] {
        guard let lookup, lookup.mode.isPaged, let key = currentKey, let shown = shownPage,
            shown.page == requestedPage, let count = pageCount
        else { return [] }
        let next = shown.page + 1
        guard next < count, caches[key]?.pages[next] == nil else { return [] }
        let remaining = list.visible.count - 1 - (list.selection ?? list.visible.count)
        guard remaining < configuration.prefetchDistance else { return [] }
        return fetch(page: next, purpose: .prefetch)
    }

    // MARK: - Answers

    mutating func receive(_ id: RequestID, _ response: CouponListResponse) -> [BrowserEffect] {
        // An answer to a request no longer in flight was cancelled or belongs to an older query.
        guard let request = inFlight[id], request.generation == generation else { return [] }
        inFlight[id] = nil

        let answer = AnswerSummary(
            requestID: response.requestID,
            verifiedBySerial: response.verifiedBySerial,
            latency: response.latency,
            attempts: response.attempts,
            target: response.target
        )
        lastAnswer = answer
        let key = request.query.page(0)
        let paged = lookup?.mode.isPaged ?? true
        let rows = response.page.coupons.enumerated().map { index, coupon in
            CouponRow(
                coupon: coupon,
                serverIndex: index,
                labels: labels,
                time: configuration.time,
                options: configuration.width
            )
        }
        let limit = paged ? (response.page.limit > 0 ? response.page.limit : request.query.limit) : max(1, rows.count)
        let loaded = LoadedPage(
            page: request.page,
            rows: rows,
            totalCount: paged ? response.page.totalCount : rows.count,
            limit: limit,
            serverStatus: request.query.status,
            answer: answer,
            receivedAt: now
        )
        var cache = caches[key] ?? QueryCache()
        cache.pages[request.page] = loaded
        cache.totalCount = loaded.totalCount
        cache.limit = limit
        caches[key] = cache
        touchCache(key)

        if request.page == requestedPage {
            let refreshing = list.source == ListState.Source(key: key, page: request.page)
            show(loaded, key: key, keepingSelection: refreshing)
            error = nil
            lookupCameFromPrompt = false
        }
        return prefetchIfNear()
    }

    mutating func fail(_ id: RequestID, _ failure: CouponClientError) -> [BrowserEffect] {
        guard let request = inFlight[id], request.generation == generation else { return [] }
        inFlight[id] = nil
        if case .cancelled = failure { return [] }
        // A failed prefetch stays quiet: the page is fetched again, and any error shown, when asked for.
        guard request.purpose == .show else { return [] }

        let report = failure.report(language: configuration.language)
        let blocking: Bool
        switch failure {
        case .configuration, .verification: blocking = true
        default: blocking = false
        }
        error = BrowserError(report: report, isBlocking: blocking, page: request.page + 1)
        requestedPage = list.source?.key == request.query.page(0) ? (list.source?.page ?? 0) : request.page

        if lookupCameFromPrompt, list.rows.isEmpty {
            lookupCameFromPrompt = false
            prompt.isOpen = true
            prompt.field = .openid
            let message = report.message.isEmpty ? report.code : report.code + ": " + report.message
            prompt.error = Sanitizer.sanitize(message, glyphs: configuration.glyphs)
            focus = .lookupPrompt
        }
        return []
    }

    // MARK: - Cache

    mutating func dropCache(_ key: CouponQuery) {
        caches[key] = nil
        cacheOrder.removeAll { $0 == key }
    }

    /// Marks `key` as the most recently used, evicting the least recently used beyond the limit.
    mutating func touchCache(_ key: CouponQuery) {
        cacheOrder.removeAll { $0 == key }
        cacheOrder.append(key)
        while cacheOrder.count > configuration.cachedQueryLimit {
            let oldest = cacheOrder.removeFirst()
            if oldest != list.source?.key { caches[oldest] = nil }
        }
    }

    /// Whether `page` of the current query is cached.
    public func isCached(page: Int) -> Bool {
        guard let key = currentKey else { return false }
        return caches[key]?.pages[page] != nil
    }
}
