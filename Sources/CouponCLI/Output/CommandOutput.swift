/// Where a command writes text: standard output or error of the process, or a buffer in tests.
public protocol CommandOutput: Sendable {
    /// Whether the text goes to a terminal, which decides the default format and what is escaped.
    var isTerminal: Bool { get }
    /// The terminal's width in columns, when it is a terminal and the width is known.
    var terminalColumns: Int? { get }

    /// Writes `text` as UTF-8, unchanged.
    func write(_ text: String)
}

extension CommandOutput {
    /// Writes `text` followed by a newline.
    func writeLine(_ text: String = "") {
        write(text + "\n")
    }
}
