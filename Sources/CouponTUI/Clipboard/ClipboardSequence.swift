/// The bytes that ask the terminal to put text on the system clipboard (OSC 52).
///
/// The sequence is `ESC ] 52 ; c ; <base64> BEL`. Inside tmux it is also sent wrapped in tmux's
/// passthrough (`ESC P tmux; …  ESC \`, every ESC inside doubled), because tmux forwards a bare
/// OSC 52 only with `set-clipboard on` and a wrapped one only with `allow-passthrough on`.
/// Inside GNU screen it is cut into DCS chunks, since screen drops DCS strings over 768 bytes.
public struct ClipboardSequence: Sendable, Hashable {
    /// The multiplexer, if any, that the sequence has to pass through.
    public enum Multiplexer: Sendable, Hashable {
        case none
        case tmux
        case screen

        /// The multiplexer the environment says the program runs in: `TMUX` or `STY`, then a `tmux*` `TERM`.
        ///
        /// A `screen*` `TERM` alone is not taken as screen: tmux sets it too, and over ssh `TMUX` is not passed on.
        public init(environment: [String: String]) {
            if let tmux = environment["TMUX"], !tmux.isEmpty {
                self = .tmux
            } else if let sty = environment["STY"], !sty.isEmpty {
                self = .screen
            } else if let term = environment["TERM"], term.hasPrefix("tmux") {
                self = .tmux
            } else {
                self = .none
            }
        }
    }

    /// Why a text was not sent to the clipboard.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// Nothing to copy.
        case empty
        /// The text is longer than terminals reliably accept in one OSC 52.
        case tooLong(bytes: Int, limit: Int)

        public var description: String {
            switch self {
            case .empty:
                return "nothing to copy"
            case .tooLong(let bytes, let limit):
                return "too long to copy through the terminal (\(bytes) bytes, limit \(limit))"
            }
        }
    }

    /// The most bytes of text sent in one sequence; xterm's own limit on the whole sequence is higher.
    public static let defaultLimit = 4096

    /// Screen's limit on one DCS string is 768 bytes; chunks stay below it with room for the framing.
    static let screenChunkSize = 760

    public var multiplexer: Multiplexer
    public var limit: Int

    public init(multiplexer: Multiplexer, limit: Int = ClipboardSequence.defaultLimit) {
        self.multiplexer = multiplexer
        self.limit = limit
    }

    /// The bytes to write to the terminal to copy `text`.
    public func bytes(copying text: String) throws(Refusal) -> [UInt8] {
        let payload = Array(text.utf8)
        guard !payload.isEmpty else { throw .empty }
        guard payload.count <= limit else { throw .tooLong(bytes: payload.count, limit: limit) }

        let osc: [UInt8] = [0x1B] + Array("]52;c;".utf8) + Self.base64(payload) + [0x07]
        switch multiplexer {
        case .none:
            return osc
        case .tmux:
            var wrapped: [UInt8] = [0x1B] + Array("Ptmux;".utf8)
            for byte in osc {
                if byte == 0x1B { wrapped.append(0x1B) }
                wrapped.append(byte)
            }
            wrapped += [0x1B, 0x5C]
            return osc + wrapped
        case .screen:
            var chunked: [UInt8] = []
            var start = 0
            while start < osc.count {
                let end = min(osc.count, start + Self.screenChunkSize)
                chunked += [0x1B, 0x50] + osc[start..<end] + [0x1B, 0x5C]
                start = end
            }
            return chunked
        }
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Standard Base64 with padding (RFC 4648 §4), which OSC 52 uses.
    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            output += [18, 12, 6, 0].map { alphabet[Int((value >> UInt32($0)) & 0x3F)] }
            index += 3
        }
        let remaining = bytes.count - index
        if remaining == 1 {
            let value = UInt32(bytes[index]) << 16
            output += [alphabet[Int(value >> 18 & 0x3F)], alphabet[Int(value >> 12 & 0x3F)], 0x3D, 0x3D]
        } else if remaining == 2 {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            output += [
                alphabet[Int(value >> 18 & 0x3F)], alphabet[Int(value >> 12 & 0x3F)], alphabet[Int(value >> 6 & 0x3F)],
                0x3D,
            ]
        }
        return output
    }
}
