import CouponCore

/// Everything that can happen to the browser: what the person asks for, and the answers that arrive.
///
/// A front end maps keys to intents and sends them through `BrowserState.apply(_:)`, usually by way
/// of `BrowserDriver`; nothing else changes the state.
public enum BrowserIntent: Sendable {
    // MARK: Lookup

    /// Look up a user's coupons: openid, appid, query mode and server filters.
    case lookup(LookupRequest)
    /// Open the lookup prompt (`o`), keeping what was typed last.
    case openLookupPrompt
    /// Edit the focused field of the lookup prompt.
    case editLookup(LineEdit)
    /// Move between the prompt's openid and appid fields (Tab), when the profile has several appids.
    case switchLookupField
    /// Look up what the prompt holds (Enter).
    case submitLookup
    /// Close the prompt without looking anything up (Esc).
    case cancelLookup

    // MARK: Server pages

    /// The next server page (`n`, `]`).
    case nextPage
    /// The previous server page (`p`, `[`).
    case previousPage
    /// The first server page.
    case firstPage
    /// The last server page.
    case lastPage
    /// Fetch the current page again, dropping the cached pages of this query (`r`).
    case refresh

    // MARK: Selection and detail

    /// Move the selection in the list, or scroll the detail when it has the focus.
    case move(Movement)
    /// Select the row at this position of the list as shown.
    case select(row: Int)
    /// Give the detail the focus (Enter).
    case openDetail
    /// Give the list the focus back.
    case closeDetail
    /// Switch the focus between list and detail (Tab).
    case toggleFocus
    /// Show the detail full screen, or stop doing so.
    case toggleDetailFullScreen
    /// Esc: close whatever is open on top, one layer at a time.
    case back

    // MARK: Filters and sort

    /// Switch one status toggle (`1`–`4`).
    case toggleStatus(StatusCategory)
    /// Switch every status on (`0`).
    case showAllStatuses
    /// Open the text filter prompt (`/`), which filters as it is typed.
    case beginTextFilter
    /// Edit the text filter; the list follows at once.
    case editTextFilter(LineEdit)
    /// Keep the text filter and close its prompt (Enter).
    case commitTextFilter
    /// Clear the text filter and close its prompt (Esc).
    case cancelTextFilter
    /// Set the text filter outright.
    case setTextFilter(String)
    /// Sort by the next column (`s`).
    case cycleSort
    /// Reverse the sort (`S`).
    case reverseSort
    /// Sort by one column; asked again for the same column, reverse it.
    case sort(by: SortColumn)
    /// Switch between "issued by" and "usable at" (`m`).
    case switchQueryMode

    // MARK: Everything else

    /// The terminal has a new size.
    case resize(TerminalSize)
    /// Copy the selected coupon's id (`y`).
    case copyCouponID
    /// Copy the selected coupon's transaction id (`Y`).
    case copyTransactionID
    /// Forget the notice and the error on the status line.
    case dismissMessages
    /// Show labels in another language.
    case setLanguage(Language)
    /// The clock moved on; validity sentences are told relative to it.
    case tick(secondsSince1970: Int64)
    /// End the program (`q`, `Ctrl-C`).
    case quit

    // MARK: Answers

    /// The answer to a fetch.
    case pageLoaded(RequestID, CouponListResponse)
    /// A fetch failed.
    case pageFailed(RequestID, CouponClientError)
}
