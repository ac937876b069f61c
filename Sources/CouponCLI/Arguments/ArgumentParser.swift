/// The options given on a command line, by long name.
struct ParsedOptions: Sendable, Hashable {
    /// Each option given, with its values in order; a flag has one empty value.
    private(set) var values: [String: [String]] = [:]
    /// The options in the order they were given, for messages.
    private(set) var order: [String] = []

    /// The value of an option that takes one, or `nil` when it was not given.
    func string(_ name: String) -> String? {
        values[name]?.last
    }

    /// Every value of a repeatable option, in order.
    func strings(_ name: String) -> [String] {
        values[name] ?? []
    }

    /// Whether a flag (or any option) was given.
    func contains(_ name: String) -> Bool {
        values[name] != nil
    }

    /// The value of an integer option; the parser has already checked it.
    func integer(_ name: String) -> Int? {
        string(name).flatMap { Int($0) }
    }

    mutating func add(_ name: String, value: String) {
        if values[name] == nil { order.append(name) }
        values[name, default: []].append(value)
    }
}

/// What a command line asks for.
enum ParsedCommandLine: Sendable, Hashable {
    /// Print help, for one command or for the whole program.
    case help(CommandName?)
    /// Print the version.
    case version
    /// Run a command.
    case run(command: CommandName, options: ParsedOptions, global: ParsedOptions)
    /// No command was named; the caller chooses browse on a terminal, a usage error otherwise.
    case noCommand(global: ParsedOptions)
}

/// A small parser driven by `CommandTable`: `coupondesk [global options] <command> [options]`.
///
/// Long options are written `--name VALUE` or `--name=VALUE`; global options may come before or
/// after the command; `--` ends the options.
enum ArgumentParser {
    /// Parses the arguments after the program name.
    static func parse(_ arguments: [String]) throws(UsageError) -> ParsedCommandLine {
        var command: CommandName?
        var helpRequested = false
        var local = ParsedOptions()
        var global = ParsedOptions()
        var index = 0
        var optionsEnded = false

        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if !optionsEnded, word == "--" {
                optionsEnded = true
                continue
            }
            if !optionsEnded, word.hasPrefix("-"), word != "-" {
                let (spec, inlineValue, isGlobal) = try option(for: word, command: command)
                var value = ""
                if spec.takesValue {
                    if let inlineValue {
                        value = inlineValue
                    } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                        value = arguments[index]
                        index += 1
                    } else {
                        throw .missingValue(option: spec.flagName, form: spec.usageForm)
                    }
                    try spec.check(value)
                } else if inlineValue != nil {
                    throw .valueForFlag(option: spec.flagName)
                }
                if spec.name == "help" {
                    helpRequested = true
                    continue
                }
                if isGlobal {
                    if global.contains(spec.name), !spec.isRepeatable { throw .repeatedOption(spec.flagName) }
                    global.add(spec.name, value: value)
                } else {
                    if local.contains(spec.name), !spec.isRepeatable { throw .repeatedOption(spec.flagName) }
                    local.add(spec.name, value: value)
                }
                continue
            }
            if let command {
                throw .unexpectedArgument(word, command: command)
            }
            if word == "help" {
                return .help(try helpTopic(Array(arguments[index...])))
            }
            guard let named = CommandName(rawValue: word) else {
                let suggestion = closest(to: word, among: CommandName.allCases.map(\.rawValue))
                throw .unknownCommand(word, suggestion: suggestion)
            }
            command = named
        }

        if helpRequested { return .help(command) }
        if global.contains("version") { return .version }
        guard let command else { return .noCommand(global: global) }
        let spec = CommandTable.spec(for: command)
        for required in spec.requiredOptions where !local.contains(required) {
            let form = spec.option(named: required)?.usageForm ?? "--" + required
            throw .missingOption(form: form, command: command)
        }
        return .run(command: command, options: local, global: global)
    }

    /// The spec for an option word, its `=value` part, and whether it is a global option.
    private static func option(
        for word: String,
        command: CommandName?
    ) throws(UsageError) -> (OptionSpec, String?, Bool) {
        var name: String
        var inlineValue: String?
        if word.hasPrefix("--") {
            name = String(word.dropFirst(2))
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
        } else {
            // Only one-letter aliases follow a single dash.
            let letter = word.dropFirst()
            guard letter.count == 1, let character = letter.first,
                let spec = CommandTable.globalOptions.first(where: { $0.shortName == character })
            else {
                throw .unknownOption(word, command: command, suggestion: nil)
            }
            return (spec, nil, true)
        }

        let local = command.map { CommandTable.spec(for: $0).options } ?? []
        if let spec = local.first(where: { $0.name == name }) {
            return (spec, inlineValue, false)
        }
        if let spec = CommandTable.globalOptions.first(where: { $0.name == name }) {
            return (spec, inlineValue, true)
        }
        let candidates = (local + CommandTable.globalOptions).map(\.name)
        let suggestion = closest(to: name, among: candidates).map { "--" + $0 }
        throw .unknownOption("--" + name, command: command, suggestion: suggestion)
    }

    private static func helpTopic(_ rest: [String]) throws(UsageError) -> CommandName? {
        guard let word = rest.first else { return nil }
        guard let command = CommandName(rawValue: word) else {
            throw .unknownCommand(word, suggestion: closest(to: word, among: CommandName.allCases.map(\.rawValue)))
        }
        return command
    }

    /// The candidate within two edits of `word`, for "did you mean".
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= 2 && $0.1 < $0.0.count }
        return scored.min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ first: String, _ second: String) -> Int {
        let a = Array(first.prefix(64))
        let b = Array(second.prefix(64))
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
