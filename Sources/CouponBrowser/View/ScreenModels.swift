/// "page 3 of 7 · 41–60 of 137": where the rows on screen sit in the server's answer.
public struct PageSummary: Sendable, Hashable {
    /// The page, from 1.
    public var page: Int
    public var pageCount: Int
    /// The first row of the page, from 1, over the server's total.
    public var firstRow: Int
    /// The last row of the page, from 1.
    public var lastRow: Int
    /// `total_count`, or in "usable at" mode the rows received.
    public var total: Int
    /// Whether the answer is not paged ("usable at").
    public var isWholeAnswer: Bool
    /// When the page's answer arrived, in seconds since 1970.
    public var receivedAt: Int64 = 0
    /// Whether the page is older than `BrowserConfiguration.staleAfterSeconds`, so the status line says when it came.
    public var isStale = false

    /// Whether the rows on screen are every row the server has for the query (one page, or not paged).
    public var holdsEveryRow: Bool { isWholeAnswer || pageCount <= 1 }
}

/// How much of what is loaded a filter applied here hides, so the screen never implies a server total.
public struct LocalFilterReport: Sendable, Hashable {
    /// Whether the status toggles filter here (the server's `status` does not match them).
    public var filtersStatus: Bool
    /// Whether the text filter is set.
    public var filtersText: Bool
    /// The rows loaded for the page on screen, before local filtering.
    public var loadedRows: Int
    /// The rows shown.
    public var shownRows: Int

    /// Whether anything is filtered here.
    public var isActive: Bool { filtersStatus || filtersText }
    /// The loaded rows hidden here.
    public var hiddenRows: Int { loadedRows - shownRows }
}

/// A status toggle as the header shows it.
public struct StatusToggle: Sendable, Hashable {
    public var category: StatusCategory
    /// The toggle's name in the chosen language.
    public var name: String
    public var isOn: Bool
    /// How many rows on screen (before filtering) have this status; `nil` when the server query
    /// cannot return it and none came, so the count is not known.
    public var count: Int?
    /// Whether the count is of the page on screen only, while the server has further pages.
    public var countsThisPageOnly = false
}

/// The header: who is asking, about whom, how, and with which filters.
public struct HeaderModel: Sendable, Hashable {
    public var profileName: String?
    public var callerMchid: String
    public var mode: QueryMode
    /// The mode in words.
    public var modeName: String
    /// The query as sent, once a user is looked up.
    public var query: ServerQuerySummary?
    /// The openid looked up, sanitised.
    public var openid: String?
    /// The appid, sanitised.
    public var appid: String?
    public var toggles: [StatusToggle]
    public var sort: SortOrder
    /// The sort in words.
    public var sortText: String
    /// The text filter, when set.
    public var textFilter: String?
    /// Notes in words: what the mode cannot return and what it ignores, that counts, sort and filter
    /// cover the page on screen only, and the zone times are in when it is not the viewer's.
    public var notes: [String]
}

/// A part of the status line.
public struct StatusSegment: Sendable, Hashable {
    /// What the part says, for styling.
    public enum Kind: Sendable, Hashable {
        /// The page summary.
        case page
        /// How many loaded rows a local filter shows.
        case localFilter
        /// A request in flight; the painter may put a spinner before it.
        case loading
        /// The rows on screen are the previous query's.
        case previous
        /// The last answer's latency.
        case latency
        /// Whether the data shown was signature-verified.
        case verified
        /// A notice, such as "copied".
        case notice
        /// A warning notice.
        case warning
        /// An error: code, explanation, next step, Request-ID.
        case error
    }

    public var kind: Kind
    public var text: String
}

/// The status line, as parts in order from the left.
public struct StatusLineModel: Sendable, Hashable {
    public var segments: [StatusSegment]
    /// Whether a spinner should turn.
    public var isLoading: Bool
}

/// Why the list is empty, and what to say instead.
public enum EmptyState: Sendable, Hashable {
    /// Nothing looked up yet.
    case noLookup(message: String)
    /// The first answer is on its way.
    case loading(message: String)
    /// The server had no coupons for the query; `asked` says what was asked.
    case noCoupons(message: String, asked: String)
    /// Rows are loaded, but the filters here hide all of them.
    case allHidden(message: String)
    /// The first answer failed; the error is in `BrowserState.error`.
    case failed
}

/// One row of the list on screen.
public struct VisibleRow: Sendable, Hashable {
    public var row: CouponRow
    /// The position in the shown rows, from 0.
    public var position: Int
    public var isSelected: Bool
}
