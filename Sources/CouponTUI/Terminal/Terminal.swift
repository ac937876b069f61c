import CNcursesw
import Glibc

/// The ncurses screen: starts and ends it, copies grids onto it, and reads keys.
///
/// Used from one thread only. It keeps the last grid it drew and hands ncurses only the cells
/// that changed; ncurses then sends the terminal only what differs from what it shows.
final class Terminal {
    /// What woke the event loop.
    struct Activity: Hashable {
        /// Keys (or a resize) may be waiting.
        var input = false
        /// Bytes from the wake pipe: signal numbers, or 0 for "answers are waiting".
        var wakeBytes: [UInt8] = []
        /// The terminal went away (the ssh session dropped).
        var hangUp = false
    }

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    let colorMode: ColorMode
    private let screen: OpaquePointer
    private let wakePipe: WakePipe
    private let decoder = KeyDecoder(codes: Terminal.keyCodes)
    private let paletteSize: Int
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int16 = 1
    private var drawn: ScreenGrid?
    private var cursorShown: Bool?
    private var isActive = true

    /// The key codes from the ncurses headers themselves.
    static let keyCodes = KeyDecoder.KeyCodes(
        up: KEY_UP,
        down: KEY_DOWN,
        left: KEY_LEFT,
        right: KEY_RIGHT,
        home: KEY_HOME,
        end: KEY_END,
        pageUp: KEY_PPAGE,
        pageDown: KEY_NPAGE,
        enter: KEY_ENTER,
        backspace: KEY_BACKSPACE,
        delete: KEY_DC,
        insert: KEY_IC,
        backTab: KEY_BTAB,
        resize: KEY_RESIZE,
        function0: KEY_F0
    )

    /// Picks a UTF-8 locale: the environment's, or C.UTF-8 when that is not UTF-8.
    ///
    /// Under `LANG=C` ncursesw would print Chinese as `~U~F…`; C.UTF-8 exists on every Debian system.
    static func selectUTF8Locale() throws(TerminalError) {
        setlocale(LC_ALL, "")
        if isUTF8Codeset() { return }
        setlocale(LC_CTYPE, "C.UTF-8")
        if isUTF8Codeset() { return }
        throw .noUTF8Locale(codeset: currentCodeset())
    }

    private static func currentCodeset() -> String {
        guard let codeset = coupondesk_codeset() else { return "unknown" }
        return String(cString: codeset)
    }

    private static func isUTF8Codeset() -> Bool {
        let codeset = currentCodeset().uppercased()
        return codeset == "UTF-8" || codeset == "UTF8"
    }

    /// Checks that standard input and output are a terminal ncurses can drive, before touching it.
    static func checkUsable(environment: [String: String]) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        let term = environment["TERM"]
        guard let term, !term.isEmpty, term != "dumb" else { throw .dumbTerminal(term: term) }
    }

    /// Starts ncurses on the process's terminal.
    init(colorAllowed: Bool, environment: [String: String], wakePipe: WakePipe) throws(TerminalError) {
        try Terminal.checkUsable(environment: environment)
        try Terminal.selectUTF8Locale()
        let term = environment["TERM"] ?? ""

        SignalRelay.prepareEmergencyRestore(resetSequence: [])
        SignalRelay.installCrashHandlers()
        guard let screen = coupondesk_newterm() else {
            SignalRelay.uninstall()
            throw .unknownTerminal(term: term)
        }
        self.screen = screen
        self.wakePipe = wakePipe
        guard coupondesk_terminfo_string("cup") != nil else {
            endwin()
            delscreen(screen)
            SignalRelay.uninstall()
            throw .noCursorAddressing(term: term)
        }

        // FIXME: raw mode turns Ctrl-Z into an ordinary key, so the browser cannot be suspended to the shell.
        raw()
        noecho()
        nonl()
        intrflush(coupondesk_stdscr(), false)
        keypad(coupondesk_stdscr(), true)
        nodelay(coupondesk_stdscr(), true)
        if environment["ESCDELAY"] == nil {
            // Esc reaches the program after 25 ms instead of ncurses' default second.
            set_escdelay(25)
        }
        mousemask(0, nil)
        Terminal.defineExtraKeys()

        // COLORS is only set by start_color, so colour is started before the mode is chosen from it.
        let wantsColor = ColorMode(terminalColors: 256, colorAllowed: colorAllowed, environment: environment)
        var colors = 0
        if wantsColor != .monochrome, has_colors(), start_color() != ERR {
            use_default_colors()
            colors = Int(coupondesk_colors())
        }
        let mode = ColorMode(terminalColors: colors, colorAllowed: colorAllowed, environment: environment)
        colorMode = mode
        paletteSize = mode == .monochrome ? 0 : Int(coupondesk_colors())

        SignalRelay.updateResetSequence(Terminal.resetSequence())
        SignalRelay.installRelays(wakeDescriptor: wakePipe.writeDescriptor)
    }

    deinit {
        end()
    }

    /// Ends ncurses and gives the terminal back as it was; safe to call more than once.
    func end() {
        guard isActive else { return }
        isActive = false
        SignalRelay.uninstall()
        if coupondesk_terminfo_string("rmcup") == nil {
            // Without an alternate screen (vt100, the Linux console) the last frame would stay under the prompt.
            werase(coupondesk_stdscr())
            wrefresh(coupondesk_stdscr())
        }
        curs_set(1)
        endwin()
        delscreen(screen)
    }

    /// The terminal's size in columns and rows, as ncurses knows it after the last resize.
    var size: (width: Int, height: Int) {
        (Int(getmaxx(coupondesk_stdscr())), Int(getmaxy(coupondesk_stdscr())))
    }

    /// Sequences for Home and End that some `TERM` settings do not describe (xterm's inside tmux, and so on).
    private static func defineExtraKeys() {
        let home = ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH"]
        let end = ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF"]
        for sequence in home where key_defined(sequence) == 0 {
            define_key(sequence, KEY_HOME)
        }
        for sequence in end where key_defined(sequence) == 0 {
            define_key(sequence, KEY_END)
        }
    }

    /// What undoes the screen setup if the program dies: leave the alternate screen, show the cursor, reset video.
    private static func resetSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for name in ["sgr0", "cnorm", "rmcup"] {
            guard let value = coupondesk_terminfo_string(name) else { continue }
            bytes += stripPadding(Array(String(cString: value).utf8))
        }
        return bytes + Array("\r\n".utf8)
    }

    /// Removes terminfo delay markers (`$<5>`), which only `tputs` understands.
    static func stripPadding(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<"),
                let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ">"))
            {
                index = close + 1
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        return output
    }

    // MARK: - Drawing

    /// Copies the cells of `grid` that changed since the last call onto the screen and sends them.
    ///
    /// With `repaint`, the terminal is cleared and everything is sent again (Ctrl-L).
    /// Returns whether anything was sent.
    @discardableResult
    func draw(_ grid: ScreenGrid, repaint: Bool = false) -> Bool {
        // One `j` at 120×40 is about 530 bytes: the two rows whose highlight moves and the detail beside them.
        let sameSize = drawn.map { $0.width == grid.width && $0.height == grid.height } ?? false
        let previous = sameSize && !repaint ? drawn : nil
        var changed = previous == nil
        if previous == nil {
            werase(coupondesk_stdscr())
        }
        if repaint {
            clearok(coupondesk_curscr(), true)
        }

        for y in 0..<grid.height {
            var x = 0
            while x < grid.width {
                let cell = grid[x, y]
                let lead = cell.isContinuation && x > 0 ? x - 1 : x
                let leadCell = grid[lead, y]
                let width = max(1, Int(leadCell.width))
                let unchanged = previous.map { old in
                    (lead..<(lead + width)).allSatisfy { old[$0, y] == grid[$0, y] }
                }
                if unchanged != true {
                    put(leadCell, x: lead, y: y)
                    changed = true
                }
                x = lead + width
            }
        }

        let wantsCursor = grid.cursor != nil
        if cursorShown != wantsCursor {
            curs_set(wantsCursor ? 1 : 0)
            cursorShown = wantsCursor
            changed = true
        }
        if let cursor = grid.cursor {
            wmove(coupondesk_stdscr(), Int32(cursor.y), Int32(cursor.x))
            changed = true
        } else {
            wmove(coupondesk_stdscr(), Int32(max(0, grid.height - 1)), Int32(max(0, grid.width - 1)))
        }
        drawn = grid
        guard changed || repaint else { return false }
        wnoutrefresh(coupondesk_stdscr())
        doupdate()
        return true
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let attributes = attributeBits(cell.style)
        let pair = colorPair(cell.style)
        let width = max(1, Int(cell.width))
        let plan = GlyphPlan.plan(for: cell.grapheme ?? " ", cellWidth: width) { Int(wcwidth(wchar_t($0))) }
        var column = Int32(x)
        for piece in plan.pieces {
            var text = piece.map { wchar_t(bitPattern: $0) } + [0]
            _ = coupondesk_put_grapheme(Int32(y), column, &text, attributes, pair)
            column += Int32(max(1, wcwidth(text[0])))
        }
    }

    private func attributeBits(_ style: CellStyle) -> UInt32 {
        var bits = coupondesk_attr_normal()
        if style.attributes.contains(.bold) { bits |= coupondesk_attr_bold() }
        if style.attributes.contains(.reverse) { bits |= coupondesk_attr_reverse() }
        if style.attributes.contains(.underline) { bits |= coupondesk_attr_underline() }
        if style.attributes.contains(.dim) { bits |= coupondesk_attr_dim() }
        // On an 8-colour terminal, the bright colours are the basic ones in bold.
        if case .palette(let index) = style.foreground, index >= 8, index < 16, paletteSize < 16, paletteSize > 0 {
            bits |= coupondesk_attr_bold()
        }
        return bits
    }

    private func colorNumber(_ color: TerminalColor) -> Int16 {
        switch color {
        case .default:
            return -1
        case .palette(let index):
            if Int(index) < paletteSize { return Int16(index) }
            return Int16(index % 8)
        }
    }

    private func colorPair(_ style: CellStyle) -> Int16 {
        guard colorMode != .monochrome else { return 0 }
        let key = PairKey(foreground: colorNumber(style.foreground), background: colorNumber(style.background))
        if key.foreground == -1, key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        guard Int32(nextPair) < coupondesk_color_pairs() else { return 0 }
        let pair = nextPair
        guard init_pair(pair, key.foreground, key.background) != ERR else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }

    /// Writes bytes straight to the terminal after the last update, for sequences ncurses does not know (OSC 52).
    func writeRaw(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 {
                if written < 0, errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    // MARK: - Input

    /// Every key waiting, without blocking; a resize shows up as `.resize`.
    func readKeys() -> [Key] {
        var keys: [Key] = []
        while keys.count < 4096 {
            var value: wint_t = 0
            let status = wget_wch(coupondesk_stdscr(), &value)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                keys.append(decoder.key(forKeyCode: Int32(bitPattern: value)))
            } else if let key = decoder.key(forCharacter: value) {
                keys.append(key)
            }
        }
        return keys
    }

    /// Blocks until a key, a wake-up or a signal arrives, or `timeoutMilliseconds` pass (-1: no limit).
    func waitForActivity(timeoutMilliseconds: Int32) -> Activity {
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakePipe.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        var activity = Activity()
        let result = poll(&descriptors, 2, timeoutMilliseconds)
        if result < 0 {
            // EINTR: a signal (often SIGWINCH) arrived; ncurses may now have a KEY_RESIZE for us.
            activity.input = true
            activity.wakeBytes = wakePipe.drain()
            return activity
        }
        let inputEvents = Int32(descriptors[0].revents)
        if inputEvents & Int32(POLLIN) != 0 { activity.input = true }
        if inputEvents & Int32(POLLHUP | POLLERR | POLLNVAL) != 0, inputEvents & Int32(POLLIN) == 0 {
            activity.hangUp = true
        }
        if descriptors[1].revents != 0 {
            activity.wakeBytes = wakePipe.drain()
        }
        return activity
    }
}
