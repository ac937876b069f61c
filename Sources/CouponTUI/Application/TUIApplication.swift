import CouponBrowser
import CouponCore
import Glibc

/// The full-screen coupon browser (`coupondesk browse` and `coupondesk demo`).
public enum TUIApplication {
    /// Exit status when the terminal cannot run the browser (no tty, `TERM=dumb`, no UTF-8 locale).
    public static let terminalUnusableStatus: Int32 = 2

    /// Runs the browser on the process's terminal until the agent quits; returns the exit status.
    ///
    /// 0 after `q` or Ctrl-C; 128 + the signal's number after SIGTERM, SIGHUP, SIGINT or SIGQUIT;
    /// `terminalUnusableStatus`, with a message on standard error, when there is no usable terminal.
    /// The terminal is restored on every one of these paths. It blocks the calling thread until
    /// the end, while lookups run as tasks on Swift's global executor; from async code use
    /// `launch(_:)`, which does not hold a thread of that executor.
    public static func run(_ configuration: TUIConfiguration) -> Int32 {
        let environment = ProcessEnvironment.current
        let wakePipe: WakePipe
        let terminal: Terminal
        do {
            try Terminal.checkUsable(environment: environment)
            wakePipe = try WakePipe()
            terminal = try Terminal(colorAllowed: configuration.color, environment: environment, wakePipe: wakePipe)
        } catch {
            printError("coupondesk: " + error.description)
            return terminalUnusableStatus
        }
        // A peer that closes a socket mid-write must not kill the program with the terminal still raw.
        signal(SIGPIPE, SIG_IGN)

        let session = Session(
            configuration: configuration,
            environment: environment,
            terminal: terminal,
            wakePipe: wakePipe
        )
        let status = session.run()
        terminal.end()
        return status
    }

    /// Runs the browser on a thread of its own and suspends until it ends; returns the exit status.
    ///
    /// The event loop blocks in `poll` for the whole session, so it must not sit on one of the few
    /// threads Swift's concurrency runs tasks on: the lookups it starts need them.
    public static func launch(_ configuration: TUIConfiguration) async -> Int32 {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            DedicatedThread.start {
                continuation.resume(returning: run(configuration))
            }
        }
    }

    static func printError(_ message: String) {
        let bytes = Array((message + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
