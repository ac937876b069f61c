/// A seeded xorshift64* generator, so every random-input test sees the same inputs on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        // Xorshift never leaves zero, so zero is replaced by a fixed odd constant.
        state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed
    }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}

/// Well-formed inputs bent the ways bytes from the network go wrong: flipped, cut, repeated and spliced.
struct Mutator {
    /// Text that is likely to steer a parser into its rarer paths.
    var tokens: [String]
    private var random: SeededGenerator

    init(seed: UInt64, tokens: [String]) {
        self.random = SeededGenerator(seed: seed)
        self.tokens = tokens
    }

    /// `count` inputs, each one to four edits away from a random one of `seeds`.
    mutating func mutants(of seeds: [String], count: Int) -> [[UInt8]] {
        (0..<count).map { _ in
            var bytes = Array(seeds[Int.random(in: 0..<seeds.count, using: &random)].utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                edit(&bytes)
            }
            return bytes
        }
    }

    private mutating func edit(_ bytes: inout [UInt8]) {
        let position = Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<7, using: &random) {
        case 0 where position < bytes.count:
            bytes[position] = UInt8.random(in: 0...255, using: &random)
        case 1:
            bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
        case 2:
            let token = tokens[Int.random(in: 0..<tokens.count, using: &random)]
            bytes.insert(contentsOf: Array(token.utf8), at: position)
        case 3:
            let end = min(bytes.count, position + Int.random(in: 1...16, using: &random))
            bytes.removeSubrange(position..<end)
        case 4:
            let end = min(bytes.count, position + Int.random(in: 1...32, using: &random))
            bytes.insert(contentsOf: Array(bytes[position..<end]), at: position)
        case 5:
            bytes.removeSubrange(position...)
        default:
            // Numbers are where overflow hides: make one much longer.
            if let digit = bytes.indices.first(where: { $0 >= position && (48...57).contains(bytes[$0]) }) {
                bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "9"), count: 20), at: digit)
            }
        }
    }
}
