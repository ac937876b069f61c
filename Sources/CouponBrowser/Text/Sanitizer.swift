/// Makes text from the network safe to measure and draw: nothing in it can steer the terminal.
///
/// Every escape sequence (CSI, OSC, DCS, SOS, PM, APC and two-character ESC sequences, in their
/// 7-bit and C1 forms) becomes `␛` followed by its printable body, so an agent sees that it was
/// there without the terminal acting on it. C0 controls become their Control Pictures (`␀`…`␟`),
/// DEL becomes `␡`, bidirectional overrides and invisible characters become a bracketed name such
/// as `<RLO>`, and a mark that would combine with whatever is drawn before the text gets a `◌`.
/// With `GlyphSet.ascii` the placeholders are ASCII instead: `^[` for ESC, caret notation (`^@`…`^_`,
/// `^?`) for the controls, a space under a leading mark, and the text is then passed through
/// `GlyphSet.fold(_:)`.
public enum Sanitizer {
    /// The longest part of an OSC, DCS, SOS, PM or APC payload that is shown; the rest becomes `…`.
    public static let shownPayloadLength = 12
    /// The longest CSI or ESC body that is shown; the rest becomes `…`.
    public static let shownSequenceLength = 16

    /// `text` with every control character and escape sequence replaced by a visible placeholder.
    ///
    /// With `keepingLineBreaks`, line feeds stay (a CR LF pair or a lone CR becomes one line feed)
    /// and tabs become a space, for text shown over several lines; otherwise they are replaced too.
    public static func sanitize(
        _ text: String,
        keepingLineBreaks: Bool = false,
        glyphs: GlyphSet = .unicode
    ) -> String {
        if isPrintableASCII(text) { return text }
        if !needsWork(text) { return glyphs.fold(text) }
        let ascii = glyphs.isASCII

        var output = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            switch value {
            case 0x1B:
                index = appendEscapeSequence(scalars, from: index + 1, ascii: ascii, into: &output)
                continue
            case 0x80...0x9F:
                // A C1 control is the 8-bit spelling of ESC and the character 0x40 below it.
                scalars[index] = Unicode.Scalar(UInt8(value - 0x40))
                index = appendEscapeSequence(scalars, from: index, ascii: ascii, into: &output)
                continue
            case 0x0A where keepingLineBreaks:
                output.append("\n")
            case 0x0D where keepingLineBreaks:
                output.append("\n")
                if index + 1 < scalars.count, scalars[index + 1].value == 0x0A { index += 1 }
            case 0x09 where keepingLineBreaks:
                output.append(" ")
            case 0x00...0x1F:
                output.append(contentsOf: controlPlaceholder(value, ascii: ascii).unicodeScalars)
            case 0x7F:
                output.append(contentsOf: (ascii ? "^?" : "\u{2421}").unicodeScalars)
            default:
                if let name = invisibleName(value) {
                    output.append(contentsOf: "<\(name)>".unicodeScalars)
                } else {
                    if output.isEmpty, isCombiningMark(scalar) {
                        output.append(ascii ? " " : "\u{25CC}")
                    }
                    output.append(scalar)
                }
            }
            index += 1
        }
        return glyphs.fold(String(output))
    }

    /// Whether `text` would come out of `sanitize(_:)` unchanged.
    public static func isClean(_ text: String) -> Bool {
        isPrintableASCII(text) || !needsWork(text)
    }

    // MARK: - Escape sequences

    /// Appends the placeholder of the sequence whose ESC was just before `start`; returns where reading goes on.
    private static func appendEscapeSequence(
        _ scalars: [Unicode.Scalar],
        from start: Int,
        ascii: Bool,
        into output: inout String.UnicodeScalarView
    ) -> Int {
        output.append(contentsOf: (ascii ? "^[" : "␛").unicodeScalars)
        guard start < scalars.count else { return start }
        let introducer = scalars[start].value
        switch introducer {
        case 0x5B:  // CSI: parameters 0x30–0x3F, intermediates 0x20–0x2F, one final 0x40–0x7E.
            var index = start + 1
            while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
            let hasFinal = index < scalars.count && (0x40...0x7E).contains(scalars[index].value)
            let end = hasFinal ? index + 1 : index
            appendBody(scalars[start..<end], limit: shownSequenceLength, ascii: ascii, into: &output)
            return end
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // OSC, DCS, SOS, PM, APC: a string up to BEL or ST.
            output.append(scalars[start])
            var index = start + 1
            var payload: [Unicode.Scalar] = []
            while index < scalars.count {
                let value = scalars[index].value
                if value == 0x07 || value == 0x9C {
                    index += 1
                    break
                }
                if value == 0x1B, index + 1 < scalars.count, scalars[index + 1].value == 0x5C {
                    index += 2
                    break
                }
                // An ESC that does not end the string starts a new sequence, as terminals treat it.
                if value == 0x1B { break }
                payload.append(scalars[index])
                index += 1
            }
            appendPayload(payload, ascii: ascii, into: &output)
            return index
        case 0x20...0x2F:  // intermediates, then one final 0x30–0x7E
            var index = start
            while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
            let end = index < scalars.count && (0x30...0x7E).contains(scalars[index].value) ? index + 1 : index
            appendBody(scalars[start..<end], limit: shownSequenceLength, ascii: ascii, into: &output)
            return end
        case 0x30...0x7E:
            output.append(scalars[start])
            return start + 1
        default:
            // ESC before anything else is a lone ESC; what follows is read as ordinary text.
            return start
        }
    }

    private static func appendBody(
        _ body: ArraySlice<Unicode.Scalar>,
        limit: Int,
        ascii: Bool,
        into output: inout String.UnicodeScalarView
    ) {
        output.append(contentsOf: body.prefix(limit))
        if body.count > limit { output.append(contentsOf: (ascii ? "..." : "…").unicodeScalars) }
    }

    private static func appendPayload(
        _ payload: [Unicode.Scalar],
        ascii: Bool,
        into output: inout String.UnicodeScalarView
    ) {
        for scalar in payload.prefix(shownPayloadLength) {
            let value = scalar.value
            if value < 0x20 {
                output.append(contentsOf: controlPlaceholder(value, ascii: ascii).unicodeScalars)
            } else if value == 0x7F || (0x80...0x9F).contains(value) || invisibleName(value) != nil {
                output.append(ascii ? "?" : "\u{FFFD}")
            } else {
                output.append(scalar)
            }
        }
        if payload.count > shownPayloadLength { output.append(contentsOf: (ascii ? "..." : "…").unicodeScalars) }
    }

    // MARK: - Single characters

    /// The Control Picture of a C0 control (`␀`…`␟`), or its caret notation (`^@`…`^_`) in ASCII mode.
    private static func controlPlaceholder(_ value: UInt32, ascii: Bool) -> String {
        if ascii {
            return "^" + String(Unicode.Scalar(UInt8(truncatingIfNeeded: 0x40 + value)))
        }
        return String(Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}")
    }

    /// The name shown for an invisible character that could hide or reorder text, or `nil`.
    private static func invisibleName(_ value: UInt32) -> String? {
        switch value {
        case 0x061C: return "ALM"
        case 0x200B: return "ZWSP"
        case 0x200E: return "LRM"
        case 0x200F: return "RLM"
        case 0x2028: return "LS"
        case 0x2029: return "PS"
        case 0x202A: return "LRE"
        case 0x202B: return "RLE"
        case 0x202C: return "PDF"
        case 0x202D: return "LRO"
        case 0x202E: return "RLO"
        case 0x2060: return "WJ"
        case 0x2066: return "LRI"
        case 0x2067: return "RLI"
        case 0x2068: return "FSI"
        case 0x2069: return "PDI"
        case 0xFEFF: return "BOM"
        case 0xFFF9...0xFFFB: return "IA"
        default: return nil
        }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }

    private static func isPrintableASCII(_ text: String) -> Bool {
        DisplayWidth.asciiWidth(text) != nil
    }

    private static func needsWork(_ text: String) -> Bool {
        var first = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || invisibleName(value) != nil { return true }
            if first, value >= 0x300, isCombiningMark(scalar) { return true }
            first = false
        }
        return false
    }
}
