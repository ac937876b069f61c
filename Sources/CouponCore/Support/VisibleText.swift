/// Text from the network made safe to show: control characters become visible escapes.
public enum VisibleText {
    /// `text` with every control, bidi-override and line-breaking character written as `\n`, `\t` or `\u{…}`,
    /// cut to `limit` characters (an ellipsis marks the cut).
    public static func escape(_ text: String, limit: Int = 512) -> String {
        var output = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit {
                output += "…"
                break
            }
            count += 1
            switch scalar {
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if isUnsafe(scalar) {
                    output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// Whether a terminal could act on `scalar` instead of showing it.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Bidi embeddings, overrides and isolates can reorder what follows them on screen.
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        // Line and paragraph separators break lines in some terminals.
        case 0x2028, 0x2029: return true
        default: return false
        }
    }
}
