/// A terminal colour: the terminal's own default, or an index into its palette (0–255).
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's default foreground or background, as set by `use_default_colors`.
    case `default`
    /// A palette index: 0–7 the basic colours, 8–15 their bright forms, 16–255 the extended palette.
    case palette(UInt8)

    public static let black = TerminalColor.palette(0)
    public static let red = TerminalColor.palette(1)
    public static let green = TerminalColor.palette(2)
    public static let yellow = TerminalColor.palette(3)
    public static let blue = TerminalColor.palette(4)
    public static let magenta = TerminalColor.palette(5)
    public static let cyan = TerminalColor.palette(6)
    public static let white = TerminalColor.palette(7)
    public static let brightBlack = TerminalColor.palette(8)
    public static let brightRed = TerminalColor.palette(9)
    public static let brightGreen = TerminalColor.palette(10)
    public static let brightYellow = TerminalColor.palette(11)
    public static let brightBlue = TerminalColor.palette(12)
    public static let brightMagenta = TerminalColor.palette(13)
    public static let brightCyan = TerminalColor.palette(14)
    public static let brightWhite = TerminalColor.palette(15)

    /// A short name for snapshots: `default`, the basic colour names, or `c<index>`.
    public var name: String {
        switch self {
        case .default:
            return "default"
        case .palette(let index):
            let names = [
                "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta",
                "bright-cyan", "bright-white",
            ]
            return index < names.count ? names[Int(index)] : "c\(index)"
        }
    }
}
