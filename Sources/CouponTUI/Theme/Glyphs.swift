/// The symbols the screen's chrome uses, in Unicode or plain ASCII.
///
/// The Unicode set avoids emoji; its box drawing, ellipsis and arrows are East Asian "ambiguous"
/// and turn two cells wide on terminals set up for CJK, which is what `--ascii` is for.
public struct Glyphs: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// What a cut text ends with.
    public var ellipsis: String
    /// Between items of the header and the status line.
    public var separator: String
    public var ascending: String
    public var descending: String
    /// The marker of the selected row.
    public var pointer: String
    public var verified: String
    public var failed: String
    /// The frames of the spinner shown while a request is in flight.
    public var spinner: [String]
    /// Between the width and the height in the size message.
    public var times: String

    public static let unicode = Glyphs(
        horizontal: "─",
        vertical: "│",
        topLeft: "┌",
        topRight: "┐",
        bottomLeft: "└",
        bottomRight: "┘",
        ellipsis: "…",
        separator: " · ",
        ascending: "▲",
        descending: "▼",
        pointer: "▶",
        verified: "✓",
        failed: "✗",
        spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"],
        times: "×"
    )

    public static let ascii = Glyphs(
        horizontal: "-",
        vertical: "|",
        topLeft: "+",
        topRight: "+",
        bottomLeft: "+",
        bottomRight: "+",
        ellipsis: "~",
        separator: " | ",
        ascending: "^",
        descending: "v",
        pointer: ">",
        verified: "ok",
        failed: "x",
        spinner: ["|", "/", "-", "\\"],
        times: "x"
    )
}
