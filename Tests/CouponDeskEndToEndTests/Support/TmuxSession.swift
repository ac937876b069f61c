import Foundation
import Synchronization

/// Why a step of an end-to-end test failed.
struct TmuxError: Error, CustomStringConvertible {
    var description: String
}

/// A headless tmux server on a private socket with one window running `sh`, for driving the real binary.
///
/// Nothing is shared with the user's own tmux: the socket name is unique to the test, the config
/// file is `/dev/null`, and the server is killed when the session is closed.
final class TmuxSession {
    private static let counter = Mutex(0)

    let socket: String
    let scratchDirectory: URL
    private var closed = false

    /// Starts the server with a `width`×`height` window whose shell runs with `term` as `TERM`.
    init(
        width: Int = 120,
        height: Int = 40,
        term: String = "tmux-256color",
        extraEnvironment: [String: String] = [:]
    )
        throws
    {
        let number = Self.counter.withLock { value in
            value += 1
            return value
        }
        socket = "coupondesk-e2e-\(getpid())-\(number)"
        scratchDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: scratchDirectory, withIntermediateDirectories: true)

        var environment = [
            "HOME": scratchDirectory.path,
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "TERM": term,
            "LANG": "C.UTF-8",
            "PS1": "$ ",
            "XDG_STATE_HOME": scratchDirectory.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": scratchDirectory.appendingPathComponent("config").path,
        ]
        environment.merge(extraEnvironment) { _, new in new }
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }
        let shell = "env -i " + assignments.joined(separator: " ") + " sh"
        try tmux(["new-session", "-d", "-x", String(width), "-y", String(height), "-s", "e2e", shell])
        try tmux(["set-option", "-g", "status", "off"])
        _ = try waitForScreen(timeout: 5) { lines in lines.contains { $0.hasPrefix("$") } }
    }

    deinit {
        close()
    }

    /// Kills the server and removes the scratch directory.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: scratchDirectory)
        // The server leaves its socket behind; tmux keeps them in $TMUX_TMPDIR/tmux-<uid>.
        let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: base + "/tmux-\(getuid())/" + socket)
    }

    /// Single-quotes a value for `sh`.
    static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs a tmux command against this server and returns its standard output.
    ///
    /// Spawned with `posix_spawn` and collected with `waitpid` rather than with Foundation's
    /// `Process`: the tmux server that the first command forks keeps the descriptors `Process`
    /// watches for the end of its child, and `waitUntilExit` would never return. The child gets an
    /// empty signal mask and default handlers: test threads block most signals, and a server that
    /// inherited that mask would ignore the SIGTERM it sends itself on `kill-server`.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = scratchDirectory.appendingPathComponent("tmux-output").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = (["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw TmuxError(description: "cannot run /usr/bin/tmux (error \(spawned)); is tmux installed?")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        // The exit status is in bits 8-15 of what waitpid reports (WEXITSTATUS).
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            throw TmuxError(description: "tmux \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    /// Types a line into the pane's shell and presses Enter.
    func typeLine(_ line: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", line])
        try tmux(["send-keys", "-t", "e2e", "Enter"])
    }

    /// Sends keys by tmux name (`j`, `Enter`, `Escape`, `C-c`, `NPage`, `F1`).
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "e2e"] + keys)
    }

    /// Sends text literally, as pasted or typed characters.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", text])
    }

    /// The pane's visible lines, trailing spaces trimmed.
    func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", "e2e"])
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                var line = String(line)
                while line.last == " " { line.removeLast() }
                return line
            }
    }

    /// A tmux format value for the pane, such as `#{alternate_on}` or `#{pane_width}`.
    func paneValue(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "e2e", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window (and with it the pane), as a terminal emulator's window resize would.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "e2e", "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen until `condition` holds, or throws with the last screen after `timeout` seconds.
    @discardableResult
    func waitForScreen(
        timeout: Double = 10,
        _ what: String = "the expected screen",
        until condition: ([String]) -> Bool
    ) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [String] = []
        while true {
            lines = try screen()
            if condition(lines) { return lines }
            if Date() > deadline {
                throw TmuxError(
                    description: "timed out after \(timeout) s waiting for \(what); the screen was:\n"
                        + lines.joined(separator: "\n")
                )
            }
            usleep(20_000)
        }
    }

    /// Polls until some line contains `text`.
    @discardableResult
    func waitForText(_ text: String, timeout: Double = 10) throws -> [String] {
        try waitForScreen(timeout: timeout, "\"\(text)\"") { lines in lines.contains { $0.contains(text) } }
    }

    /// Polls until no line contains `text`.
    @discardableResult
    func waitForTextGone(_ text: String, timeout: Double = 10) throws -> [String] {
        try waitForScreen(timeout: timeout, "\"\(text)\" to go") { lines in !lines.contains { $0.contains(text) } }
    }
}
