import CouponBrowser

/// What only the full-screen front end knows: the help overlay, the error dialog, the spinner,
/// suggested users and messages from outside the browser.
public struct ScreenState: Sendable, Hashable {
    /// Whether the key overlay is open.
    public var isHelpOpen = false
    /// The first line of the overlay on screen.
    public var helpScroll = 0
    /// The blocking error whose dialog was dismissed; it stays on the status line.
    public var dismissedError: BrowserError?
    /// Counts spinner steps while a request is in flight.
    public var spinnerFrame = 0
    /// Users offered in the lookup prompt.
    public var suggestions: [LookupSuggestion]
    /// The suggestion last put into the prompt.
    public var suggestionIndex: Int?
    /// Messages from outside the browser (audit-log failures), newest last; cleared by the next key.
    public var notices: [String] = []

    public init(suggestions: [LookupSuggestion] = []) {
        self.suggestions = suggestions
    }

    /// Whether the dialog of a blocking error covers the screen.
    public func showsDialog(for browser: BrowserState) -> Bool {
        guard let error = browser.error, error.isBlocking else { return false }
        return error != dismissedError
    }

    /// Where keys go now.
    public func keyContext(for browser: BrowserState) -> KeyContext {
        if isHelpOpen { return .help }
        if showsDialog(for: browser) { return .dialog }
        switch browser.focus {
        case .list: return .list
        case .detail: return .detail
        case .lookupPrompt: return .prompt
        case .filterPrompt: return .filter
        }
    }
}
