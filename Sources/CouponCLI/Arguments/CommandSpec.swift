/// The commands `coupondesk` knows.
public enum CommandName: String, Sendable, Hashable, CaseIterable {
    case browse
    case demo
    case list
    case config
    case doctor
    case sandbox
}

/// One command as a row of the command table: its name, what it does and the options it takes.
struct CommandSpec: Sendable {
    var name: CommandName
    /// One line for the command overview.
    var summary: String
    /// The synopsis after `coupondesk [global options]`, such as `list --openid OPENID [options]`.
    var synopsis: String
    var options: [OptionSpec]
    /// Paragraphs that follow the options in `--help`.
    var notes: [String] = []
    /// Options that must be given, by name.
    var requiredOptions: [String] = []

    /// The option whose long name is `name`.
    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }
}
