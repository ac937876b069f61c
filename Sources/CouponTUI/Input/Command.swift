/// What a key asks the front end to do.
public enum Command: Hashable, Sendable {
    /// Which status filter a toggle key switches.
    public enum StatusToggle: Hashable, Sendable, CaseIterable {
        case usable
        case used
        case expired
        case other
    }

    /// One step of shell-like line editing in the filter and the lookup prompt.
    public enum Edit: Hashable, Sendable {
        case left
        case right
        case start
        case end
        case deleteBackward
        case deleteForward
        case deleteToStart
        case deleteToEnd
        case deleteWordBackward
    }

    case moveDown
    case moveUp
    case halfPageDown
    case halfPageUp
    case pageDown
    case pageUp
    case first
    case last
    case nextServerPage
    case previousServerPage
    case toggleStatus(StatusToggle)
    case showAllStatuses
    case switchQueryMode
    case startFilter
    case cycleSort
    case reverseSort
    case focusDetail
    case back
    case toggleFullScreenDetail
    case openLookup
    case refresh
    case copyCouponID
    case copyTransactionID
    case repaint
    case showHelp
    case quit

    case edit(Edit)
    /// Enter in the filter or the prompt.
    case accept
    /// Esc in the filter or the prompt.
    case cancel
    /// Up in the prompt: the previous entry of the history and suggestions.
    case historyPrevious
    /// Down in the prompt: the next entry.
    case historyNext
    /// Tab in the prompt: the next field (openid, appid).
    case nextField
}
