import Foundation

/// The built `coupondesk` executable, found next to the test bundle (`.build/<configuration>/`).
enum DemoProgram {
    /// The path of the executable, or an error naming where it was looked for.
    static func path() throws -> String {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for directory in candidates {
            let binary = directory.appendingPathComponent("coupondesk")
            if FileManager.default.isExecutableFile(atPath: binary.path) {
                return binary.path
            }
        }
        throw TmuxError(
            description: "no coupondesk executable next to the test bundle (looked in "
                + candidates.map(\.path).joined(separator: ", ") + "); run `swift build` first"
        )
    }
}
