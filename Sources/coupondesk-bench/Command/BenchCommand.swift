import CouponCore

/// `coupondesk-bench`: runs the in-process figures and prints them.
enum BenchCommand {
    /// How this binary was built; figures from a debug build say nothing about the product.
    static var buildConfiguration: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }

    /// Runs `profile` in the calling thread; `nil` for every other command, which needs `run`.
    static func runWithoutConcurrency(arguments: [String]) -> (status: Int32, output: String, errors: String)? {
        guard arguments.first == BenchArguments.Command.profile.rawValue else { return nil }
        do throws(BenchError) {
            let parsed = try BenchArguments.parse(arguments)
            let figures = try ProfileRun.run(
                parsed.subject,
                archiveDirectory: parsed.answers ?? "",
                options: parsed.options
            )
            return (0, parsed.json ? FigureTable.json(figures) : FigureTable.markdown(figures), "")
        } catch {
            let status: Int32 = if case .usage = error { 2 } else { 1 }
            return (status, "", "coupondesk-bench: \(error)\n")
        }
    }

    /// Runs the command `arguments` ask for and returns its exit status and what to print.
    static func run(
        arguments: [String],
        environment: [String: String]
    ) async -> (status: Int32, output: String, errors: String) {
        do throws(BenchError) {
            let parsed = try BenchArguments.parse(arguments)
            let figures: [Figure]
            switch parsed.command {
            case .help:
                return (0, BenchArguments.usage, "")
            case .users:
                return (0, try DemoUsers.json(), "")
            case .inProcess:
                figures = try await InProcessBenchmark.run(parsed.options, environment: environment)
            case .memory:
                figures = [try await MemoryBenchmark.run(parsed.options, environment: environment)]
            case .history:
                let sandbox = try await SandboxSession.open(environment: environment)
                defer { sandbox.close() }
                let openid = try sandbox.user(parsed.options.openid)
                var measured: [Figure] = []
                for window in [1, parsed.window] {
                    measured.append(
                        try await HistoryBenchmark.measure(
                            openid: openid,
                            connection: sandbox.connection,
                            pageSize: parsed.options.pageSize,
                            window: window,
                            iterations: parsed.options.iterations
                        )
                    )
                }
                figures = measured
            case .saveAnswers:
                let directory = parsed.answers ?? ""
                let count = try await saveAnswers(to: directory, options: parsed.options, environment: environment)
                return (0, "saved \(count) pages to \(directory)\n", "")
            case .profile:
                figures = try ProfileRun.run(
                    parsed.subject,
                    archiveDirectory: parsed.answers ?? "",
                    options: parsed.options
                )
            }
            if parsed.json {
                let context = [
                    JSONMember("build", .string(buildConfiguration)),
                    JSONMember("version", .string(CouponDeskVersion.current)),
                ]
                return (0, FigureTable.json(figures, context: context), "")
            }
            var text = FigureTable.markdown(figures)
            if buildConfiguration != "release" {
                text += "\nThis is a \(buildConfiguration) build: run swift run -c release coupondesk-bench.\n"
            }
            return (0, text, "")
        } catch {
            let status: Int32 = if case .usage = error { 2 } else { 1 }
            return (status, "", "coupondesk-bench: \(error)\n")
        }
    }

    /// Fetches the pages `options` name from the sandbox and saves them; returns how many.
    static func saveAnswers(
        to directory: String,
        options: InProcessOptions,
        environment: [String: String]
    ) async throws(BenchError) -> Int {
        let sandbox = try await SandboxSession.open(environment: environment)
        defer { sandbox.close() }
        let archive = try await AnswerArchive.fetch(
            openid: try sandbox.user(options.openid),
            connection: sandbox.connection,
            pageSize: options.pageSize,
            maximumPages: options.pages ?? .max
        )
        try archive.save(to: directory)
        return archive.pages.count
    }
}
