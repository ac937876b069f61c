import Synchronization

@testable import CouponSandbox

/// Collects the request log lines a sandbox emits.
final class LogRecorder: Sendable {
    private let storage = Mutex<[SandboxRequestLogLine]>([])

    var lines: [SandboxRequestLogLine] { storage.withLock { $0 } }

    /// The callback to put in `SandboxConfiguration.requestLog`.
    var record: @Sendable (SandboxRequestLogLine) -> Void {
        { line in self.storage.withLock { $0.append(line) } }
    }
}
