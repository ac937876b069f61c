/// The punctuation and symbols the browser writes into its own text: Unicode, or plain ASCII for `--ascii`.
///
/// In ASCII mode every label and sentence uses ASCII punctuation, the sanitiser's placeholders use
/// caret notation (`^[`, `^A`, `^?`), and `fold(_:)` turns the ambiguous-width punctuation, arrows,
/// box drawing and shapes in data and messages into ASCII look-alikes. Chinese characters and
/// fullwidth punctuation, which every terminal draws two cells wide, and `¥` (U+00A5, one cell)
/// stay as they are; so do letters (accented Latin, Greek, Cyrillic), which have no honest stand-in.
public struct GlyphSet: Sendable, Hashable {
    /// Whether this is the ASCII set.
    public let isASCII: Bool
    /// What a cut text ends with: `…`, or `~`.
    public let ellipsis: String
    /// What follows a word for something still under way ("loading…"): `…`, or `...`.
    public let pending: String
    /// Between the parts of one line of the status line or the error: ` · `, or ` | `.
    public let separator: String
    /// Between the first and last row of a range: `–`, or `-`.
    public let rangeDash: String
    /// "At most", in the rule of a `CUT_TO` coupon: `≤`, or `<=`.
    public let atMost: String
    /// The mark of a column sorted ascending: `▲`, or `^`.
    public let ascending: String
    /// The mark of a column sorted descending: `▼`, or `v`.
    public let descending: String

    /// Box drawing, arrows and middle dots as Unicode has them.
    public static let unicode = GlyphSet(
        isASCII: false,
        ellipsis: "…",
        pending: "…",
        separator: " · ",
        rangeDash: "–",
        atMost: "≤",
        ascending: "▲",
        descending: "▼"
    )

    /// Only ASCII punctuation, for terminals that draw ambiguous characters wide or lack the fonts.
    public static let ascii = GlyphSet(
        isASCII: true,
        ellipsis: "~",
        pending: "...",
        separator: " | ",
        rangeDash: "-",
        atMost: "<=",
        ascending: "^",
        descending: "v"
    )

    private init(
        isASCII: Bool,
        ellipsis: String,
        pending: String,
        separator: String,
        rangeDash: String,
        atMost: String,
        ascending: String,
        descending: String
    ) {
        self.isASCII = isASCII
        self.ellipsis = ellipsis
        self.pending = pending
        self.separator = separator
        self.rangeDash = rangeDash
        self.atMost = atMost
        self.ascending = ascending
        self.descending = descending
    }

    /// The set for `ascii`: `.ascii` when true, `.unicode` otherwise.
    public init(ascii: Bool) {
        self = ascii ? .ascii : .unicode
    }

    /// The mark of a sort direction.
    public func sortMark(_ direction: ColumnSlot.SortDirection) -> String {
        direction == .descending ? descending : ascending
    }

    /// `text` with ambiguous-width punctuation and symbols replaced by ASCII look-alikes in ASCII mode;
    /// unchanged in Unicode mode.
    ///
    /// Meant for text that is already sanitised; a front end can pass its own symbols through it too.
    public func fold(_ text: String) -> String {
        // FIXME: letters and symbols with no ASCII look-alike (é, Ω, ♥) stay and are East Asian Ambiguous;
        // on a terminal that draws them wide they line up only with `WidthOptions.ambiguousWide` as well.
        guard isASCII, !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replacement = Self.asciiReplacement(for: scalar.value) {
                output.append(contentsOf: replacement.unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// The ASCII look-alike of a scalar, or `nil` when it stays.
    static func asciiReplacement(for value: UInt32) -> String? {
        if value < 0x80 { return nil }
        if let replacement = replacements[value] { return replacement }
        switch value {
        case 0x2460...0x2473:  // ① … ⑳
            return "(" + String(value - 0x2460 + 1) + ")"
        case 0x2474...0x2487:  // ⑴ … ⒇
            return "(" + String(value - 0x2474 + 1) + ")"
        case 0x2488...0x249B:  // ⒈ … ⒛
            return String(value - 0x2488 + 1) + "."
        case 0x2500...0x257F:
            return boxDrawing(value)
        case 0x2580...0x259F:  // block elements
            return "#"
        default:
            return nil
        }
    }

    private static func boxDrawing(_ value: UInt32) -> String {
        switch value {
        case 0x2550: return "="
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2574, 0x2576, 0x2578, 0x257A,
            0x257C, 0x257E:
            return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579,
            0x257B, 0x257D, 0x257F:
            return "|"
        case 0x2571: return "/"
        case 0x2572: return "\\"
        case 0x2573: return "X"
        default: return "+"
        }
    }

    /// Single scalars and their stand-ins; all of them are East Asian Ambiguous or look like ASCII.
    private static let replacements: [UInt32: String] = [
        // Latin-1 punctuation and signs
        0x00A1: "!", 0x00A6: "|", 0x00A8: "\"", 0x00AB: "<<", 0x00AD: "-", 0x00B0: "o", 0x00B1: "+-",
        0x00B2: "2", 0x00B3: "3", 0x00B4: "'", 0x00B7: ".", 0x00B8: ",", 0x00B9: "1", 0x00BB: ">>",
        0x00BC: "1/4", 0x00BD: "1/2", 0x00BE: "3/4", 0x00BF: "?", 0x00D7: "x", 0x00F7: "/",
        // General punctuation
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2016: "||",
        0x2018: "'", 0x2019: "'", 0x201A: ",", 0x201B: "'", 0x201C: "\"", 0x201D: "\"", 0x201E: "\"",
        0x201F: "\"", 0x2020: "+", 0x2022: "*", 0x2023: ">", 0x2024: ".", 0x2025: "..", 0x2026: "...",
        0x2027: ".", 0x2030: "o/oo", 0x2032: "'", 0x2033: "\"", 0x2035: "`", 0x203B: "*", 0x203E: "-",
        0x2039: "<", 0x203A: ">", 0x2043: "-", 0x2044: "/",
        // Letterlike and number forms that read as ASCII
        0x2103: "oC", 0x2109: "oF", 0x2116: "No.", 0x2121: "TEL", 0x2122: "TM",
        // Arrows
        0x2190: "<-", 0x2191: "^", 0x2192: "->", 0x2193: "v", 0x2194: "<->", 0x2195: "|", 0x21D0: "<=",
        0x21D2: "=>", 0x21D4: "<=>",
        // Mathematical operators
        0x2212: "-", 0x2215: "/", 0x2217: "*", 0x2219: ".", 0x221E: "inf", 0x2223: "|", 0x2236: ":",
        0x223C: "~", 0x2248: "~", 0x2260: "!=", 0x2261: "=", 0x2264: "<=", 0x2265: ">=", 0x226A: "<<",
        0x226B: ">>",
        // Geometric shapes and stars
        0x25A0: "#", 0x25A1: "[]", 0x25AA: "#", 0x25AB: "[]", 0x25B2: "^", 0x25B3: "^", 0x25B4: "^",
        0x25B5: "^", 0x25B6: ">", 0x25B7: ">", 0x25B8: ">", 0x25B9: ">", 0x25BA: ">", 0x25BB: ">",
        0x25BC: "v", 0x25BD: "v", 0x25BE: "v", 0x25BF: "v", 0x25C0: "<", 0x25C1: "<", 0x25C2: "<",
        0x25C3: "<", 0x25C4: "<", 0x25C5: "<", 0x25C6: "*", 0x25C7: "*", 0x25C8: "*", 0x25CB: "o",
        0x25CE: "o", 0x25CF: "*", 0x25E6: "o", 0x25EF: "O", 0x2605: "*", 0x2606: "*",
        // Checks and crosses
        0x2713: "v", 0x2714: "v", 0x2717: "x", 0x2718: "x",
        // The replacement character
        0xFFFD: "?",
    ]
}
