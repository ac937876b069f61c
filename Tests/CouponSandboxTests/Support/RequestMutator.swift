@testable import CouponSandbox

/// Requests bent the ways a confused or hostile client bends them, from a fixed seed so every run sees the same ones.
///
/// Edits work on whole lines (dropped, doubled, line ends changed) as well as on bytes and on the
/// tokens a request parser and a query reader split on.
struct RequestMutator {
    /// Text spliced in at random places.
    var tokens: [String]
    private var random: SplitMix64

    init(seed: UInt64, tokens: [String]) {
        self.random = SplitMix64(seed: seed)
        self.tokens = tokens
    }

    /// A copy of `text` with one to four edits.
    mutating func mutant(of text: String) -> [UInt8] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        for _ in 0..<Int(1 + random.next() % 4) {
            let line = pick(lines.count)
            switch random.next() % 8 {
            case 0 where lines.count > 1: lines.remove(at: line)
            case 1: lines.insert(lines[line], at: line)
            case 2: lines[line].removeAll { $0 == 13 }
            case 3: lines[line].insert(UInt8(truncatingIfNeeded: random.next()), at: pick(lines[line].count + 1))
            case 4: lines[line].removeSubrange(pick(lines[line].count + 1)...)
            case 5: lines[line].append(contentsOf: Array(repeating: UInt8(ascii: "9"), count: Int(random.next() % 24)))
            default:
                let token = tokens[pick(tokens.count)]
                lines[line].insert(contentsOf: Array(token.utf8), at: pick(lines[line].count + 1))
            }
        }
        return Array(lines.joined(separator: [10]))
    }

    private mutating func pick(_ count: Int) -> Int {
        Int(random.next() % UInt64(max(1, count)))
    }
}
