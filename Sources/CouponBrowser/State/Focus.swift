/// Where key presses go.
public enum Focus: Sendable, Hashable {
    case list
    case detail
    case lookupPrompt
    case filterPrompt
}

/// A short message on the status line, gone at the next key press.
public struct Notice: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case info
        case warning
    }

    public var kind: Kind
    public var text: String
}
