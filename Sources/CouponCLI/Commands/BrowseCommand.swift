import CouponCore

/// `coupondesk browse`: the full-screen browser for the configured merchant, every lookup audited.
enum BrowseCommand {
    static func run(_ context: CommandContext, options: ParsedOptions) async -> ExitStatus {
        if let problem = context.terminalProblem() {
            ErrorPrinter.print(message: problem, to: context.stderr)
            return .usage
        }
        guard let settings = context.settingsOrReport() else { return .configuration }
        let client: CouponClient
        do {
            client = try ClientFactory.makeClient(for: settings)
        } catch {
            ErrorPrinter.print(error, to: context.stderr)
            return .configuration
        }
        guard let audit = AuditedSession.start(context: context, settings: settings, command: "browse") else {
            return .configuration
        }
        let launch = BrowserLaunch(
            client: AuditingFetcher(wrapping: client, log: audit.log, context: audit.context),
            profileName: settings.profileName,
            mchid: settings.mchid?.value ?? "",
            appids: settings.appids?.value ?? [],
            initialOpenid: options.string("openid"),
            suggestions: [],
            language: settings.language.value,
            timeZoneIdentifier: settings.timeZone.value,
            ascii: options.contains("ascii"),
            color: BrowserLaunch.colorAllowed(options: options, environment: context.environment),
            notices: audit.notices
        )
        let status = await TUILauncher.run(launch, context: context)
        await audit.finish()
        return status
    }
}
