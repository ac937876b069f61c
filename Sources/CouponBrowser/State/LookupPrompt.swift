/// The prompt that asks whose coupons to look up.
public struct LookupPrompt: Sendable, Hashable {
    /// A field of the prompt.
    public enum Field: Sendable, Hashable {
        case openid
        case appid
    }

    /// Whether the prompt is on screen.
    public internal(set) var isOpen: Bool
    /// The openid being typed; its history holds the openids looked up this session.
    public internal(set) var openid: LineEditor
    /// The appid; its history holds the profile's appids.
    public internal(set) var appid: LineEditor
    /// The field being edited.
    public internal(set) var field: Field
    /// Whether the appid field is shown: only when the profile has several.
    public let asksForAppid: Bool
    /// Why the last lookup from the prompt did not go through.
    public internal(set) var error: String?

    init(appids: [String]) {
        isOpen = false
        openid = LineEditor()
        appid = LineEditor(text: appids.first ?? "", history: appids)
        field = .openid
        asksForAppid = appids.count > 1
        error = nil
    }

    /// The editor of the focused field.
    public var focusedEditor: LineEditor {
        field == .openid ? openid : appid
    }
}
