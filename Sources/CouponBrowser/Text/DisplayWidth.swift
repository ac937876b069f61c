/// How many terminal cells text takes, measured per grapheme cluster.
///
/// East Asian wide and fullwidth characters take two cells, marks and zero-width characters none,
/// emoji two (a flag's pair of regional indicators, a skin-toned or ZWJ-joined emoji, or a symbol
/// with VS16 is one emoji), and ambiguous characters one unless `WidthOptions` says two. Control
/// characters are measured as zero: text is passed through `Sanitizer` before it is measured.
public enum DisplayWidth {
    /// The cells `text` takes.
    public static func of(_ text: String, options: WidthOptions = .standard) -> Int {
        if let ascii = asciiWidth(text) { return ascii }
        var total = 0
        for character in text {
            total += of(character, options: options)
        }
        return total
    }

    /// The cells one grapheme cluster takes.
    public static func of(_ character: Character, options: WidthOptions = .standard) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F, scalars.count == 1 {
            return first.value >= 0x20 ? 1 : 0
        }

        var total = 0
        var previous: Unicode.Scalar?
        var previousWidth = 0
        var joined = false
        for scalar in scalars {
            var width: Int
            switch scalar.value {
            case 0xFE0F:
                // VS16 asks for emoji presentation: an emoji-capable base becomes two cells.
                if let base = previous, base.properties.isEmoji, previousWidth < 2 {
                    total += 2 - previousWidth
                    previousWidth = 2
                }
                width = 0
            case 0xFE0E:
                // VS15 asks for text presentation: the base is drawn in one cell.
                if previousWidth == 2, let base = previous, base.properties.isEmojiPresentation {
                    total -= 1
                    previousWidth = 1
                }
                width = 0
            case 0x200D:
                // Only emoji join into one picture; a ZWJ in Indic text shapes the letters around it.
                joined = previous?.properties.isEmoji ?? false
                width = 0
            case 0x1F3FB...0x1F3FF where previous != nil:
                // A skin tone modifies the emoji before it and takes no cell of its own.
                width = 0
            case 0x1F1E6...0x1F1FF:
                // A flag is a pair of regional indicators: one cell each, two for the flag.
                width = 1
            default:
                if joined {
                    // The emoji after a ZWJ is drawn as part of the one before it.
                    width = 0
                    joined = false
                } else {
                    width = of(scalar, options: options)
                }
            }
            if scalar.value != 0xFE0F, scalar.value != 0xFE0E, scalar.value != 0x200D {
                previous = scalar
                previousWidth = width
            }
            total += width
        }
        return total
    }

    /// The cells one scalar takes on its own, outside any cluster.
    public static func of(_ scalar: Unicode.Scalar, options: WidthOptions = .standard) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }
        if value < 0x300 {
            if value == 0xAD { return 1 }
            return options.ambiguousIsWide && contains(WidthTables.ambiguous, value) ? 2 : 1
        }
        if contains(WidthTables.zeroWidth, value) { return 0 }
        if contains(WidthTables.wide, value) { return 2 }
        if options.ambiguousIsWide, contains(WidthTables.ambiguous, value) { return 2 }
        // FIXME: the tables follow Python's Unicode version (14.0 on Debian 12); emoji added since are
        // found through the standard library's properties, other new wide characters are not.
        if value >= 0x1F000, scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// The width of text made only of printable ASCII, or `nil` when it holds anything else.
    @inline(__always)
    static func asciiWidth(_ text: String) -> Int? {
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }

    private static func contains(_ table: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = table.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = table[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

/// Settings that change how wide some characters are drawn.
public struct WidthOptions: Sendable, Hashable {
    /// Whether East Asian Ambiguous characters (`…`, `─`, `°`, Greek, Cyrillic) take two cells.
    ///
    /// Terminals set up for CJK fonts (PuTTY's "CJK ambiguous wide", some Windows SSH clients) draw
    /// them wide; most others draw them in one cell.
    public var ambiguousIsWide: Bool

    public init(ambiguousIsWide: Bool = false) {
        self.ambiguousIsWide = ambiguousIsWide
    }

    /// Ambiguous characters in one cell.
    public static let standard = WidthOptions()
    /// Ambiguous characters in two cells.
    public static let ambiguousWide = WidthOptions(ambiguousIsWide: true)
}
