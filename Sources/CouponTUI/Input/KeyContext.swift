/// Where keys go: the part of the screen that has the focus, as the key map sees it.
///
/// The browser's own focus (list, detail, the two prompts) plus the two layers only the front end
/// draws: the help overlay and the dialog of a blocking error.
public enum KeyContext: Hashable, Sendable, CaseIterable {
    /// The coupon list.
    case list
    /// The detail pane (beside, below, or full screen).
    case detail
    /// The `/` filter line, while typing.
    case filter
    /// The lookup prompt.
    case prompt
    /// The key overlay.
    case help
    /// A dialog for an error that stops the browser until it is dismissed.
    case dialog

    /// Whether printable keys type text here instead of running commands.
    public var takesText: Bool {
        self == .filter || self == .prompt
    }
}
