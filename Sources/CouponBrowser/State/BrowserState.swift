import CouponCore

/// Everything the browser knows and shows, changed only by `apply(_:)`.
///
/// The state holds the lookup, the filters, the pages cached per query and the requests in flight;
/// the models a painter draws (rows, columns, detail, header, status line) are derived from it.
public struct BrowserState: Sendable {
    public internal(set) var configuration: BrowserConfiguration
    /// The labels in the configured language.
    public internal(set) var labels: Labels
    /// Seconds since 1970, as of the last `.tick`.
    public internal(set) var now: Int64
    /// The terminal's size.
    public internal(set) var size: TerminalSize
    public internal(set) var focus: Focus = .list
    /// Whether the detail is shown full screen.
    public internal(set) var isDetailFullScreen = false

    /// The lookup on screen, or `nil` before the first.
    public internal(set) var lookup: LookupRequest?
    /// The query mode of the lookup, and of the next one.
    public internal(set) var queryMode: QueryMode = .issuedBy
    public internal(set) var statusFilter = StatusFilter.all
    /// The text filter in force (applied as typed).
    public internal(set) var textFilter = ""
    /// The text filter prompt's editor.
    public internal(set) var textFilterEditor = LineEditor()
    public internal(set) var sort = SortOrder()
    public internal(set) var prompt: LookupPrompt

    /// Counts every change of query; answers to an older generation are dropped.
    public internal(set) var generation = 0
    /// The page, from 0, asked to be on screen.
    public internal(set) var requestedPage = 0
    /// The requests in flight.
    public internal(set) var inFlight: [RequestID: FetchRequest] = [:]
    var nextRequestNumber = 1
    var caches: [CouponQuery: QueryCache] = [:]
    var cacheOrder: [CouponQuery] = []

    /// The rows on screen and the selection among them.
    public internal(set) var list = ListState()
    /// The first detail line on screen.
    public internal(set) var detailScroll = 0
    /// The last error of a fetch for what is on screen.
    public internal(set) var error: BrowserError?
    public internal(set) var notice: Notice?
    /// The last verified answer that arrived.
    public internal(set) var lastAnswer: AnswerSummary?
    /// Whether the prompt reopens when the first answer of its lookup fails.
    var lookupCameFromPrompt = false

    /// A browser with nothing looked up yet.
    public init(configuration: BrowserConfiguration, size: TerminalSize, now: Int64) {
        self.configuration = configuration
        self.labels = Labels(configuration.language, glyphs: configuration.glyphs)
        self.size = size
        self.now = now
        self.prompt = LookupPrompt(appids: configuration.appids)
    }

    /// Where the parts of the browser go on the current terminal.
    public var layout: BrowserLayout {
        let normal = BrowserLayout(size: size, detailFullScreen: isDetailFullScreen)
        if focus == .detail, normal.detailPlacement == .hidden {
            return BrowserLayout(size: size, detailFullScreen: true)
        }
        return normal
    }

    /// The `status` parameter the toggles map to in the current mode.
    public var serverStatus: String? {
        statusFilter.serverStatus(in: lookup?.mode ?? queryMode)
    }

    /// The API query for `page` of the current lookup.
    public func query(page: Int) -> CouponQuery? {
        guard let lookup else { return nil }
        return lookup.query(
            status: serverStatus,
            page: page,
            limit: configuration.pageSize,
            callerMchid: configuration.callerMchid
        )
    }

    /// The key pages of the current query are cached under.
    var currentKey: CouponQuery? { query(page: 0) }

    /// The page the rows on screen came from, when it is a page of the current query.
    public var shownPage: LoadedPage? {
        guard let source = list.source, source.key == currentKey else { return nil }
        return caches[source.key]?.pages[source.page]
    }

    /// Whether the rows on screen belong to an earlier query while the current one loads.
    public var isShowingPreviousQuery: Bool {
        guard let source = list.source else { return false }
        return source.key != currentKey
    }

    /// How many server pages the current query has, once any page of it has arrived.
    public var pageCount: Int? {
        guard let lookup else { return nil }
        guard lookup.mode.isPaged else { return 1 }
        guard let key = currentKey, let cache = caches[key], let total = cache.totalCount else { return nil }
        let limit = max(1, cache.limit ?? configuration.pageSize)
        return Self.pageCount(total: total, limit: limit)
    }

    /// How many pages of `limit` rows hold `total` rows, at least one; safe for any `total_count` a server sends.
    static func pageCount(total: Int, limit: Int) -> Int {
        let limit = max(1, limit)
        let total = max(0, total)
        return max(1, total / limit + (total % limit == 0 ? 0 : 1))
    }

    /// Whether a fetch whose page is to be shown is in flight.
    public var isLoading: Bool {
        inFlight.values.contains { $0.purpose == .show }
    }

    /// The page being loaded to be shown, from 1, if any.
    public var loadingPage: Int? {
        inFlight.values.filter { $0.purpose == .show }.map(\.page).min().map { $0 + 1 }
    }

    /// Whether the next page is being fetched ahead.
    public var isPrefetching: Bool {
        inFlight.values.contains { $0.purpose == .prefetch }
    }
}

/// The rows on screen, the ones the filters let through, and the selection.
public struct ListState: Sendable {
    /// Where the rows came from: a cached query and page.
    struct Source: Sendable, Hashable {
        var key: CouponQuery
        var page: Int
    }

    var source: Source?
    /// Every row of the page on screen, in server order.
    public internal(set) var rows: [CouponRow] = []
    /// The positions in `rows` of the rows shown, filtered and sorted.
    public internal(set) var visible: [Int] = []
    /// The selected position in `visible`, or `nil` when nothing is shown.
    public internal(set) var selection: Int?
    /// The first position of `visible` on screen.
    public internal(set) var scrollTop = 0
    /// How many rows of `rows` each status has.
    public internal(set) var counts: [StatusCategory: Int] = [:]
    /// The widest cell of each column among `rows`, titles excluded.
    public internal(set) var contentWidths: [ListColumn: Int] = [:]

    /// The rows shown, in order.
    public var shownCount: Int { visible.count }

    /// The selected row.
    public var selectedRow: CouponRow? {
        guard let selection, selection < visible.count else { return nil }
        let index = visible[selection]
        return index < rows.count ? rows[index] : nil
    }

    /// The shown row at `position`, if there is one.
    public func row(at position: Int) -> CouponRow? {
        guard position >= 0, position < visible.count else { return nil }
        let index = visible[position]
        return index < rows.count ? rows[index] : nil
    }
}
