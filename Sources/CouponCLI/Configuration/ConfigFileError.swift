/// Why a config file could not be used; each case names the file and, where there is one, the line.
enum ConfigFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file named by `--config` or `COUPONDESK_CONFIG` does not exist.
    case notFound(path: String, namedBy: String)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The bytes are not UTF-8 text.
    case notUTF8(path: String)
    /// A line breaks the config subset's grammar.
    case syntax(path: String, line: Int, reason: String)
    /// A key this program does not know, with the closest known one.
    case unknownKey(path: String, line: Int, key: String, suggestion: String?, known: [String])
    /// A key given twice in one table.
    case duplicateKey(path: String, line: Int, key: String, firstLine: Int)
    /// The same `[profile.NAME]` twice.
    case duplicateProfile(path: String, line: Int, name: String, firstLine: Int)
    /// An array where only one string may go.
    case notASingleString(path: String, line: Int, key: String)

    var description: String {
        switch self {
        case .notFound(let path, let namedBy):
            return "config file \(path) (from \(namedBy)) does not exist; create it or correct the path"
        case .unreadable(let path, let reason):
            return "cannot read config file \(path): \(reason)"
        case .notUTF8(let path):
            return "\(path) is not UTF-8 text; save the config file as UTF-8"
        case .syntax(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        case .unknownKey(let path, let line, let key, let suggestion, let known):
            let hint = suggestion.map { "did you mean \($0)? " } ?? ""
            return "\(path):\(line): unknown key '\(key)'; \(hint)the keys are \(known.joined(separator: ", "))"
        case .duplicateKey(let path, let line, let key, let firstLine):
            return "\(path):\(line): '\(key)' is already set on line \(firstLine); keep one of them"
        case .duplicateProfile(let path, let line, let name, let firstLine):
            return "\(path):\(line): [profile.\(name)] is already defined on line \(firstLine); merge the two"
        case .notASingleString(let path, let line, let key):
            return "\(path):\(line): '\(key)' takes one string, not an array; write \(key) = \"...\""
        }
    }
}
