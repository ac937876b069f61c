/// A move of the selection in the list, or of the scroll position in the detail.
public enum Movement: Sendable, Hashable {
    /// One row up.
    case up
    /// One row down.
    case down
    /// Half a screen up (`Ctrl-U`).
    case halfPageUp
    /// Half a screen down (`Ctrl-D`).
    case halfPageDown
    /// A screen up (`PgUp`, `Ctrl-B`).
    case pageUp
    /// A screen down (`PgDn`, `Ctrl-F`).
    case pageDown
    /// The first row (`g`, Home).
    case first
    /// The last row (`G`, End).
    case last

    /// The new index after this move from `index`, among `count` rows with `viewport` on screen.
    public func apply(to index: Int, count: Int, viewport: Int) -> Int {
        guard count > 0 else { return 0 }
        let half = max(1, viewport / 2)
        let screen = max(1, viewport)
        let target: Int
        switch self {
        case .up: target = index - 1
        case .down: target = index + 1
        case .halfPageUp: target = index - half
        case .halfPageDown: target = index + half
        case .pageUp: target = index - screen
        case .pageDown: target = index + screen
        case .first: target = 0
        case .last: target = count - 1
        }
        return min(max(0, target), count - 1)
    }
}
