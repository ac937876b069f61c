/// Video attributes a cell can carry; each also works on a monochrome terminal.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let reverse = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)

    /// The attributes as short words joined by `+`, for snapshots: `bold+reverse`.
    public var names: [String] {
        var names: [String] = []
        if contains(.bold) { names.append("bold") }
        if contains(.reverse) { names.append("reverse") }
        if contains(.underline) { names.append("underline") }
        if contains(.dim) { names.append("dim") }
        return names
    }
}

/// How one cell looks: colours and attributes, already resolved for the terminal's colour mode.
public struct CellStyle: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(
        foreground: TerminalColor = .default,
        background: TerminalColor = .default,
        attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default colours with no attributes.
    public static let plain = CellStyle()

    /// The same style with `extra` attributes added.
    public func adding(_ extra: TextAttributes) -> CellStyle {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    /// A compact description for snapshots, such as `fg=green bg=default bold`; `plain` for the default.
    public var summary: String {
        var parts: [String] = []
        if foreground != .default { parts.append("fg=\(foreground.name)") }
        if background != .default { parts.append("bg=\(background.name)") }
        parts.append(contentsOf: attributes.names)
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}
