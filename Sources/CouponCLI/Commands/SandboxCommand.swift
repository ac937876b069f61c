import CouponCore
import CouponSandbox
import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// `coupondesk sandbox`: the local WeChat Pay stand-in in the foreground, until Ctrl-C or SIGTERM.
enum SandboxCommand {
    static func run(_ context: CommandContext, options: ParsedOptions) async -> ExitStatus {
        // Listening starts before the banner, so a signal sent as soon as the banner shows is not lost.
        let termination = TerminationSignals.listen()
        return await run(context, options: options, until: { await termination.wait() })
    }

    /// Runs the sandbox until `stop` returns; tests pass their own `stop` instead of a signal.
    static func run(
        _ context: CommandContext,
        options: ParsedOptions,
        until stop: @Sendable () async -> Void
    ) async -> ExitStatus {
        var configuration = SandboxConfiguration()
        configuration.port = UInt16(options.integer("port") ?? 0)
        let stderr = context.stderr
        configuration.requestLog = { line in stderr.writeLine(line.description) }

        let server: SandboxServer
        do {
            server = try SandboxServer.start(configuration)
        } catch {
            ErrorPrinter.print(message: "the sandbox cannot start: \(error.description)", to: context.stderr)
            return .unavailable
        }
        defer { server.stop() }

        var keysDirectory: String?
        if let directory = options.string("keys") {
            let home = FileSystem.homeDirectory(environment: context.environment)
            let absolute = FileSystem.absolutePath(directory, relativeTo: context.workingDirectory, home: home)
            do {
                try server.writeClientFiles(to: absolute)
                keysDirectory = absolute
            } catch {
                ErrorPrinter.print(message: "the sandbox cannot write its client files: \(error)", to: context.stderr)
                return .configuration
            }
        }

        context.stdout.write(banner(for: server, keysDirectory: keysDirectory, language: context.environmentLanguage))
        await stop()
        context.stderr.writeLine("coupondesk: sandbox stopped")
        return .success
    }

    /// What the sandbox prints when it is ready: where it listens, how to use it, and the demo users.
    static func banner(for server: SandboxServer, keysDirectory: String?, language: Language) -> String {
        let merchant = server.merchant
        var lines = [
            "CouponDesk sandbox listening on \(server.baseURL) (port \(server.port))",
            "merchant \(merchant.mchid) \(merchant.name), appids \(merchant.appids.joined(separator: ", "))",
            "",
        ]
        let example = server.demoUsers.first { !$0.isFault && $0.couponCount > 0 }?.openid ?? "OPENID"
        if let keysDirectory {
            lines += [
                "Client files are in \(keysDirectory) (throwaway keys, valid while this sandbox runs). Point a "
                    + "coupondesk at it with the ready profile:",
                "  coupondesk --config \(keysDirectory)/config.toml --profile sandbox list --openid \(example)",
                "or with the environment:",
                "  . \(keysDirectory)/sandbox.env && coupondesk list --openid \(example)",
                "or copy its [profile.sandbox] into your own config.toml.",
            ]
        } else {
            lines += [
                "The keys exist only in this process. To use the sandbox from another coupondesk, restart it with",
                "  coupondesk sandbox --port \(server.port) --keys DIR",
                "and use the profile it writes to DIR/config.toml (api_base = \"\(server.baseURL)\").",
            ]
        }
        lines += ["", "Users:"]
        let width = server.demoUsers.map(\.openid.count).max() ?? 0
        for user in server.demoUsers {
            let padding = String(repeating: " ", count: max(1, width - user.openid.count + 2))
            lines.append("  \(user.openid)\(padding)\(user.appid)  \(user.label(in: language))")
        }
        lines += ["", "One line per request goes to standard error. Press Ctrl-C to stop."]
        return lines.map { VisibleText.escape($0, limit: 1000) }.joined(separator: "\n") + "\n"
    }
}

/// SIGINT and SIGTERM, caught so they stop the sandbox cleanly instead of killing it.
final class TerminationSignals: @unchecked Sendable {
    // The sources are only touched in `listen()` and once in `wait()`, after the stream has ended.
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Int32>
    private static let numbers = [SIGINT, SIGTERM]

    private init(sources: [any DispatchSourceSignal], stream: AsyncStream<Int32>) {
        self.sources = sources
        self.stream = stream
    }

    /// Starts catching the signals now; one that arrives before `wait()` is kept.
    static func listen() -> TerminationSignals {
        for number in numbers { signal(number, SIG_IGN) }
        let queue = DispatchQueue(label: "coupondesk.sandbox-signals")
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self, bufferingPolicy: .bufferingNewest(1))
        let sources = numbers.map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        return TerminationSignals(sources: sources, stream: stream)
    }

    /// Returns at the first signal, then gives the signals back their default action.
    func wait() async {
        for await _ in stream { break }
        for source in sources { source.cancel() }
        for number in Self.numbers { signal(number, SIG_DFL) }
    }
}
