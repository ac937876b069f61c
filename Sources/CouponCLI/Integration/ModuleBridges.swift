import CouponCore

// FIXME: interim until the sandbox and TUI modules land; replaced by the real commands then.
enum SandboxCommand {
    static func run(_ context: CommandContext, options: ParsedOptions) async -> ExitStatus {
        ErrorPrinter.print(message: "the sandbox is not in this build yet", to: context.stderr)
        return .unavailable
    }
}

enum BrowseCommand {
    static func run(_ context: CommandContext, options: ParsedOptions) async -> ExitStatus {
        if let problem = context.terminalProblem() {
            ErrorPrinter.print(message: problem, to: context.stderr)
            return .usage
        }
        ErrorPrinter.print(message: "the browser is not in this build yet", to: context.stderr)
        return .unavailable
    }
}

enum DemoCommand {
    static func run(_ context: CommandContext, options: ParsedOptions) async -> ExitStatus {
        await BrowseCommand.run(context, options: options)
    }
}
