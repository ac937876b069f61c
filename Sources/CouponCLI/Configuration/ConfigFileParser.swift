/// Reads the config file's small subset of TOML.
///
/// The subset: `# comments`, `[profile.NAME]` table headers, and `key = value` lines whose value is
/// a `"basic string"` (with TOML's escapes), a `'literal string'`, or an array of strings, which may
/// span lines. Top-level keys may only be `default_profile`. Anything else is an error that names
/// the file and line, so a typo never silently drops a setting.
struct ConfigFileParser {
    /// The keys a `[profile.NAME]` table may hold.
    static let profileKeys = [
        "mchid", "serial_no", "private_key", "public_key", "public_key_id", "platform_certificates", "appid",
        "api_base", "timezone", "language", "audit",
    ]
    /// The keys that take an array of strings as well as one string.
    static let listKeys: Set<String> = ["appid", "platform_certificates"]
    /// The keys allowed before the first table.
    static let topLevelKeys = ["default_profile"]

    private let path: String
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1

    private init(text: String, path: String) {
        self.path = path
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
    }

    /// Parses the text of a config file read from `path`.
    static func parse(_ text: String, path: String) throws(ConfigFileError) -> ConfigFile {
        var parser = ConfigFileParser(text: text, path: path)
        return try parser.parseFile()
    }

    /// Reads and parses the file at `path`.
    static func load(path: String) throws(ConfigFileError) -> ConfigFile {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readFile(path, maximumSize: 1 << 20)
        } catch {
            throw .unreadable(path: path, reason: error.description)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8(path: path) }
        return try parse(text, path: path)
    }

    // MARK: - Lines

    private mutating func parseFile() throws(ConfigFileError) -> ConfigFile {
        var topLevel: [ConfigEntry] = []
        var profiles: [ConfigProfile] = []

        while true {
            skipBlanks()
            guard let scalar = peek() else { break }
            if isNewline(scalar) {
                consumeNewline()
                continue
            }
            if scalar == "#" {
                skipComment()
                continue
            }
            if scalar == "[" {
                let headerLine = line
                let name = try parseTableHeader()
                if let first = profiles.first(where: { $0.name == name }) {
                    throw .duplicateProfile(path: path, line: headerLine, name: name, firstLine: first.line)
                }
                profiles.append(ConfigProfile(name: name, line: headerLine, entries: []))
                try expectEndOfLine()
                continue
            }

            let entryLine = line
            let entry = try parseKeyValue()
            let allowed = profiles.isEmpty ? Self.topLevelKeys : Self.profileKeys
            guard allowed.contains(entry.key) else {
                if profiles.isEmpty, Self.profileKeys.contains(entry.key) {
                    throw .syntax(
                        path: path,
                        line: entryLine,
                        reason: "'\(entry.key)' must be inside a profile; put a [profile.NAME] line above it"
                    )
                }
                let suggestion = ArgumentParser.closest(to: entry.key, among: allowed)
                throw .unknownKey(path: path, line: entryLine, key: entry.key, suggestion: suggestion, known: allowed)
            }
            if case .strings = entry.value, !Self.listKeys.contains(entry.key) {
                throw .notASingleString(path: path, line: entryLine, key: entry.key)
            }
            if profiles.isEmpty {
                if let first = topLevel.first(where: { $0.key == entry.key }) {
                    throw .duplicateKey(path: path, line: entryLine, key: entry.key, firstLine: first.line)
                }
                topLevel.append(entry)
            } else {
                let last = profiles.count - 1
                if let first = profiles[last].entry(entry.key) {
                    throw .duplicateKey(path: path, line: entryLine, key: entry.key, firstLine: first.line)
                }
                profiles[last].entries.append(entry)
            }
            try expectEndOfLine()
        }
        return ConfigFile(path: path, topLevel: topLevel, profiles: profiles)
    }

    /// `[profile.NAME]`, returning NAME.
    private mutating func parseTableHeader() throws(ConfigFileError) -> String {
        advance()
        if peek() == "[" {
            throw syntax("arrays of tables ([[...]]) are not supported; use [profile.NAME]")
        }
        var segments: [String] = []
        while true {
            skipBlanks()
            segments.append(try parseKey(what: "table name"))
            skipBlanks()
            if peek() == "." {
                advance()
                continue
            }
            guard peek() == "]" else { throw syntax("expected ']' to close the table header") }
            advance()
            break
        }
        guard segments.count == 2, segments[0] == "profile" else {
            let shown = segments.joined(separator: ".")
            throw syntax("only [profile.NAME] tables are supported, not [\(shown)]")
        }
        guard !segments[1].isEmpty else { throw syntax("the profile name is empty") }
        return segments[1]
    }

    private mutating func parseKeyValue() throws(ConfigFileError) -> ConfigEntry {
        let entryLine = line
        let key = try parseKey(what: "key")
        skipBlanks()
        if peek() == "." {
            throw syntax("dotted keys are not supported; put '\(key)' in its own [profile.NAME] table")
        }
        guard peek() == "=" else { throw syntax("expected '=' after '\(key)'") }
        advance()
        skipBlanks()
        let value = try parseValue(for: key)
        return ConfigEntry(key: key, value: value, line: entryLine)
    }

    // MARK: - Tokens

    private mutating func parseKey(what: String) throws(ConfigFileError) -> String {
        guard let scalar = peek() else { throw syntax("expected a \(what) before the end of the file") }
        if scalar == "\"" { return try parseBasicString() }
        if scalar == "'" { return try parseLiteralString() }
        var key = ""
        while let next = peek(), isBareKeyScalar(next) {
            key.unicodeScalars.append(next)
            advance()
        }
        guard !key.isEmpty else {
            throw syntax("expected a \(what), found '\(Self.visible(scalar))'")
        }
        return key
    }

    private mutating func parseValue(for key: String) throws(ConfigFileError) -> ConfigValue {
        guard let scalar = peek(), !isNewline(scalar) else {
            throw syntax("'\(key)' has no value; write \(key) = \"...\"")
        }
        switch scalar {
        case "\"":
            return .string(try parseBasicString())
        case "'":
            return .string(try parseLiteralString())
        case "[":
            return .strings(try parseArray(for: key))
        default:
            throw syntax(
                "'\(key)' must be a quoted string; the config subset has only \"strings\" and [\"arrays\", "
                    + "\"of strings\"], so write \(key) = \"...\""
            )
        }
    }

    private mutating func parseArray(for key: String) throws(ConfigFileError) -> [String] {
        advance()
        var values: [String] = []
        while true {
            skipBlanksNewlinesAndComments()
            guard let scalar = peek() else { throw syntax("the array of '\(key)' is not closed with ']'") }
            if scalar == "]" {
                advance()
                return values
            }
            switch scalar {
            case "\"": values.append(try parseBasicString())
            case "'": values.append(try parseLiteralString())
            default: throw syntax("the array of '\(key)' may hold only quoted strings")
            }
            skipBlanksNewlinesAndComments()
            guard let separator = peek() else { throw syntax("the array of '\(key)' is not closed with ']'") }
            if separator == "," {
                advance()
            } else if separator != "]" {
                throw syntax("expected ',' or ']' in the array of '\(key)'")
            }
        }
    }

    private mutating func parseBasicString() throws(ConfigFileError) -> String {
        advance()
        if peek() == "\"", peek(offset: 1) == "\"" {
            throw syntax("multi-line strings (\"\"\") are not supported")
        }
        var text = ""
        while true {
            guard let scalar = peek(), !isNewline(scalar) else {
                throw syntax("the string is not closed with '\"' on this line")
            }
            advance()
            if scalar == "\"" { return text }
            if scalar == "\\" {
                text.unicodeScalars.append(try parseEscape())
                continue
            }
            if isForbiddenControl(scalar) {
                throw syntax("the string holds a control character (U+\(Self.hex(scalar.value, digits: 4))); remove it")
            }
            text.unicodeScalars.append(scalar)
        }
    }

    private mutating func parseEscape() throws(ConfigFileError) -> Unicode.Scalar {
        guard let scalar = peek() else { throw syntax("the string ends in the middle of an escape") }
        advance()
        switch scalar {
        case "\"": return "\""
        case "\\": return "\\"
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "e": return "\u{1B}"
        case "u", "U":
            let digits = scalar == "u" ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let digit = peek(), let number = Self.hexValue(digit) else {
                    throw syntax("\\\(scalar) needs \(digits) hex digits")
                }
                value = value << 4 | number
                advance()
            }
            guard let result = Unicode.Scalar(value) else {
                throw syntax("\\\(scalar)\(Self.hex(value, digits: digits)) is not a Unicode scalar value")
            }
            return result
        default:
            throw syntax("unknown escape '\\\(Self.visible(scalar))'; use \\\\ for a backslash or a 'literal string'")
        }
    }

    private mutating func parseLiteralString() throws(ConfigFileError) -> String {
        advance()
        if peek() == "'", peek(offset: 1) == "'" {
            throw syntax("multi-line strings (''') are not supported")
        }
        var text = ""
        while true {
            guard let scalar = peek(), !isNewline(scalar) else {
                throw syntax("the string is not closed with \"'\" on this line")
            }
            advance()
            if scalar == "'" { return text }
            if isForbiddenControl(scalar) {
                throw syntax("the string holds a control character (U+\(Self.hex(scalar.value, digits: 4))); remove it")
            }
            text.unicodeScalars.append(scalar)
        }
    }

    // MARK: - Whitespace

    private mutating func expectEndOfLine() throws(ConfigFileError) {
        skipBlanks()
        guard let scalar = peek() else { return }
        if scalar == "#" {
            skipComment()
            return
        }
        guard isNewline(scalar) else {
            throw syntax("unexpected '\(Self.visible(scalar))' after the value; one setting per line")
        }
    }

    private mutating func skipBlanksNewlinesAndComments() {
        while let scalar = peek() {
            if scalar == " " || scalar == "\t" {
                advance()
            } else if isNewline(scalar) {
                consumeNewline()
            } else if scalar == "#" {
                skipComment()
            } else {
                return
            }
        }
    }

    private mutating func skipBlanks() {
        while let scalar = peek(), scalar == " " || scalar == "\t" { advance() }
    }

    private mutating func skipComment() {
        while let scalar = peek(), !isNewline(scalar) { advance() }
    }

    private mutating func consumeNewline() {
        if peek() == "\r" { advance() }
        if peek() == "\n" { advance() }
        line += 1
    }

    // MARK: - Scalars

    private func peek(offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        index += 1
    }

    private func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || (scalar == "\r" && peek(offset: 1) == "\n")
    }

    private func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
        default: return false
        }
    }

    private func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && scalar.properties.generalCategory == .control
    }

    private func syntax(_ reason: String) -> ConfigFileError {
        .syntax(path: path, line: line, reason: reason)
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f": return scalar.value - 0x61 + 10
        case "A"..."F": return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.generalCategory == .control ? "U+" + hex(scalar.value, digits: 4) : String(scalar)
    }
}
