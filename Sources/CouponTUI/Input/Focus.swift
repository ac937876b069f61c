/// Where keys go: the part of the screen that has the focus.
public enum Focus: Hashable, Sendable, CaseIterable {
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
