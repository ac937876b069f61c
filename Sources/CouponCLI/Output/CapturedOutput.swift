import Synchronization

/// Output kept in memory, so tests can run commands in-process and read what they wrote.
public final class CapturedOutput: CommandOutput {
    public let isTerminal: Bool
    public let terminalColumns: Int?
    private let buffer = Mutex("")

    public init(isTerminal: Bool = false, terminalColumns: Int? = nil) {
        self.isTerminal = isTerminal
        self.terminalColumns = terminalColumns
    }

    /// Everything written so far.
    public var text: String {
        buffer.withLock { $0 }
    }

    public func write(_ text: String) {
        buffer.withLock { $0 += text }
    }
}
