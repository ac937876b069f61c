/// Why the settings cannot be used; each case exits with status 3 and says what to change.
enum ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The config file is missing, unreadable or broken.
    case file(ConfigFileError)
    /// The profile asked for is not in the config file.
    case unknownProfile(name: String, source: SettingSource, available: [String], path: String?)
    /// The file has several profiles and nothing says which to use.
    case profileNotChosen(available: [String], path: String)
    /// A value that cannot be right, with where it was set.
    case invalidSetting(key: String, value: String, source: SettingSource, reason: String)
    /// Settings a lookup needs are not set anywhere.
    case missingSettings([String], profile: String, path: String?)
    /// The private key file may be read by others, or belongs to someone else.
    case privateKeyPermissions(path: String, problem: String)
    /// A key or certificate file could not be loaded.
    case keyFile(kind: String, path: String, source: SettingSource, reason: String)
    /// The profile has several appids and the command needs one.
    case severalAppids([String])
    /// The audit log cannot be written, so lookups are refused.
    case auditLog(String)
    /// The client refuses the settings as a whole, for the reason given.
    case unusable(String)

    var description: String {
        switch self {
        case .file(let error):
            return error.description
        case .unknownProfile(let name, let source, let available, let path):
            guard let path else {
                return "profile '\(name)' (\(source)) was asked for, but there is no config file; "
                    + "create one with a [profile.\(name)] table or leave out the profile"
            }
            let names = available.isEmpty ? "it has none" : "it has " + available.joined(separator: ", ")
            return "profile '\(name)' (\(source)) is not in \(path); \(names)"
        case .profileNotChosen(let available, let path):
            return "\(path) has several profiles (\(available.joined(separator: ", "))); choose one with "
                + "--profile NAME, COUPONDESK_PROFILE, or default_profile = \"NAME\" at the top of the file"
        case .invalidSetting(let key, let value, let source, let reason):
            return "\(key) \"\(UsageError.visible(value))\" (\(source)) \(reason)"
        case .missingSettings(let missing, let profile, let path):
            let place = path.map { " in [profile.\(profile)] of \($0)" } ?? " (no config file was found)"
            let demo = path == nil ? "; or run 'coupondesk demo' to try CouponDesk without a merchant account" : ""
            return "settings missing\(place): " + missing.joined(separator: "; ") + demo
        case .privateKeyPermissions(let path, let problem):
            let fix = problem.contains("chmod") ? "" : "; run: chmod 600 '\(path)'"
            return "refusing the private key \(path): \(problem)\(fix)"
        case .keyFile(let kind, let path, let source, let reason):
            return "cannot use the \(kind) \(path) (\(source)): \(reason)"
        case .severalAppids(let appids):
            return "the profile has several appids (\(appids.joined(separator: ", "))); "
                + "choose the one the openid belongs to with --appid"
        case .auditLog(let reason):
            return "the audit log cannot be written, so no lookup is made: \(reason)"
        case .unusable(let reason):
            return "the settings cannot be used: \(reason)"
        }
    }
}
