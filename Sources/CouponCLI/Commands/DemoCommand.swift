import CouponCore
import CouponSandbox
import CouponTUI

/// `coupondesk demo`: the browser on an in-process sandbox with throwaway keys and its demo users.
enum DemoCommand {
    static func run(_ context: CommandContext, options: ParsedOptions) async -> Int32 {
        if let problem = context.terminalProblem() {
            ErrorPrinter.print(message: problem, to: context.stderr)
            return ExitStatus.usage.rawValue
        }
        let server: SandboxServer
        do {
            // No request log: the screen belongs to the browser while the demo runs.
            server = try SandboxServer.start(SandboxConfiguration())
        } catch {
            ErrorPrinter.print(message: "the demo sandbox cannot start: \(error.description)", to: context.stderr)
            return ExitStatus.unavailable.rawValue
        }
        defer { server.stop() }

        let language = context.environmentLanguage
        let merchant = server.merchant
        let client = CouponClient(configuration: clientConfiguration(for: server))
        let settings = demoSettings(for: server, language: language)
        guard let audit = AuditedSession.start(context: context, settings: settings, command: "demo") else {
            return ExitStatus.configuration.rawValue
        }
        let configuration = TUIConfiguration(
            client: AuditingFetcher(wrapping: client, log: audit.log, context: audit.context),
            profileName: "demo",
            mchid: merchant.mchid,
            appids: merchant.appids,
            initialOpenid: nil,
            suggestions: server.demoUsers.map { user in
                LookupSuggestion(openid: user.openid, appid: user.appid, label: user.label(in: language))
            },
            language: language,
            timeZoneIdentifier: ProfileSettings.defaultTimeZone,
            ascii: options.contains("ascii"),
            color: TUILauncher.colorAllowed(options: options, environment: context.environment),
            notices: audit.notices
        )
        let status = await TUILauncher.run(configuration)
        await audit.finish()
        return status
    }

    /// The signing, verifying client configuration for an in-process sandbox.
    static func clientConfiguration(for server: SandboxServer) -> CouponClientConfiguration {
        CouponClientConfiguration(
            credentials: MerchantCredentials(
                mchid: server.merchant.mchid,
                serialNumber: server.merchant.serialNumber,
                privateKey: server.merchantPrivateKey
            ),
            verificationKeys: WechatPayVerificationKeys(
                publicKeyID: server.merchant.publicKeyID,
                publicKey: server.wechatPayPublicKey
            ),
            baseURL: server.baseURL
        )
    }

    /// Settings standing for the demo's merchant, for the audit log.
    static func demoSettings(for server: SandboxServer, language: Language) -> ProfileSettings {
        ProfileSettings(
            profileName: "demo",
            profileSource: .builtIn,
            configPath: nil,
            mchid: Setting(server.merchant.mchid, from: .builtIn),
            appids: Setting(server.merchant.appids, from: .builtIn),
            apiBase: Setting(server.baseURL, from: .builtIn),
            timeZone: Setting(ProfileSettings.defaultTimeZone, from: .builtIn),
            language: Setting(language, from: .builtIn),
            audit: Setting(.file, from: .builtIn)
        )
    }
}
