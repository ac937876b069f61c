import CouponBrowser
import CouponCore

/// Works out the effective settings: flags override the environment, which overrides the config file.
struct SettingsResolver {
    var environment: [String: String]
    /// The global options of the command line.
    var flags: ParsedOptions
    /// Relative paths from the environment or flags are taken from here.
    var workingDirectory: String

    /// One setting as the three layers name it.
    private struct Key {
        var file: String
        var environment: String?
        var flag: String?
        var isPath = false
    }

    private static let mchid = Key(file: "mchid", environment: "WECHATPAY_MCHID", flag: "mchid")
    private static let serialNumber = Key(file: "serial_no", environment: "WECHATPAY_SERIAL_NO", flag: "serial-no")
    private static let privateKey = Key(
        file: "private_key",
        environment: "WECHATPAY_PRIVATE_KEY",
        flag: "private-key",
        isPath: true
    )
    private static let publicKey = Key(
        file: "public_key",
        environment: "WECHATPAY_PUBLIC_KEY",
        flag: "public-key",
        isPath: true
    )
    private static let publicKeyID = Key(
        file: "public_key_id",
        environment: "WECHATPAY_PUBLIC_KEY_ID",
        flag: "public-key-id"
    )
    private static let apiBase = Key(file: "api_base", environment: "WECHATPAY_API_BASE", flag: "api-base")

    private var home: String { FileSystem.homeDirectory(environment: environment) }

    /// The config file to read and what named it, or `nil` when the default file does not exist.
    func locateConfigFile() throws(ConfigurationError) -> (path: String, source: SettingSource)? {
        if let path = flags.string("config") {
            let absolute = FileSystem.absolutePath(path, relativeTo: workingDirectory, home: home)
            guard FileSystem.exists(absolute) else {
                throw .file(.notFound(path: absolute, namedBy: "--config"))
            }
            return (absolute, .flag("--config"))
        }
        if let path = value("COUPONDESK_CONFIG") {
            let absolute = FileSystem.absolutePath(path, relativeTo: workingDirectory, home: home)
            guard FileSystem.exists(absolute) else {
                throw .file(.notFound(path: absolute, namedBy: "COUPONDESK_CONFIG"))
            }
            return (absolute, .environment("COUPONDESK_CONFIG"))
        }
        let path = Self.defaultConfigPath(environment: environment)
        return FileSystem.exists(path) ? (path, .builtIn) : nil
    }

    /// `$XDG_CONFIG_HOME/coupondesk/config.toml`, with `~/.config` when the variable is unset or relative.
    static func defaultConfigPath(environment: [String: String]) -> String {
        let home = FileSystem.homeDirectory(environment: environment)
        var base = home + "/.config"
        if let configured = environment["XDG_CONFIG_HOME"], configured.hasPrefix("/") { base = configured }
        return base + "/coupondesk/config.toml"
    }

    /// Reads the config file, if any, and resolves every setting of the chosen profile.
    func resolve() throws(ConfigurationError) -> ProfileSettings {
        var file: ConfigFile?
        if let located = try locateConfigFile() {
            do {
                file = try ConfigFileParser.load(path: located.path)
            } catch {
                throw .file(error)
            }
        }
        return try resolve(file: file)
    }

    /// Resolves every setting of the chosen profile of an already-read file.
    func resolve(file: ConfigFile?) throws(ConfigurationError) -> ProfileSettings {
        let (profile, profileSource) = try chooseProfile(in: file)
        let fileDirectory = file.map { FileSystem.directoryName(of: $0.path) } ?? workingDirectory

        func lookup(_ key: Key) -> Setting<String>? {
            if let flag = key.flag, let value = flags.string(flag) {
                return Setting(absolutized(value, key: key, base: workingDirectory), from: .flag("--" + flag))
            }
            if let name = key.environment, let value = value(name) {
                return Setting(absolutized(value, key: key, base: workingDirectory), from: .environment(name))
            }
            if let entry = profile?.entry(key.file), case .string(let value) = entry.value, let file {
                return Setting(
                    absolutized(value, key: key, base: fileDirectory),
                    from: .file(path: file.path, line: entry.line)
                )
            }
            return nil
        }

        var settings = ProfileSettings(
            profileName: profile?.name ?? "env",
            profileSource: profileSource,
            configPath: file?.path,
            mchid: lookup(Self.mchid),
            serialNumber: lookup(Self.serialNumber),
            privateKeyPath: lookup(Self.privateKey),
            publicKeyPath: lookup(Self.publicKey),
            publicKeyID: lookup(Self.publicKeyID),
            platformCertificatePaths: nil,
            appids: nil,
            apiBase: lookup(Self.apiBase) ?? Setting(ProfileSettings.defaultAPIBase, from: .builtIn),
            timeZone: Setting(ProfileSettings.defaultTimeZone, from: .builtIn),
            language: Setting(Language(environment: environment), from: languageSource()),
            audit: Setting(.file, from: .builtIn)
        )

        let flagAppids = flags.strings("appid")
        if !flagAppids.isEmpty {
            settings.appids = Setting(flagAppids, from: .flag("--appid"))
        } else if let list = value("WECHATPAY_APPID") {
            let appids = list.split(separator: ",").map { String($0).trimmingBlanks() }.filter { !$0.isEmpty }
            settings.appids = Setting(appids, from: .environment("WECHATPAY_APPID"))
        } else if let entry = profile?.entry("appid"), let file {
            settings.appids = Setting(entry.value.list, from: .file(path: file.path, line: entry.line))
        }

        if let profile, let file {
            let source = { (entry: ConfigEntry) in SettingSource.file(path: file.path, line: entry.line) }
            if let entry = profile.entry("platform_certificates") {
                let paths = entry.value.list.map {
                    FileSystem.absolutePath($0, relativeTo: fileDirectory, home: home)
                }
                settings.platformCertificatePaths = Setting(paths, from: source(entry))
            }
            if let entry = profile.entry("timezone"), case .string(let zone) = entry.value {
                settings.timeZone = Setting(zone, from: source(entry))
            }
            if let entry = profile.entry("language"), case .string(let name) = entry.value {
                guard let language = Language(rawValue: name) else {
                    throw .invalidSetting(
                        key: "language",
                        value: name,
                        source: source(entry),
                        reason: "must be zh or en"
                    )
                }
                settings.language = Setting(language, from: source(entry))
            }
            if let entry = profile.entry("audit"), case .string(let name) = entry.value {
                guard let audit = AuditDestination(rawValue: name) else {
                    throw .invalidSetting(
                        key: "audit",
                        value: name,
                        source: source(entry),
                        reason: "must be \"file\" or \"syslog\" (file and syslog)"
                    )
                }
                settings.audit = Setting(audit, from: source(entry))
            }
        }

        try validate(settings)
        return settings
    }

    // MARK: - Profiles

    private func chooseProfile(in file: ConfigFile?) throws(ConfigurationError) -> (ConfigProfile?, SettingSource) {
        var asked: (name: String, source: SettingSource)?
        if let name = flags.string("profile") {
            asked = (name, .flag("--profile"))
        } else if let name = value("COUPONDESK_PROFILE") {
            asked = (name, .environment("COUPONDESK_PROFILE"))
        } else if let file, let entry = file.topLevelEntry("default_profile"), case .string(let name) = entry.value {
            asked = (name, .file(path: file.path, line: entry.line))
        }
        if let asked {
            guard let file, let profile = file.profile(named: asked.name) else {
                throw .unknownProfile(
                    name: asked.name,
                    source: asked.source,
                    available: file?.profiles.map(\.name) ?? [],
                    path: file?.path
                )
            }
            return (profile, asked.source)
        }
        guard let file, !file.profiles.isEmpty else { return (nil, .builtIn) }
        if let profile = file.profile(named: "default") {
            return (profile, .file(path: file.path, line: profile.line))
        }
        if file.profiles.count == 1, let only = file.profiles.first {
            return (only, .file(path: file.path, line: only.line))
        }
        throw .profileNotChosen(available: file.profiles.map(\.name), path: file.path)
    }

    // MARK: - Checks

    private func validate(_ settings: ProfileSettings) throws(ConfigurationError) {
        if let mchid = settings.mchid {
            let isDigits = mchid.value.unicodeScalars.allSatisfy { $0 >= "0" && $0 <= "9" }
            if mchid.value.isEmpty || mchid.value.count > 20 || !isDigits {
                throw .invalidSetting(
                    key: "mchid",
                    value: mchid.value,
                    source: mchid.source,
                    reason: "is not a merchant id; a mchid is 1 to 20 digits"
                )
            }
        }
        for setting in [settings.serialNumber, settings.publicKeyID].compactMap({ $0 }) {
            if setting.value.isEmpty || !setting.value.unicodeScalars.allSatisfy(Self.isPrintableASCII) {
                let key = setting == settings.serialNumber ? "serial_no" : "public_key_id"
                throw .invalidSetting(
                    key: key,
                    value: setting.value,
                    source: setting.source,
                    reason: "must be printable ASCII without spaces, as WeChat Pay shows it"
                )
            }
        }
        if let appids = settings.appids {
            if appids.value.isEmpty {
                throw .invalidSetting(key: "appid", value: "", source: appids.source, reason: "is empty")
            }
            for appid in appids.value where !appid.unicodeScalars.allSatisfy(Self.isPrintableASCII) {
                throw .invalidSetting(
                    key: "appid",
                    value: appid,
                    source: appids.source,
                    reason: "must be printable ASCII without spaces, such as wx1234567890abcdef"
                )
            }
        }
        let base = settings.apiBase.value
        let rest = base.hasPrefix("https://") ? base.dropFirst(8) : base.hasPrefix("http://") ? base.dropFirst(7) : nil
        if rest == nil || rest?.isEmpty == true || rest?.first == "/" || base.contains(where: \.isWhitespace) {
            throw .invalidSetting(
                key: "api_base",
                value: base,
                source: settings.apiBase.source,
                reason: "is not an absolute URL; write it as https://api.mch.weixin.qq.com"
            )
        }
        let zone = settings.timeZone
        if !Self.isKnownTimeZone(zone.value, environment: environment) {
            throw .invalidSetting(
                key: "timezone",
                value: zone.value,
                source: zone.source,
                reason: "is not a time zone; use a name such as Asia/Shanghai or an offset such as +08:00"
            )
        }
    }

    /// Whether the browser knows the zone `name`: an IANA name or an offset such as `+08:00`.
    static func isKnownTimeZone(_ name: String, environment: [String: String]) -> Bool {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
        else { return false }
        return DisplayTimeZone(identifier: name) != nil
    }

    private static func isPrintableASCII(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0x20 && scalar.value < 0x7F
    }

    // MARK: - Helpers

    /// A non-empty environment variable.
    private func value(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    private func absolutized(_ value: String, key: Key, base: String) -> String {
        key.isPath ? FileSystem.absolutePath(value, relativeTo: base, home: home) : value
    }

    private func languageSource() -> SettingSource {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] where value(name) != nil {
            return .environment(name)
        }
        return .builtIn
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
