import CouponCore

/// What every command runs with: the process's environment and streams, and the global options.
struct CommandContext: Sendable {
    var environment: [String: String]
    var stdout: any CommandOutput
    var stderr: any CommandOutput
    var stdinIsTerminal: Bool
    var workingDirectory: String
    /// The global options of the command line.
    var global: ParsedOptions

    /// The resolver for this command line and environment.
    var resolver: SettingsResolver {
        SettingsResolver(environment: environment, flags: global, workingDirectory: workingDirectory)
    }

    /// The language the environment asks for, used before the settings are known.
    var environmentLanguage: Language {
        Language(environment: environment)
    }

    /// The effective settings, or `nil` after printing why there are none.
    func settingsOrReport() -> ProfileSettings? {
        do {
            return try resolver.resolve()
        } catch {
            ErrorPrinter.print(error, to: stderr)
            return nil
        }
    }

    /// Whether `browse` and `demo` can draw: both streams are terminals and TERM can draw a screen.
    func terminalProblem() -> String? {
        if !stdinIsTerminal || !stdout.isTerminal {
            return "the browser needs a terminal on standard input and output; use 'coupondesk list' in "
                + "scripts and pipes"
        }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" {
            let shown = term.isEmpty ? "TERM is not set" : "TERM is dumb"
            return "\(shown), so the browser cannot draw; set TERM to your terminal's type "
                + "(such as xterm-256color) or use 'coupondesk list'"
        }
        return nil
    }
}
