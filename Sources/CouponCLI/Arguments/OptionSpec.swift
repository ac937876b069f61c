/// One option a command accepts, as a row of the command table.
struct OptionSpec: Sendable, Hashable {
    /// What kind of value an option takes, which decides how it is checked.
    enum Value: Sendable, Hashable {
        /// No value: the option is on when present.
        case flag
        /// Any text that is not empty.
        case text(placeholder: String)
        /// A path to a file or directory; never the contents of a secret.
        case path(placeholder: String)
        /// Digits only, at most `maximumLength` of them (mchids, stock ids).
        case digits(placeholder: String, maximumLength: Int)
        /// One of a fixed set of words.
        case choice([String])
        /// A decimal integer within `range`.
        case integer(placeholder: String, range: ClosedRange<Int>)
    }

    /// The long name without its dashes: `status` for `--status`.
    var name: String
    var value: Value
    /// One line saying what the option does.
    var help: String
    /// Whether the option may be given more than once, each value kept.
    var isRepeatable: Bool = false
    /// A one-letter alias, such as `h` for `-h`.
    var shortName: Character? = nil

    /// The option as it is typed: `--status`.
    var flagName: String { "--" + name }

    /// How the option is written with its value, as help and errors show it: `--status SENDED|USED`.
    var usageForm: String {
        switch value {
        case .flag:
            return flagName
        case .text(let placeholder), .path(let placeholder), .digits(let placeholder, _),
            .integer(let placeholder, _):
            return flagName + " " + placeholder
        case .choice(let words):
            return flagName + " " + words.joined(separator: "|")
        }
    }

    /// Whether the option is followed by a value.
    var takesValue: Bool {
        if case .flag = value { return false }
        return true
    }

    /// Checks one value given for this option.
    func check(_ text: String) throws(UsageError) {
        switch value {
        case .flag:
            throw .valueForFlag(option: flagName)
        case .text, .path:
            if text.isEmpty {
                throw .invalidValue(option: flagName, value: text, form: usageForm, reason: "it is empty")
            }
        case .digits(_, let maximumLength):
            let isDigits = !text.isEmpty && text.unicodeScalars.allSatisfy { $0 >= "0" && $0 <= "9" }
            if !isDigits || text.count > maximumLength {
                throw .invalidValue(
                    option: flagName,
                    value: text,
                    form: usageForm,
                    reason: "expected 1 to \(maximumLength) digits"
                )
            }
        case .choice(let words):
            if !words.contains(text) {
                throw .invalidValue(
                    option: flagName,
                    value: text,
                    form: usageForm,
                    reason: "expected one of " + words.joined(separator: ", ")
                )
            }
        case .integer(_, let range):
            guard let number = Int(text), range.contains(number) else {
                let reason =
                    range.upperBound == Int.max
                    ? "expected a whole number of at least \(range.lowerBound)"
                    : "expected a whole number from \(range.lowerBound) to \(range.upperBound)"
                throw .invalidValue(option: flagName, value: text, form: usageForm, reason: reason)
            }
        }
    }
}
