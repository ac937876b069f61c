extension AuditLog {
    /// The audit log a command writes to, ready for its first line, or `nil` after printing why it cannot be.
    ///
    /// It is opened before any lookup, so no personal data is asked for that would not be audited.
    static func opened(for context: CommandContext, settings: ProfileSettings) -> AuditLog? {
        let log = AuditLog(
            path: AuditLog.defaultPath(environment: context.environment),
            alsoToSyslog: settings.audit.value == .syslog
        )
        do {
            try log.prepare()
        } catch {
            ErrorPrinter.print(ConfigurationError.auditLog(error.description), to: context.stderr)
            return nil
        }
        return log
    }
}
