/// One key press, as the front end understands it.
public enum Key: Hashable, Sendable {
    /// A printable character, Chinese and pasted text included.
    case character(Character)
    /// A letter pressed with Ctrl, as the lowercase letter: `.control("d")` is Ctrl-D.
    case control(Character)
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    case enter
    case tab
    case backTab
    case escape
    case backspace
    case delete
    case insert
    /// F1 to F12.
    case function(Int)
    /// The terminal changed size (ncurses' `KEY_RESIZE`).
    case resize
    /// A key code this program does not name.
    case unknown(Int32)

    /// How the key is written in help and hints: `j`, `Ctrl-D`, `PgDn`, `F1`.
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let letter): return "Ctrl-" + letter.uppercased()
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let number): return "F\(number)"
        case .resize: return "resize"
        case .unknown(let code): return "key \(code)"
        }
    }
}
