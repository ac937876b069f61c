/// Where the value of a setting came from, as `coupondesk config` and errors show it.
public enum SettingSource: Sendable, Hashable, CustomStringConvertible {
    /// A line of the config file.
    case file(path: String, line: Int)
    /// An environment variable.
    case environment(String)
    /// A command-line flag, such as `--mchid`.
    case flag(String)
    /// The built-in default.
    case builtIn

    public var description: String {
        switch self {
        case .file(let path, let line): return "\(path):\(line)"
        case .environment(let name): return "env \(name)"
        case .flag(let name): return "flag \(name)"
        case .builtIn: return "default"
        }
    }
}

/// A setting's value and where it came from.
public struct Setting<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var source: SettingSource

    public init(_ value: Value, from source: SettingSource) {
        self.value = value
        self.source = source
    }
}
