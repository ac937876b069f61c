import CouponCore
import CouponTUI

/// `coupondesk browse`: the full-screen browser for the configured merchant, every lookup audited.
enum BrowseCommand {
    static func run(_ context: CommandContext, options: ParsedOptions) async -> Int32 {
        if let problem = context.terminalProblem() {
            ErrorPrinter.print(message: problem, to: context.stderr)
            return ExitStatus.usage.rawValue
        }
        guard let settings = context.settingsOrReport() else { return ExitStatus.configuration.rawValue }
        let client: CouponClient
        do {
            client = try ClientFactory.makeClient(for: settings)
        } catch {
            ErrorPrinter.print(error, to: context.stderr)
            return ExitStatus.configuration.rawValue
        }
        guard let audit = AuditedSession.start(context: context, settings: settings, command: "browse") else {
            return ExitStatus.configuration.rawValue
        }
        let configuration = TUIConfiguration(
            client: AuditingFetcher(wrapping: client, log: audit.log, context: audit.context),
            profileName: settings.profileName,
            mchid: settings.mchid?.value ?? "",
            appids: settings.appids?.value ?? [],
            initialOpenid: options.string("openid"),
            suggestions: [],
            language: settings.language.value,
            timeZoneIdentifier: settings.timeZone.value,
            ascii: options.contains("ascii"),
            color: TUILauncher.colorAllowed(options: options, environment: context.environment),
            notices: audit.notices
        )
        let status = await TUILauncher.run(configuration)
        await audit.finish()
        return status
    }
}
