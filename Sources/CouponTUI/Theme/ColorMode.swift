/// How many colours the screen uses.
public enum ColorMode: Hashable, Sendable {
    /// No colour at all: meaning is carried by words, bold, reverse and underline.
    case monochrome
    /// The 8 basic colours and their bright forms, on the terminal's default background.
    case basic
    /// The 256-colour palette.
    case extended

    /// The mode for a terminal with `colors` colours (ncurses' `COLORS`), honouring `NO_COLOR` and `--no-color`.
    ///
    /// `NO_COLOR` counts when it is set to anything but the empty string, as no-color.org specifies.
    public init(terminalColors colors: Int, colorAllowed: Bool, environment: [String: String]) {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        if !colorAllowed || noColor || colors < 8 {
            self = .monochrome
        } else if colors >= 256 {
            self = .extended
        } else {
            self = .basic
        }
    }
}
