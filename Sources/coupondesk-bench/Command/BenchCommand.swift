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
}
