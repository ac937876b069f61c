/// Turns what ncurses' `wget_wch` returns into keys.
///
/// Pure, so every mapping is tested without a terminal; the ncurses key codes are passed in by
/// the terminal layer as a `KeyCodes` table.
public struct KeyDecoder: Sendable {
    /// The ncurses key codes (`KEY_UP` and so on) this decoder recognises.
    public struct KeyCodes: Sendable, Hashable {
        public var up: Int32
        public var down: Int32
        public var left: Int32
        public var right: Int32
        public var home: Int32
        public var end: Int32
        public var pageUp: Int32
        public var pageDown: Int32
        public var enter: Int32
        public var backspace: Int32
        public var delete: Int32
        public var insert: Int32
        public var backTab: Int32
        public var resize: Int32
        /// `KEY_F(0)`; F*n* is this plus *n*.
        public var function0: Int32

        public init(
            up: Int32,
            down: Int32,
            left: Int32,
            right: Int32,
            home: Int32,
            end: Int32,
            pageUp: Int32,
            pageDown: Int32,
            enter: Int32,
            backspace: Int32,
            delete: Int32,
            insert: Int32,
            backTab: Int32,
            resize: Int32,
            function0: Int32
        ) {
            self.up = up
            self.down = down
            self.left = left
            self.right = right
            self.home = home
            self.end = end
            self.pageUp = pageUp
            self.pageDown = pageDown
            self.enter = enter
            self.backspace = backspace
            self.delete = delete
            self.insert = insert
            self.backTab = backTab
            self.resize = resize
            self.function0 = function0
        }

        /// The values in ncurses 6's `curses.h`, which are fixed by its terminfo key table.
        public static let ncurses = KeyCodes(
            up: 0o403,
            down: 0o402,
            left: 0o404,
            right: 0o405,
            home: 0o406,
            end: 0o550,
            pageUp: 0o523,
            pageDown: 0o522,
            enter: 0o527,
            backspace: 0o407,
            delete: 0o512,
            insert: 0o513,
            backTab: 0o541,
            resize: 0o632,
            function0: 0o410
        )
    }

    public var codes: KeyCodes

    public init(codes: KeyCodes = .ncurses) {
        self.codes = codes
    }

    /// The key for a function-key code (`wget_wch` returned `KEY_CODE_YES`).
    public func key(forKeyCode code: Int32) -> Key {
        switch code {
        case codes.up: return .up
        case codes.down: return .down
        case codes.left: return .left
        case codes.right: return .right
        case codes.home: return .home
        case codes.end: return .end
        case codes.pageUp: return .pageUp
        case codes.pageDown: return .pageDown
        case codes.enter: return .enter
        case codes.backspace: return .backspace
        case codes.delete: return .delete
        case codes.insert: return .insert
        case codes.backTab: return .backTab
        case codes.resize: return .resize
        case (codes.function0 + 1)...(codes.function0 + 12): return .function(Int(code - codes.function0))
        default: return .unknown(code)
        }
    }

    /// The key for a character (`wget_wch` returned `OK`), or `nil` for one that means nothing.
    public func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 0x0A, 0x0D: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace
        case 0x01...0x1A:
            guard let letter = Unicode.Scalar(value + 0x60) else { return nil }
            return .control(Character(letter))
        case 0x00...0x1F, 0x80...0x9F:
            return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
