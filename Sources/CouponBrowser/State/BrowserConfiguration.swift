import CouponCore

/// What the browser is set up with before the first intent: the merchant, languages, zones and sizes.
public struct BrowserConfiguration: Sendable, Hashable {
    /// The mchid requests are signed as; the default merchant of both query modes.
    public var callerMchid: String
    /// The appids of the profile; the first is the default, and the lookup prompt asks for one
    /// only when there are several.
    public var appids: [String]
    /// The profile's name shown in the header, if it has one.
    public var profileName: String?
    /// The language of labels and messages.
    public var language: Language
    /// The zone times are shown in, and the viewer's own.
    public var time: TimeFormatter
    /// How wide ambiguous characters are drawn.
    public var width: WidthOptions
    /// Rows asked for per server page, 1 to 100.
    public var pageSize: Int
    /// How close to the end of a page the selection comes before the next page is fetched.
    public var prefetchDistance: Int
    /// How many queries keep their pages cached.
    public var cachedQueryLimit: Int
    /// The punctuation of everything the browser writes: `.ascii` for `--ascii`.
    public var glyphs: GlyphSet
    /// How old, in seconds, the rows on screen may be before the status line says when they were fetched.
    public var staleAfterSeconds: Int64
    /// Five minutes: a short pause on an idle screen sends nothing, and rows older than that say so.
    public static let defaultStaleAfterSeconds: Int64 = 300

    public init(
        callerMchid: String,
        appids: [String],
        profileName: String? = nil,
        language: Language = .english,
        time: TimeFormatter = TimeFormatter(viewerZone: .shanghai),
        width: WidthOptions = .standard,
        pageSize: Int = CouponQuery.defaultLimit,
        prefetchDistance: Int = 5,
        cachedQueryLimit: Int = 16,
        glyphs: GlyphSet = .unicode,
        staleAfterSeconds: Int64 = BrowserConfiguration.defaultStaleAfterSeconds
    ) {
        self.callerMchid = callerMchid
        self.appids = appids
        self.profileName = profileName
        self.language = language
        self.time = time
        self.width = width
        self.pageSize = min(max(1, pageSize), CouponQuery.maximumLimit)
        self.prefetchDistance = max(0, prefetchDistance)
        self.cachedQueryLimit = max(1, cachedQueryLimit)
        self.glyphs = glyphs
        self.staleAfterSeconds = max(0, staleAfterSeconds)
    }

    /// The appid used when a lookup names none.
    public var defaultAppid: String { appids.first ?? "" }
}
