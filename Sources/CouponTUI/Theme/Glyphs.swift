import CouponBrowser

/// The symbols the screen's chrome uses, in Unicode or plain ASCII.
///
/// Punctuation shared with the browser's own text (ellipsis, separator, sort marks) comes from its
/// `GlyphSet`; this adds what only the screen draws: borders, marks and the spinner. The Unicode
/// set avoids emoji; its box drawing and marks are East Asian "ambiguous" and turn two cells wide
/// on terminals set up for CJK, which is what `--ascii` is for.
public struct Glyphs: Hashable, Sendable {
    /// The browser's punctuation, which this set agrees with.
    public var text: GlyphSet
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// The marker of the picked suggestion.
    public var pointer: String
    public var verified: String
    public var failed: String
    /// The frames of the spinner shown while a request is in flight.
    public var spinner: [String]
    /// Between the width and the height in the size message.
    public var times: String

    public var ellipsis: String { text.ellipsis }
    public var separator: String { text.separator }
    public var ascending: String { text.ascending }
    public var descending: String { text.descending }

    public static let unicode = Glyphs(
        text: .unicode,
        horizontal: "─",
        vertical: "│",
        topLeft: "┌",
        topRight: "┐",
        bottomLeft: "└",
        bottomRight: "┘",
        pointer: "▶",
        verified: "✓",
        failed: "✗",
        // Braille patterns are East Asian "neutral": one cell everywhere.
        spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"],
        times: "×"
    )

    public static let ascii = Glyphs(
        text: .ascii,
        horizontal: "-",
        vertical: "|",
        topLeft: "+",
        topRight: "+",
        bottomLeft: "+",
        bottomRight: "+",
        pointer: ">",
        verified: "ok",
        failed: "x",
        spinner: ["|", "/", "-", "\\"],
        times: "x"
    )
}
