import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Why an audit line could not be written.
public struct AuditLogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The audit log file.
    public var path: String
    /// What went wrong, as the system says it.
    public var reason: String

    public var description: String {
        "audit log \(path): \(reason)"
    }
}

/// The append-only audit log: one JSON line per lookup, in a 0600 file, optionally also to syslog.
///
/// Lines are written on a serial queue, so a caller (the screen) never waits for the disk; a line
/// that cannot be written is reported to the failure handler rather than dropped in silence.
public final class AuditLog: Sendable {
    /// The file the lines are appended to.
    public let path: String
    /// Whether each line also goes to syslog (facility authpriv).
    public let alsoToSyslog: Bool
    private let queue = DispatchQueue(label: "coupondesk.audit-log")
    private let failureHandler = Mutex<(@Sendable (AuditLogError) -> Void)?>(nil)
    private let failures = Mutex<[AuditLogError]>([])

    public init(path: String, alsoToSyslog: Bool = false) {
        self.path = path
        self.alsoToSyslog = alsoToSyslog
    }

    /// `$XDG_STATE_HOME/coupondesk/audit.log`, with `~/.local/state` when the variable is unset or relative.
    public static func defaultPath(environment: [String: String]) -> String {
        var base = FileSystem.homeDirectory(environment: environment) + "/.local/state"
        if let configured = environment["XDG_STATE_HOME"], configured.hasPrefix("/") { base = configured }
        return base + "/coupondesk/audit.log"
    }

    /// Calls `handler`, on the log's queue, for each line that could not be written.
    public func onFailure(_ handler: @escaping @Sendable (AuditLogError) -> Void) {
        failureHandler.withLock { $0 = handler }
    }

    /// The failures so far, oldest first.
    public var recordedFailures: [AuditLogError] {
        failures.withLock { $0 }
    }

    /// Creates the directory (0700) and the file (0600) if needed and checks that the file can be appended to.
    ///
    /// Called before the first lookup, so a log that cannot be written stops the program before any
    /// personal data is looked up.
    public func prepare() throws(AuditLogError) {
        do {
            try FileSystem.makeDirectories(FileSystem.directoryName(of: path), mode: 0o700)
        } catch {
            throw AuditLogError(path: path, reason: error.description)
        }
        let descriptor = try openForAppending()
        close(descriptor)
    }

    /// Queues one line; returns at once.
    public func append(_ record: AuditRecord) {
        let line = record.jsonLine
        queue.async { [self] in
            do throws(AuditLogError) {
                try write(line + "\n")
            } catch {
                failures.withLock { $0.append(error) }
                let handler = failureHandler.withLock { $0 }
                handler?(error)
            }
            if alsoToSyslog { Self.sendToSyslog(line) }
        }
    }

    /// Waits until every line queued so far has been written or has failed.
    public func flush() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { continuation.resume() }
        }
    }

    // MARK: - Writing

    private func openForAppending() throws(AuditLogError) -> Int32 {
        // O_NOFOLLOW: a symbolic link planted at the log's path is refused, not written through.
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw AuditLogError(path: path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            close(descriptor)
            throw AuditLogError(path: path, reason: "not a regular file")
        }
        return descriptor
    }

    private func write(_ line: String) throws(AuditLogError) {
        let descriptor = try openForAppending()
        defer { close(descriptor) }
        let bytes = Array(line.utf8)
        // One write(2) with O_APPEND, so lines from several agents on one account never interleave.
        let written = bytes.withUnsafeBytes { buffer in
            Glibc.write(descriptor, buffer.baseAddress, buffer.count)
        }
        if written != bytes.count {
            let reason = written < 0 ? String(cString: strerror(errno)) : "short write (\(written) of \(bytes.count))"
            throw AuditLogError(path: path, reason: reason)
        }
    }

    private static let syslogOpened: Void = {
        openlog(nil, LOG_PID, LOG_AUTHPRIV)
    }()

    // FIXME: syslog(3) reports no failure, so a line lost on the way to syslog is not noticed; the file
    // stays the record that is checked.
    private static func sendToSyslog(_ line: String) {
        _ = syslogOpened
        line.withCString { text in
            withVaList([text]) { arguments in
                vsyslog(LOG_INFO, "coupondesk audit %s", arguments)
            }
        }
    }
}
