import CouponCore

/// The audit log of one browser session, and the notices that tell the screen when a line failed.
struct AuditedSession: Sendable {
    var log: AuditLog
    var context: AuditContext
    /// Audit-log failures as messages for the status line.
    var notices: AsyncStream<String>
    private var continuation: AsyncStream<String>.Continuation

    /// Opens the audit log for a session, or prints why it cannot be written and returns `nil`.
    static func start(context: CommandContext, settings: ProfileSettings, command: String) -> AuditedSession? {
        guard let log = AuditLog.opened(for: context, settings: settings) else { return nil }
        let (notices, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(16))
        log.onFailure { error in
            continuation.yield("lookup not audited: \(error)")
        }
        let auditContext = AuditContext(
            environment: context.environment,
            command: command,
            profile: settings.profileName,
            mchid: settings.mchid?.value ?? ""
        )
        return AuditedSession(log: log, context: auditContext, notices: notices, continuation: continuation)
    }

    /// Waits for the last lines and closes the notices.
    func finish() async {
        await log.flush()
        continuation.finish()
    }
}
