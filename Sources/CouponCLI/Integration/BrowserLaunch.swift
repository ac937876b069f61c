import CouponCore

/// Everything the full-screen browser is started with, gathered by `browse` and `demo`.
struct BrowserLaunch: Sendable {
    /// A user offered in the lookup prompt.
    struct Suggestion: Sendable, Hashable {
        var openid: String
        var appid: String
        var label: String
    }

    var client: any CouponFetching
    var profileName: String
    var mchid: String
    var appids: [String]
    var initialOpenid: String?
    var suggestions: [Suggestion]
    var language: Language
    var timeZoneIdentifier: String
    var ascii: Bool
    var color: Bool
    var notices: AsyncStream<String>

    /// Colour unless `--no-color` is given or `NO_COLOR` is set to anything (no-color.org).
    static func colorAllowed(options: ParsedOptions, environment: [String: String]) -> Bool {
        if options.contains("no-color") { return false }
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        return true
    }
}
