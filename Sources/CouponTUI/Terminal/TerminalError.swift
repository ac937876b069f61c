/// Why the full-screen browser could not start or had to stop.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, a cron job).
    case notATerminal
    /// `TERM` is unset, empty or `dumb`: the terminal cannot move the cursor.
    case dumbTerminal(term: String?)
    /// The terminfo database has no entry for `TERM`, or ncurses could not start on it.
    case unknownTerminal(term: String)
    /// The terminal type cannot address the cursor, which a full-screen program needs.
    case noCursorAddressing(term: String)
    /// Neither the environment's locale nor C.UTF-8 is a UTF-8 locale.
    case noUTF8Locale(codeset: String)
    /// The wake-up pipe for the event loop could not be made.
    case pipeFailed(errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            return "coupondesk browse needs a terminal: standard input and output must both be a tty; "
                + "for scripts use `coupondesk list`"
        case .dumbTerminal(let term):
            let name = term.map { "TERM=\($0)" } ?? "TERM is not set"
            return "\(name): this terminal cannot show a full-screen program; "
                + "set TERM to your terminal's type (for example xterm-256color) or use `coupondesk list`"
        case .unknownTerminal(let term):
            return "TERM=\(term) is not in the terminfo database; "
                + "install ncurses-term or set TERM to xterm-256color, screen-256color or vt100"
        case .noCursorAddressing(let term):
            return "TERM=\(term) cannot move the cursor; set TERM to your terminal's real type"
        case .noUTF8Locale(let codeset):
            return "no UTF-8 locale is available (the codeset is \(codeset)), so Chinese text cannot be shown; "
                + "set LANG=C.UTF-8 or generate a UTF-8 locale"
        case .pipeFailed(let errno):
            return "could not create the event-loop pipe (errno \(errno))"
        }
    }
}
