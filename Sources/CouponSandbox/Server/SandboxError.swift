import CouponCore

/// Why the sandbox could not start, load its data or write its client files.
public enum SandboxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The configured host is not a loopback address; the sandbox never listens beyond this machine.
    case notLoopback(host: String)
    /// The listening socket could not be set up; `operation` names the failing call.
    case cannotListen(host: String, port: UInt16, operation: String, reason: String)
    /// The throwaway keys could not be generated.
    case keyGeneration(String)
    /// The data set is not the shape the sandbox reads; `reason` points at the entry.
    case invalidDataSet(String)
    /// A client file or its directory could not be written.
    case cannotWrite(path: String, reason: String)
    /// The key directory exists but group or others may read it.
    case directoryNotPrivate(path: String, mode: UInt32)

    /// What went wrong and what to do; hosts, paths and data-set text are shown with control characters made visible.
    public var description: String {
        switch self {
        case .notLoopback(let host):
            return "the sandbox listens on loopback only; \(VisibleText.escape(host, limit: 64)) is not 127.0.0.1, ::1 "
                + "or localhost"
        case .cannotListen(let host, let port, let operation, let reason):
            let hint = port == 0 ? "" : "; pick another port, or port 0 for any free one"
            return "cannot listen on \(host):\(port): \(operation) failed: \(reason)\(hint)"
        case .keyGeneration(let reason):
            return "cannot generate the sandbox's throwaway keys: \(reason)"
        case .invalidDataSet(let reason):
            return "the sandbox data set is not usable: \(VisibleText.escape(reason))"
        case .cannotWrite(let path, let reason):
            return "cannot write \(VisibleText.escape(path)): \(reason)"
        case .directoryNotPrivate(let path, let mode):
            let shown = VisibleText.escape(path)
            return "the key directory \(shown) has mode \(String(mode, radix: 8)); it must be private to you. "
                + "Run: chmod 700 \(VisibleText.escape(SandboxServer.shellQuoted(path))), or name a new directory"
        }
    }
}
