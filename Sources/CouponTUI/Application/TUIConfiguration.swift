import CouponCore

/// A user offered in the lookup prompt, such as the demo's users.
public struct LookupSuggestion: Sendable, Hashable {
    public var openid: String
    public var appid: String
    /// What the user is, in a few words (`140 coupons, paging`).
    public var label: String

    public init(openid: String, appid: String, label: String) {
        self.openid = openid
        self.appid = appid
        self.label = label
    }
}

/// Everything the full-screen browser starts with.
public struct TUIConfiguration: Sendable {
    /// Answers the lookups: the signed client, usually wrapped so that every lookup is audited.
    public var client: any CouponFetching
    /// The profile's name, shown in the header beside the mchid.
    public var profileName: String
    /// The merchant the requests are signed as.
    public var mchid: String
    /// The profile's appids; the prompt asks for one only when there are several.
    public var appids: [String]
    /// A user to look up at once (`--openid`).
    public var initialOpenid: String?
    /// Users offered in the lookup prompt.
    public var suggestions: [LookupSuggestion]
    public var language: Language
    /// The zone times are shown in; the API's own is Asia/Shanghai.
    public var timeZoneIdentifier: String
    /// Plain ASCII for borders and symbols (`--ascii`), for terminals that draw them two cells wide.
    public var ascii: Bool
    /// Colour allowed (`--no-color` turns it off; `NO_COLOR` in the environment does too).
    public var color: Bool
    /// Messages to show in the status line while the browser runs, such as audit-log write failures.
    public var notices: AsyncStream<String>?

    public init(
        client: any CouponFetching,
        profileName: String,
        mchid: String,
        appids: [String],
        initialOpenid: String? = nil,
        suggestions: [LookupSuggestion] = [],
        language: Language,
        timeZoneIdentifier: String = "Asia/Shanghai",
        ascii: Bool = false,
        color: Bool = true,
        notices: AsyncStream<String>? = nil
    ) {
        self.client = client
        self.profileName = profileName
        self.mchid = mchid
        self.appids = appids
        self.initialOpenid = initialOpenid
        self.suggestions = suggestions
        self.language = language
        self.timeZoneIdentifier = timeZoneIdentifier
        self.ascii = ascii
        self.color = color
        self.notices = notices
    }
}
