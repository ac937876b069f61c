import CouponTUI

/// Hands a browser session to CouponTUI.
enum TUILauncher {
    /// Runs the full-screen browser until the agent quits; returns its exit status.
    static func run(_ configuration: TUIConfiguration) async -> Int32 {
        // The browser's loop gets a thread of its own, so lookups keep the concurrency threads.
        await TUIApplication.launch(configuration)
    }

    /// Colour unless `--no-color` is given or `NO_COLOR` is set to anything (no-color.org).
    static func colorAllowed(options: ParsedOptions, environment: [String: String]) -> Bool {
        if options.contains("no-color") { return false }
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        return true
    }
}
