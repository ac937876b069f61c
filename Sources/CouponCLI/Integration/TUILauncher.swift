import CouponCore

// FIXME: interim until CouponTUI's entry point lands; then this hands the launch to TUIApplication.run.
enum TUILauncher {
    static func run(_ launch: BrowserLaunch, context: CommandContext) async -> ExitStatus {
        ErrorPrinter.print(message: "the full-screen browser is not in this build yet", to: context.stderr)
        return .unavailable
    }
}
