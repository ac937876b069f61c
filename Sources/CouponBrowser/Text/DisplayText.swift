/// Text from data, sanitised once and measured once, ready to be fitted into cells many times.
///
/// Rows keep their cells as `DisplayText` so that drawing a frame only fits the rows on screen and
/// never measures the whole list again.
public struct DisplayText: Sendable, Hashable, CustomStringConvertible {
    /// The sanitised text.
    public let text: String
    /// The cells `text` takes.
    public let width: Int

    /// Sanitises `raw` (with the placeholders and stand-ins of `glyphs`) and measures it.
    public init(_ raw: String, options: WidthOptions = .standard, glyphs: GlyphSet = .unicode) {
        let clean = Sanitizer.sanitize(raw, glyphs: glyphs)
        self.text = clean
        self.width = DisplayWidth.of(clean, options: options)
    }

    /// Wraps text that is already safe (built by this module from safe parts) without sanitising it again.
    init(trusted text: String, options: WidthOptions = .standard) {
        self.text = text
        self.width = DisplayWidth.of(text, options: options)
    }

    /// The empty text.
    public static let empty = DisplayText(trusted: "")

    public var description: String { text }

    /// Whether the text is empty.
    public var isEmpty: Bool { text.isEmpty }

    /// The text cut to at most `width` cells, with an ellipsis when cut.
    public func truncated(
        toWidth width: Int,
        ellipsis: String = TextLayout.ellipsis,
        options: WidthOptions = .standard
    ) -> String {
        if self.width <= width { return text }
        return TextLayout.truncated(text, toWidth: width, ellipsis: ellipsis, options: options)
    }

    /// The text made exactly `width` cells wide.
    public func padded(
        toWidth width: Int,
        alignment: TextLayout.Alignment = .left,
        ellipsis: String = TextLayout.ellipsis,
        options: WidthOptions = .standard
    ) -> String {
        if self.width == width { return text }
        if self.width < width {
            let gap = String(repeating: " ", count: width - self.width)
            switch alignment {
            case .left: return text + gap
            case .right: return gap + text
            case .center:
                let before = (width - self.width) / 2
                return String(repeating: " ", count: before) + text
                    + String(repeating: " ", count: width - self.width - before)
            }
        }
        return TextLayout.padded(text, toWidth: width, alignment: alignment, ellipsis: ellipsis, options: options)
    }
}
