@testable import CouponCLI

/// What one in-process run of `coupondesk` printed and returned.
struct CommandRun: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `coupondesk` in-process with `arguments` and `environment`, capturing both streams.
func runCoupondesk(
    _ arguments: [String],
    environment: [String: String] = [:],
    stdoutIsTerminal: Bool = false,
    stdinIsTerminal: Bool = false,
    columns: Int? = nil,
    workingDirectory: String = "/tmp"
) async -> CommandRun {
    let stdout = CapturedOutput(isTerminal: stdoutIsTerminal, terminalColumns: columns)
    let stderr = CapturedOutput()
    let status = await CouponDeskCommand.run(
        arguments: arguments,
        environment: environment,
        stdout: stdout,
        stderr: stderr,
        stdinIsTerminal: stdinIsTerminal,
        workingDirectory: workingDirectory
    )
    return CommandRun(status: status, stdout: stdout.text, stderr: stderr.text)
}
