import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A debug log appended to the file named by `COUPONDESK_DEBUG_LOG`, and otherwise nothing at all.
///
/// Callers log request targets, statuses, latencies and `Request-ID`s; never an `Authorization`
/// header, a signature, or anything from a key. The file is created with mode 0600.
public final class DebugLog: Sendable {
    /// The environment variable that switches the log on by naming its file.
    public static let environmentVariable = "COUPONDESK_DEBUG_LOG"

    /// The log the environment of this process asks for, or `nil` when it asks for none.
    public static let fromEnvironment: DebugLog? = {
        guard let value = getenv(environmentVariable) else { return nil }
        return DebugLog(environmentValue: String(cString: value))
    }()

    /// The file the log appends to.
    public let path: String
    private let descriptor: Mutex<Int32>

    /// Opens (or creates, mode 0600) the file at `path` for appending.
    public init(path: String) throws(DebugLogError) {
        // O_NOFOLLOW: a symlink planted at the path must not redirect the log somewhere else.
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw DebugLogError(path: path, reason: String(cString: strerror(errno)))
        }
        self.path = path
        self.descriptor = Mutex(fd)
    }

    /// The log for a value of `COUPONDESK_DEBUG_LOG`; `nil` when it is empty or the file cannot be opened.
    public convenience init?(environmentValue: String) {
        guard !environmentValue.isEmpty else { return nil }
        do {
            try self.init(path: environmentValue)
        } catch {
            return nil
        }
    }

    deinit {
        descriptor.withLock { fd in
            _ = close(fd)
        }
    }

    /// Appends one line: a UTC time stamp and `message`, control characters made visible.
    public func log(_ message: String) {
        let line = Self.timestamp() + " " + VisibleText.escape(message, limit: 4096) + "\n"
        let bytes = Array(line.utf8)
        descriptor.withLock { fd in
            var written = 0
            while written < bytes.count {
                let result = bytes[written...].withUnsafeBytes { buffer in
                    write(fd, buffer.baseAddress, buffer.count)
                }
                if result < 0, errno == EINTR { continue }
                // A debug log must never take the program down; a failed write is dropped.
                guard result > 0 else { return }
                written += result
            }
        }
    }

    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let seconds = Int64(now.tv_sec)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let date = APITimestamp.civilDate(daysSince1970: days)
        let inDay = seconds - days * 86_400
        let millis = Int(now.tv_nsec / 1_000_000)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        func three(_ value: Int) -> String { value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)" }
        return "\(date.year)-\(two(date.month))-\(two(date.day))T\(two(Int(inDay / 3600))):"
            + "\(two(Int(inDay % 3600 / 60))):\(two(Int(inDay % 60))).\(three(millis))Z"
    }
}

/// Why the debug log file could not be opened.
public struct DebugLogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path that could not be opened.
    public var path: String
    /// Why, as the system said it.
    public var reason: String

    public var description: String {
        "cannot open the debug log \(VisibleText.escape(path)) (\(DebugLog.environmentVariable)): \(reason)"
    }
}
