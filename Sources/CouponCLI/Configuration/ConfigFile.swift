/// A config file as read: its top-level keys and its `[profile.NAME]` tables, each value with its line.
struct ConfigFile: Sendable, Hashable {
    /// The path the file was read from, as errors and `coupondesk config` show it.
    var path: String
    /// Keys before the first table, such as `default_profile`.
    var topLevel: [ConfigEntry]
    /// The profiles in the order the file has them.
    var profiles: [ConfigProfile]

    /// The profile called `name`.
    func profile(named name: String) -> ConfigProfile? {
        profiles.first { $0.name == name }
    }

    /// The top-level entry for `key`.
    func topLevelEntry(_ key: String) -> ConfigEntry? {
        topLevel.first { $0.key == key }
    }
}

/// One `[profile.NAME]` table.
struct ConfigProfile: Sendable, Hashable {
    var name: String
    /// The line of the `[profile.NAME]` header.
    var line: Int
    var entries: [ConfigEntry]

    /// The entry for `key`.
    func entry(_ key: String) -> ConfigEntry? {
        entries.first { $0.key == key }
    }
}

/// One `key = value` line.
struct ConfigEntry: Sendable, Hashable {
    var key: String
    var value: ConfigValue
    /// The line the key is on, counted from 1.
    var line: Int
}

/// The values the config subset has: a string, or an array of strings.
enum ConfigValue: Sendable, Hashable {
    case string(String)
    case strings([String])

    /// The value as a list: a single string is a list of one.
    var list: [String] {
        switch self {
        case .string(let value): return [value]
        case .strings(let values): return values
        }
    }
}
