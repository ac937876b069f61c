/// The result of one `doctor` check: a level, what was found, and what to do about it.
struct DoctorCheck: Sendable, Hashable {
    enum Level: Sendable, Hashable {
        case ok
        case warning
        case failure
    }

    /// The short name of what was checked, such as `private key`.
    var name: String
    var level: Level
    /// What was found, and when it is not ok, what to do.
    var message: String
    /// The exit status a failure of this check stands for.
    var failureStatus: ExitStatus = .configuration
    /// Lines shown under the check, such as both sign messages of a `SIGN_ERROR`.
    var detailLines: [String] = []

    static func ok(_ name: String, _ message: String) -> DoctorCheck {
        DoctorCheck(name: name, level: .ok, message: message)
    }

    static func warning(_ name: String, _ message: String) -> DoctorCheck {
        DoctorCheck(name: name, level: .warning, message: message)
    }

    static func failure(_ name: String, _ message: String, status: ExitStatus = .configuration) -> DoctorCheck {
        DoctorCheck(name: name, level: .failure, message: message, failureStatus: status)
    }

    /// The check as printed: `ok    config        read ~/.config/coupondesk/config.toml`.
    var lines: [String] {
        let label: String
        switch level {
        case .ok: label = "ok  "
        case .warning: label = "warn"
        case .failure: label = "FAIL"
        }
        let padded = name + String(repeating: " ", count: max(1, 16 - name.count))
        return [label + "  " + padded + message] + detailLines.map { "      " + String(repeating: " ", count: 16) + $0 }
    }
}
