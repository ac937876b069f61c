/// What a piece of the screen is, so the theme can give it a look in each colour mode.
public enum Role: Hashable, Sendable, CaseIterable {
    /// Ordinary text.
    case text
    /// Secondary text: separators, units, empty values.
    case muted
    /// The title band at the top.
    case title
    /// The profile and mchid in the title band, so the merchant is never mistaken.
    case merchant
    /// Labels in the detail and the header (`openid`, `status`).
    case label
    /// Column titles and section headings.
    case heading
    /// The selected row while the list has the focus.
    case selection
    /// The selected row while the focus is elsewhere.
    case selectionInactive
    case usable
    case used
    case expired
    case otherStatus
    /// Amounts of money.
    case money
    /// Error codes and messages.
    case error
    /// Things to be careful of: local filtering, ignored parameters, unverified data.
    case warning
    /// Good news: verified answers, "copied".
    case success
    /// Key names in the hint line and the help.
    case key
    /// Pane borders and separators.
    case border
    /// A status toggle that is on.
    case toggleOn
    /// A status toggle that is off.
    case toggleOff
    /// The screen behind a dialog: kept in sight, but clearly not what the keys act on.
    case backdrop
}
