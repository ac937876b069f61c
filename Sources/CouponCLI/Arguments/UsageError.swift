/// Why the command line could not be understood; each one exits with status 2.
enum UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A word where a command was expected that names none.
    case unknownCommand(String, suggestion: String?)
    /// An option that neither the command nor the global table has.
    case unknownOption(String, command: CommandName?, suggestion: String?)
    /// An option that takes a value came last, or before another option.
    case missingValue(option: String, form: String)
    /// A value the option does not take.
    case invalidValue(option: String, value: String, form: String, reason: String)
    /// `--flag=value` for an option that takes no value.
    case valueForFlag(option: String)
    /// An option given twice that may appear only once.
    case repeatedOption(String)
    /// A word after the command, which takes none.
    case unexpectedArgument(String, command: CommandName)
    /// A required option was not given.
    case missingOption(form: String, command: CommandName)
    /// No command was given and there is no terminal to open the browser on.
    case noCommand
    /// The options make sense one by one but not together, or not with the settings.
    case conflict(String)

    /// The command whose help the message should point to, if any.
    var command: CommandName? {
        switch self {
        case .unknownOption(_, let command, _): return command
        case .unexpectedArgument(_, let command), .missingOption(_, let command): return command
        default: return nil
        }
    }

    var description: String {
        switch self {
        case .unknownCommand(let word, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            let names = CommandName.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown command '\(Self.visible(word))'\(hint); the commands are \(names)"
        case .unknownOption(let option, let command, let suggestion):
            let place = command.map { " for '\($0.rawValue)'" } ?? ""
            let hint = suggestion.map { " (did you mean \($0)?)" } ?? ""
            return "unknown option \(Self.visible(option))\(place)\(hint)"
        case .missingValue(let option, let form):
            return "\(option) needs a value: \(form)"
        case .invalidValue(let option, let value, let form, let reason):
            return "\(option) \"\(Self.visible(value))\" is not valid: \(reason) (\(form))"
        case .valueForFlag(let option):
            return "\(option) takes no value; write just \(option)"
        case .repeatedOption(let option):
            return "\(option) is given more than once; give it once"
        case .unexpectedArgument(let word, let command):
            return "unexpected argument '\(Self.visible(word))': '\(command.rawValue)' takes options only"
        case .missingOption(let form, let command):
            return "'\(command.rawValue)' needs \(form)"
        case .noCommand:
            return "no command given, and standard input or output is not a terminal, so the browser cannot open; "
                + "give a command such as 'list --openid OPENID'"
        case .conflict(let reason):
            return reason
        }
    }

    /// A word from the command line with control characters shown as code points.
    static func visible(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars.prefix(80) {
            if scalar.properties.generalCategory == .control {
                shown += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
