import CouponCore

// FIXME: stands in for CouponBrowser's DisplayText and Sanitizer until they land; delete this file then.
enum Sanitizer {
    static func sanitize(_ text: String) -> String {
        VisibleText.escape(text, limit: Int.max)
    }
}

struct DisplayText {
    let text: String
    let width: Int

    init(_ raw: String) {
        text = Sanitizer.sanitize(raw)
        width = text.reduce(0) { $0 + Self.width(of: $1) }
    }

    func padded(toWidth target: Int, alignment: Alignment = .left) -> String {
        var cut = ""
        var used = 0
        if width <= target {
            cut = text
            used = width
        } else {
            for character in text {
                let cells = Self.width(of: character)
                if used + cells > target - 1 { break }
                cut.append(character)
                used += cells
            }
            cut += "…"
            used += 1
        }
        let gap = String(repeating: " ", count: max(0, target - used))
        return alignment == .left ? cut + gap : gap + cut
    }

    enum Alignment {
        case left
        case right
    }

    private static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return 2
        default:
            return scalar.properties.generalCategory == .nonspacingMark ? 0 : 1
        }
    }
}
