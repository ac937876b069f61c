import CouponBrowser
import CouponCore

#if canImport(Glibc)
import Glibc
#endif

/// `coupondesk doctor`: checks everything a lookup depends on, one line each, and says what to fix.
enum DoctorCommand {
    /// The openid the signed test request asks about: made up, so no real user is looked up.
    static let probeOpenid = "coupondesk-doctor-probe"
    /// A Chinese sample whose width the terminal check measures.
    static let cjkSample = "代金券"

    static func run(_ context: CommandContext, options: ParsedOptions) async -> ExitStatus {
        var checks: [DoctorCheck] = []
        func report(_ check: DoctorCheck) {
            checks.append(check)
            for line in check.lines { context.stdout.writeLine(VisibleText.escape(line, limit: 4000)) }
        }

        let settings = checkConfiguration(context, report: report)
        var keys: KeyMaterial?
        if let settings {
            keys = checkKeys(settings, report: report)
        }
        for check in terminalChecks(context.environment) { report(check) }

        if options.contains("offline") {
            report(.warning("network", "skipped (--offline)"))
        } else if let settings, keys != nil {
            report(await reachabilityCheck(settings))
            report(await signedRequestCheck(settings, openid: options.string("openid")))
        } else {
            report(.warning("network", "skipped: fix the configuration first"))
        }

        let failures = checks.filter { $0.level == .failure }
        let warnings = checks.filter { $0.level == .warning }
        context.stdout.writeLine("")
        if let first = failures.first {
            context.stdout.writeLine("\(failures.count) failed, \(warnings.count) warnings")
            return first.failureStatus
        }
        context.stdout.writeLine(warnings.isEmpty ? "all checks passed" : "no failures, \(warnings.count) warnings")
        return .success
    }

    // MARK: - Configuration and keys

    private static func checkConfiguration(
        _ context: CommandContext,
        report: (DoctorCheck) -> Void
    ) -> ProfileSettings? {
        let settings: ProfileSettings
        do {
            settings = try context.resolver.resolve()
        } catch {
            report(.failure("config", error.description))
            return nil
        }
        if let path = settings.configPath {
            report(.ok("config", "read \(path); profile \(settings.profileName) (\(settings.profileSource))"))
        } else {
            report(.ok("config", "no config file; settings from the environment and flags"))
        }
        let missing = settings.missingForLookup
        if !missing.isEmpty {
            report(.failure("settings", "missing " + missing.joined(separator: "; ")))
            return nil
        }
        report(
            .ok(
                "settings",
                "mchid \(settings.mchid?.value ?? ""), appid \(settings.appids?.value.joined(separator: ", ") ?? "")"
            )
        )
        return settings
    }

    private static func checkKeys(_ settings: ProfileSettings, report: (DoctorCheck) -> Void) -> KeyMaterial? {
        guard let keyPath = settings.privateKeyPath else { return nil }
        let privateKey: RSAPrivateKey
        do {
            privateKey = try KeyMaterial.loadPrivateKey(keyPath)
        } catch {
            report(.failure("private key", error.description))
            return nil
        }
        report(
            .ok(
                "private key",
                "\(keyPath.value): loads, \(privateKey.bits) bits, only you can read it, "
                    + privateKey.publicKey.fingerprint
            )
        )
        if let serial = settings.serialNumber, let mchid = settings.mchid {
            let credentials = MerchantCredentials(
                mchid: mchid.value,
                serialNumber: serial.value,
                privateKey: privateKey
            )
            if let problem = credentials.problem {
                report(.failure("serial_no", problem))
                return nil
            }
        }

        let material: KeyMaterial
        do {
            material = try KeyMaterial.load(settings)
        } catch {
            report(.failure("wechatpay key", error.description))
            return nil
        }
        var healthy = true
        if let publicKey = material.publicKey {
            if publicKey.key.fingerprint == privateKey.publicKey.fingerprint {
                report(
                    .failure(
                        "wechatpay key",
                        "public_key is the public half of your own merchant key, not WeChat Pay's; download "
                            + "pub_key.pem from the merchant platform (API安全 → 微信支付公钥)"
                    )
                )
                healthy = false
            } else if !publicKey.id.hasPrefix("PUB_KEY_ID_") {
                report(
                    .warning(
                        "wechatpay key",
                        "public_key_id \(publicKey.id) does not start with PUB_KEY_ID_; answers name the key by "
                            + "that id, so copy it exactly from the merchant platform"
                    )
                )
            } else {
                report(.ok("wechatpay key", "\(publicKey.id): loads, \(publicKey.key.fingerprint)"))
            }
        }
        let now = Int64(time(nil))
        for (serial, certificate) in material.certificates {
            guard let notAfter = certificate.notAfterSecondsSince1970 else {
                report(.warning("certificate", "\(serial): cannot read its expiry date"))
                continue
            }
            let daysLeft = (notAfter - now) / 86_400
            if notAfter < now {
                report(
                    .failure(
                        "certificate",
                        "platform certificate \(serial) has expired; download the current one or switch to "
                            + "the WeChat Pay public key"
                    )
                )
                healthy = false
            } else if daysLeft < 30 {
                report(.warning("certificate", "platform certificate \(serial) expires in \(daysLeft) days; renew it"))
            } else {
                report(.ok("certificate", "platform certificate \(serial), \(daysLeft) days left"))
            }
        }
        return healthy ? material : nil
    }

    // MARK: - Terminal

    /// TERM, the locale, colours and the width of Chinese text; problems here are warnings, as lists still work.
    static func terminalChecks(_ environment: [String: String]) -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let term = environment["TERM"] ?? ""
        let terminfo = term.isEmpty ? nil : TerminalProbe.terminfoPath(for: term, environment: environment)
        if term.isEmpty || term == "dumb" {
            let found = term.isEmpty ? "TERM is not set" : "TERM is dumb"
            checks.append(
                .warning("terminal", "\(found): browse and demo cannot draw; set TERM, such as xterm-256color")
            )
        } else if terminfo == nil {
            checks.append(
                .warning(
                    "terminal",
                    "TERM=\(term) has no terminfo entry, so ncurses cannot start; install ncurses-term or use "
                        + "TERM=xterm-256color"
                )
            )
        } else {
            checks.append(.ok("terminal", "TERM=\(term)"))
        }

        if let locale = TerminalProbe.characterLocale(environment: environment) {
            if TerminalProbe.isUTF8(locale.name) {
                checks.append(.ok("locale", "\(locale.variable)=\(locale.name)"))
            } else {
                checks.append(
                    .warning(
                        "locale",
                        "\(locale.variable)=\(locale.name) is not UTF-8; the browser switches to C.UTF-8, but set "
                            + "LANG=C.UTF-8 (or zh_CN.UTF-8) so every program agrees"
                    )
                )
            }
        } else {
            checks.append(.warning("locale", "no LANG, LC_ALL or LC_CTYPE; set LANG=C.UTF-8 so Chinese text shows"))
        }

        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            checks.append(.ok("colours", "NO_COLOR is set: the browser is monochrome (bold, reverse, underline)"))
        } else if let terminfo, let bytes = try? FileSystem.readFile(terminfo, maximumSize: 1 << 16),
            let colors = TerminalProbe.colorCount(terminfo: bytes)
        {
            if colors >= 256 {
                checks.append(.ok("colours", "\(colors) colours (terminfo \(terminfo))"))
            } else if colors >= 8 {
                checks.append(.ok("colours", "\(colors) colours; the browser uses 16-colour mode"))
            } else {
                checks.append(.warning("colours", "TERM=\(term) has no colours; the browser runs monochrome"))
            }
        } else {
            checks.append(.warning("colours", "cannot tell how many colours TERM=\(term) has"))
        }

        let expected = DisplayText(cjkSample).width
        let localeName = TerminalProbe.characterLocale(environment: environment)?.name ?? "C.UTF-8"
        let name = TerminalProbe.isUTF8(localeName) ? localeName : "C.UTF-8"
        if let widths = TerminalProbe.libcWidths(of: cjkSample, localeName: name) {
            let total = widths.reduce(0, +)
            if total == expected {
                checks.append(
                    .ok("cjk width", "\"\(cjkSample)\" is \(total) cells under \(name), as the browser lays it out")
                )
            } else {
                checks.append(
                    .warning(
                        "cjk width",
                        "\"\(cjkSample)\" is \(total) cells under \(name) but the browser expects \(expected); "
                            + "Chinese columns may not line up; use a UTF-8 locale"
                    )
                )
            }
        } else {
            checks.append(
                .warning("cjk width", "locale \(name) is not installed; install it or use LANG=C.UTF-8")
            )
        }
        return checks
    }

    // MARK: - Network

    /// An unsigned request to the API host: is it reachable, and does its `Date` agree with this clock?
    private static func reachabilityCheck(_ settings: ProfileSettings) async -> DoctorCheck {
        let base =
            settings.apiBase.value.hasSuffix("/") ? String(settings.apiBase.value.dropLast()) : settings.apiBase.value
        // An unsigned GET that changes nothing: WeChat Pay answers it 401, the sandbox 404, both with a Date.
        let request = HTTPRequest(
            method: "GET",
            url: base + "/v3/certificates",
            headers: [
                "Accept": "application/json",
                "User-Agent": CouponClientConfiguration.defaultUserAgent,
            ],
            timeout: .seconds(10)
        )
        let started = ContinuousClock.now
        let response: HTTPResponse
        do {
            response = try await URLSessionTransport().send(request)
        } catch {
            return .failure("api host", "\(base) cannot be reached: \(error.description)", status: .unavailable)
        }
        let latency = ContinuousClock.now - started
        let milliseconds = latency.components.seconds * 1000 + latency.components.attoseconds / 1_000_000_000_000_000
        guard let dateText = response.headers["Date"], let serverTime = HTTPDate.secondsSince1970(dateText) else {
            return .warning(
                "clock",
                "\(base) answered (HTTP \(response.statusCode), \(milliseconds) ms) without a Date header; the clock "
                    + "was not compared"
            )
        }
        let skew = Int64(time(nil)) - serverTime
        let answered = "\(base) answered in \(milliseconds) ms"
        if abs(skew) > 300 {
            return .failure(
                "clock",
                "\(answered), but this clock is \(abs(skew)) s \(skew > 0 ? "ahead" : "behind"); answers more than "
                    + "300 s off are refused, so sync the clock (timedatectl set-ntp true)",
                status: .unavailable
            )
        }
        if abs(skew) > 60 {
            return .warning(
                "clock",
                "\(answered); this clock is \(abs(skew)) s \(skew > 0 ? "ahead" : "behind"); sync it with NTP"
            )
        }
        return .ok("clock", "\(answered); this clock is within \(max(1, abs(skew))) s of the server's Date")
    }

    /// A signed lookup of a made-up openid: a refusal of the openid proves the signature was accepted.
    private static func signedRequestCheck(_ settings: ProfileSettings, openid: String?) async -> DoctorCheck {
        var configuration: CouponClientConfiguration
        do {
            configuration = try ClientFactory.configuration(for: settings)
        } catch {
            return .failure("signed request", error.description)
        }
        configuration.retryPolicy = RetryPolicy(maximumRetries: 1, totalBudget: .seconds(15))
        let client = CouponClient(configuration: configuration)
        let appid = settings.appids?.value.first ?? ""
        let query = CouponQuery(openid: openid ?? probeOpenid, appid: appid, limit: 1)
        let name = "signed request"

        do {
            let response = try await client.fetch(query)
            return .ok(
                name,
                "accepted; the answer was verified with \(response.verifiedBySerial) "
                    + "(\(response.page.totalCount) coupons for \(query.openid), "
                    + "Request-ID \(response.requestID ?? "none"))"
            )
        } catch {
            return classify(error, query: query, language: settings.language.value)
        }
    }

    /// What a failed signed request says about the setup.
    static func classify(_ error: CouponClientError, query: CouponQuery, language: Language) -> DoctorCheck {
        let name = "signed request"
        let report = error.report(language: language)
        let requestID = report.requestID.map { ", Request-ID \($0)" } ?? ""
        switch error {
        case .api(let apiError) where apiError.code == "SIGN_ERROR":
            var check = DoctorCheck.failure(
                name,
                "SIGN_ERROR: WeChat Pay refused the signature\(requestID). Check that serial_no is the serial of "
                    + "the certificate that belongs to private_key, and that mchid is right",
                status: .refused
            )
            var details = report.detailLines
            if details.isEmpty {
                if let server = apiError.truncatedSignMessage {
                    details.append("server built: " + VisibleText.escape(server, limit: 300))
                }
                if let signed = apiError.signedMessage {
                    details.append("client signed: " + VisibleText.escape(signed, limit: 300))
                }
            }
            check.detailLines = details
            return check
        case .api(let apiError) where apiError.code == "APPID_MCHID_NOT_MATCH" || apiError.code == "MCH_NOT_EXISTS":
            return .failure(
                name,
                "the signature was accepted, but \(apiError.code): \(apiError.message)\(requestID); check mchid and "
                    + "that appid \(query.appid) is bound to it",
                status: .refused
            )
        case .api(let apiError) where apiError.statusCode == 403:
            return .failure(
                name,
                "the signature was accepted, but the merchant may not use this API (\(apiError.description))"
                    + "\(requestID); ask WeChat Pay to enable 代金券",
                status: .refused
            )
        case .api(let apiError) where (400...499).contains(apiError.statusCode) && apiError.statusCode != 429:
            return .ok(
                name,
                "accepted: the signature passed and the made-up openid \(query.openid) was refused as expected "
                    + "(\(apiError.description)\(requestID))"
            )
        case .api(let apiError):
            return .failure(
                name,
                "WeChat Pay is not answering normally (\(apiError.description))\(requestID); try again later",
                status: .unavailable
            )
        case .verification(let verificationError, _):
            return .failure(
                name,
                "the answer did not verify: \(verificationError.description)\(requestID); check public_key and "
                    + "public_key_id (or platform_certificates)",
                status: .unavailable
            )
        case .configuration(let reason):
            return .failure(name, reason)
        case .invalidQuery(let queryError):
            return .failure(name, queryError.description, status: ExitStatus(error))
        case .transport, .decoding, .cancelled:
            return .failure(name, "\(report.code): \(report.message)\(requestID)", status: .unavailable)
        }
    }
}
