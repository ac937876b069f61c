import CouponCore

/// Every page of one user through the real client, one request at a time or several in flight.
///
/// `list --all` asks for the pages one after another; this measures what asking ahead would give,
/// with the same client, keys and sandbox.
enum HistoryBenchmark {
    /// Times fetching every page with `window` requests in flight, `iterations` times.
    static func measure(
        openid: String,
        connection: SandboxConnection,
        pageSize: Int,
        window: Int,
        iterations: Int
    ) async throws(BenchError) -> Figure {
        let client = CouponClient(configuration: connection.clientConfiguration)
        var samples: [Int64] = []
        var pages = 0
        var coupons = 0
        let clock = ContinuousClock()
        for run in 0..<(iterations + 1) {
            let start = clock.now
            (pages, coupons) = try await fetchAll(
                connection.query(openid: openid, limit: pageSize),
                client: client,
                window: max(1, window)
            )
            // The first run warms the connection and the sandbox; it is not counted.
            if run > 0 { samples.append((clock.now - start).nanoseconds) }
        }
        return Figure(
            key: "history-window-\(window)",
            title: "every page through the client, \(window) in flight (\(pages) pages, \(coupons) coupons)",
            measurement: Measurement(name: "history", unit: .nanoseconds, samples: samples),
            note: "sign, send, verify and decode each page; no output written"
        )
    }

    /// Fetches page 0, then the rest with `window` in flight; returns the pages and coupons received.
    static func fetchAll(
        _ first: CouponQuery,
        client: CouponClient,
        window: Int
    ) async throws(BenchError) -> (pages: Int, coupons: Int) {
        let head: CouponListResponse
        do {
            head = try await client.fetch(first)
        } catch {
            throw .failed("page 1 failed: \(error)")
        }
        let limit = max(1, head.page.limit)
        let pageCount = max(1, (head.page.totalCount + limit - 1) / limit)
        var coupons = head.page.coupons.count
        var next = 1
        while next < pageCount {
            let batch = next..<min(pageCount, next + window)
            let counts = await withTaskGroup(of: Int?.self) { group in
                for page in batch {
                    group.addTask { try? await client.fetch(first.page(page)).page.coupons.count }
                }
                var counts: [Int?] = []
                for await count in group { counts.append(count) }
                return counts
            }
            guard counts.allSatisfy({ $0 != nil }) else { throw .failed("a page of \(batch) failed") }
            coupons += counts.reduce(0) { $0 + ($1 ?? 0) }
            next = batch.upperBound
        }
        return (pageCount, coupons)
    }
}
