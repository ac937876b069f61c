import CouponBrowser

/// What a key asks the front end to do; most become a `BrowserIntent`, a few act on the screen only.
public enum Command: Hashable, Sendable {
    /// Move the selection, or scroll the detail or the help.
    case move(Movement)
    case nextServerPage
    case previousServerPage
    case toggleStatus(StatusCategory)
    case showAllStatuses
    case switchQueryMode
    case startFilter
    case cycleSort
    case reverseSort
    /// Enter on the list: focus the detail.
    case openDetail
    /// Tab: switch the focus between list and detail.
    case toggleFocus
    /// Esc: close what is on top (the detail's focus, the help, a dialog).
    case back
    case toggleFullScreenDetail
    case openLookup
    case refresh
    case copyCouponID
    case copyTransactionID
    /// Ctrl-L: clear the terminal and send the whole screen again.
    case repaint
    case showHelp
    case quit

    /// One step of shell-like editing in the filter or the lookup prompt.
    case edit(LineEdit)
    /// Enter in the filter (keep it) or the prompt (look up).
    case accept
    /// Esc in the filter (clear it) or the prompt (close it).
    case cancel
    /// Tab in the prompt: the next field (openid, appid).
    case nextField
    /// The next of the suggested users in the prompt.
    case nextSuggestion
    /// The previous suggested user.
    case previousSuggestion
}
