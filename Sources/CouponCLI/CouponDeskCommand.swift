import CouponCore

#if canImport(Glibc)
import Glibc
#endif

/// The `coupondesk` command line: parses the arguments, runs one command and returns its exit status.
public enum CouponDeskCommand {
    /// Runs `coupondesk` with `arguments` (without the program name) and returns the exit status.
    ///
    /// Everything the command reads or writes comes through the parameters, so tests run it in-process.
    public static func run(
        arguments: [String],
        environment: [String: String],
        stdout: any CommandOutput,
        stderr: any CommandOutput,
        stdinIsTerminal: Bool = false,
        workingDirectory: String? = nil
    ) async -> Int32 {
        let parsed: ParsedCommandLine
        do {
            parsed = try ArgumentParser.parse(arguments)
        } catch {
            let named = arguments.lazy.compactMap(CommandName.init(rawValue:)).first
            ErrorPrinter.print(error, to: stderr, command: error.command ?? named)
            return ExitStatus.usage.rawValue
        }

        var context = CommandContext(
            environment: environment,
            stdout: stdout,
            stderr: stderr,
            stdinIsTerminal: stdinIsTerminal,
            workingDirectory: workingDirectory ?? FileSystem.currentDirectory(),
            global: ParsedOptions()
        )
        switch parsed {
        case .help(let command):
            stdout.write(command.map(HelpText.page(for:)) ?? HelpText.overview())
            return ExitStatus.success.rawValue
        case .version:
            stdout.writeLine("coupondesk \(CouponDeskVersion.current)")
            return ExitStatus.success.rawValue
        case .noCommand(let global):
            context.global = global
            guard stdinIsTerminal, stdout.isTerminal else {
                ErrorPrinter.print(UsageError.noCommand, to: stderr)
                return ExitStatus.usage.rawValue
            }
            return await BrowseCommand.run(context, options: ParsedOptions())
        case .run(let command, let options, let global):
            context.global = global
            return await run(command, options: options, context: context)
        }
    }

    private static func run(_ command: CommandName, options: ParsedOptions, context: CommandContext) async -> Int32 {
        switch command {
        case .list: return await ListCommand.run(context, options: options).rawValue
        case .config: return ConfigCommand.run(context).rawValue
        case .doctor: return await DoctorCommand.run(context, options: options).rawValue
        case .sandbox: return await SandboxCommand.run(context, options: options).rawValue
        // The browser's own status: 0, or 128 + the signal that ended it.
        case .browse: return await BrowseCommand.run(context, options: options)
        case .demo: return await DemoCommand.run(context, options: options)
        }
    }

    /// Runs `coupondesk` for this process: its arguments, environment, standard streams and terminal.
    public static func runAsProcess() async -> Int32 {
        // A closed pipe must end the output quietly, not kill the process before the audit line is written.
        signal(SIGPIPE, SIG_IGN)
        var environment: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return await run(
            arguments: Array(CommandLine.arguments.dropFirst()),
            environment: environment,
            stdout: FileDescriptorOutput.standardOutput,
            stderr: FileDescriptorOutput.standardError,
            stdinIsTerminal: isatty(0) == 1
        )
    }
}
