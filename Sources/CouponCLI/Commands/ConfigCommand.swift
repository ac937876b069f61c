import CouponBrowser
import CouponCore

/// `coupondesk config`: the effective settings, each with where it came from; keys only as path and fingerprint.
enum ConfigCommand {
    static func run(_ context: CommandContext) -> ExitStatus {
        let settings: ProfileSettings
        do {
            settings = try context.resolver.resolve()
        } catch {
            ErrorPrinter.print(error, to: context.stderr)
            return .configuration
        }
        var problems: [String] = []
        var rows: [(key: String, value: String, source: String)] = []
        func add(_ key: String, _ value: String, _ source: SettingSource?) {
            rows.append((key, VisibleText.escape(value, limit: 400), source?.description ?? ""))
        }
        let notSet = "(not set)"

        add("config file", settings.configPath ?? "(none; environment and flags only)", nil)
        add("profile", settings.profileName, settings.profileSource)
        add("mchid", settings.mchid?.value ?? notSet, settings.mchid?.source)
        add("serial_no", settings.serialNumber?.value ?? notSet, settings.serialNumber?.source)

        if let key = settings.privateKeyPath {
            add("private_key", key.value, key.source)
            do {
                let loaded = try KeyMaterial.loadPrivateKey(key)
                add(
                    "",
                    "\(loaded.publicKey.fingerprint) (of its public half), \(loaded.bits) bits, permissions ok",
                    nil
                )
            } catch {
                add("", "unusable: \(error.description)", nil)
                problems.append(error.description)
            }
        } else {
            add("private_key", notSet, nil)
        }

        if let path = settings.publicKeyPath {
            add("public_key", path.value, path.source)
            do {
                let key = try KeyMaterial.loadPublicKey(path)
                add("", key.fingerprint, nil)
            } catch {
                add("", "unusable: \(error.description)", nil)
                problems.append(error.description)
            }
        } else {
            add("public_key", notSet, nil)
        }
        add("public_key_id", settings.publicKeyID?.value ?? notSet, settings.publicKeyID?.source)

        if let paths = settings.platformCertificatePaths {
            for (index, path) in paths.value.enumerated() {
                add(index == 0 ? "platform_certificates" : "", path, index == 0 ? paths.source : nil)
                do {
                    let certificate = try KeyMaterial.loadCertificate(Setting(path, from: paths.source))
                    let fingerprint = certificate.publicKey?.fingerprint ?? "no public key"
                    add("", "serial \(certificate.serialNumber), \(fingerprint)", nil)
                } catch {
                    add("", "unusable: \(error.description)", nil)
                    problems.append(error.description)
                }
            }
        } else {
            add("platform_certificates", notSet, nil)
        }

        add("appid", settings.appids.map { $0.value.joined(separator: ", ") } ?? notSet, settings.appids?.source)
        add("api_base", settings.apiBase.value, settings.apiBase.source)
        add("timezone", settings.timeZone.value, settings.timeZone.source)
        add("language", settings.language.value.rawValue, settings.language.source)
        let auditPath = AuditLog.defaultPath(environment: context.environment)
        let auditText = settings.audit.value == .syslog ? "\(auditPath) and syslog (authpriv)" : auditPath
        add("audit", auditText, settings.audit.source)

        let keyWidth = rows.map(\.key.count).max() ?? 0
        let valueWidth = min(60, rows.map { DisplayText($0.value).width }.max() ?? 0)
        for row in rows {
            let key = row.key + String(repeating: " ", count: keyWidth - row.key.count)
            var line = key + "  "
            if row.source.isEmpty {
                line += DisplayText(row.value).text
            } else {
                let value = DisplayText(row.value)
                let gap = max(2, valueWidth - value.width + 2)
                line += value.text + String(repeating: " ", count: gap) + row.source
            }
            context.stdout.writeLine(line)
        }

        let missing = settings.missingForLookup
        if !missing.isEmpty {
            context.stderr.writeLine(
                "coupondesk: not enough to look anything up; missing: " + missing.joined(separator: "; ")
            )
        }
        return missing.isEmpty && problems.isEmpty ? .success : .configuration
    }
}
