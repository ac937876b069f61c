import CouponBrowser
import CouponCore

/// `coupondesk list`: one user's coupons as a table, JSON, NDJSON or CSV.
enum ListCommand {
    /// The most pages `--all` follows, a guard against a server whose paging never ends.
    static let maximumPages = 10_000

    static func run(_ context: CommandContext, options: ParsedOptions) async -> ExitStatus {
        guard let settings = context.settingsOrReport() else { return .configuration }
        let language = settings.language.value
        let missing = settings.missingForLookup
        if !missing.isEmpty {
            let error = ConfigurationError.missingSettings(
                missing,
                profile: settings.profileName,
                path: settings.configPath
            )
            ErrorPrinter.print(error, to: context.stderr)
            return .configuration
        }

        // The query, checked before anything is loaded or sent.
        let query: CouponQuery
        do {
            query = try makeQuery(options, settings: settings)
        } catch {
            ErrorPrinter.print(error, to: context.stderr, command: .list)
            return .usage
        }
        let callerMchid = settings.mchid?.value ?? ""
        do {
            try query.validate(callerMchid: callerMchid)
        } catch {
            let failure = CouponClientError.invalidQuery(error)
            ErrorPrinter.print(failure, language: language, to: context.stderr)
            return ExitStatus(failure)
        }
        let format = options.string("format") ?? (context.stdout.isTerminal ? "table" : "json")

        guard let log = AuditLog.opened(for: context, settings: settings) else { return .configuration }
        log.onFailure { error in
            context.stderr.writeLine("coupondesk: the lookup was made but not audited: \(error)")
        }

        let client: CouponClient
        do {
            client = try ClientFactory.makeClient(for: settings)
        } catch {
            ErrorPrinter.print(error, to: context.stderr)
            return .configuration
        }
        let fetcher = AuditingFetcher(
            wrapping: client,
            log: log,
            context: AuditContext(
                environment: context.environment,
                command: "list",
                profile: settings.profileName,
                mchid: callerMchid
            )
        )

        for note in notes(for: query, callerMchid: callerMchid, options: options) {
            context.stderr.writeLine("coupondesk: note: " + note)
        }

        let status: ExitStatus
        do {
            let responses = try await fetch(
                query,
                with: fetcher,
                all: options.contains("all"),
                stderr: context.stderr
            )
            let collection = CouponCollection(responses: responses)
            if collection.repeatsDropped > 0 {
                context.stderr.writeLine(
                    "coupondesk: note: \(collection.repeatsDropped) coupons appeared on two pages (coupons were "
                        + "issued while paging) and are listed once"
                )
            }
            context.stdout.write(
                render(
                    collection,
                    format: format,
                    mode: query.mode(callerMchid: callerMchid),
                    settings: settings,
                    context: context
                )
            )
            status = .success
        } catch {
            ErrorPrinter.print(error, language: language, to: context.stderr)
            status = ExitStatus(error)
        }

        await log.flush()
        if !log.recordedFailures.isEmpty, status == .success {
            return .configuration
        }
        return status
    }

    /// The query the options and the profile ask for.
    static func makeQuery(_ options: ParsedOptions, settings: ProfileSettings) throws(UsageError) -> CouponQuery {
        let appids = settings.appids?.value ?? []
        if appids.count > 1 {
            throw .conflict(
                "the profile has several appids (\(appids.joined(separator: ", "))); choose the one the openid "
                    + "belongs to with --appid"
            )
        }
        return CouponQuery(
            openid: options.string("openid") ?? "",
            appid: appids.first ?? "",
            stockID: options.string("stock-id"),
            status: options.string("status"),
            creatorMchid: options.string("creator-mchid"),
            senderMchid: options.string("sender-mchid"),
            availableMchid: options.string("available-mchid"),
            businessType: options.string("business-type"),
            offset: options.integer("offset") ?? 0,
            limit: options.integer("limit") ?? CouponQuery.defaultLimit
        )
    }

    /// What the server will ignore, said plainly so nobody believes a filter applied when it did not.
    static func notes(for query: CouponQuery, callerMchid: String, options: ParsedOptions) -> [String] {
        var ignored = query.ignoredParameters(callerMchid: callerMchid)
        if case .usableAt = query.mode(callerMchid: callerMchid), options.contains("limit"), !ignored.contains("limit")
        {
            ignored.append("limit")
        }
        guard !ignored.isEmpty else { return [] }
        let names = ignored.map { "--" + $0.split(separator: "_").joined(separator: "-") }.joined(separator: ", ")
        if case .usableAt = query.mode(callerMchid: callerMchid) {
            return [
                "\(names) not sent: with --available-mchid the server ignores them and answers with every usable "
                    + "coupon at once"
            ]
        }
        return ["\(names) not sent: --creator-mchid takes precedence (issued-by mode)"]
    }

    /// The first page, and with `all` every following one; in usable-at mode the one answer.
    ///
    /// Repeats are dropped later; a coupon that moves back across a page boundary while paging is missed.
    static func fetch(
        _ query: CouponQuery,
        with fetcher: any CouponFetching,
        all: Bool,
        stderr: any CommandOutput
    ) async throws(CouponClientError) -> [CouponListResponse] {
        var responses = [try await fetcher.fetch(query)]
        guard all, case .issuedBy = query.mode(callerMchid: fetcher.callerMchid) else { return responses }

        // FIXME: the API has no snapshot or cursor, so pages fetched one after another can miss a coupon
        // that moves to an earlier page meanwhile; total_count of the last page is reported as it came.
        var fetched = responses[0].page.coupons.count
        while let last = responses.last {
            let page = last.page
            // The API's offset counts pages, so the next page is offset + 1.
            let limit = page.limit > 0 ? page.limit : query.limit
            let seenThrough = (page.offset + 1) * limit
            if page.coupons.isEmpty || seenThrough >= page.totalCount { break }
            if responses.count >= maximumPages {
                stderr.writeLine("coupondesk: note: stopped after \(maximumPages) pages (\(fetched) coupons)")
                break
            }
            let next = try await fetcher.fetch(query.page(page.offset + 1))
            fetched += next.page.coupons.count
            responses.append(next)
        }
        return responses
    }

    private static func render(
        _ collection: CouponCollection,
        format: String,
        mode: CouponQuery.Mode,
        settings: ProfileSettings,
        context: CommandContext
    ) -> String {
        switch format {
        case "json":
            return CouponJSONWriter.document(collection)
        case "ndjson":
            return CouponJSONWriter.lines(collection)
        case "csv":
            return CouponCSVWriter.document(collection, forTerminal: context.stdout.isTerminal)
        default:
            let writer = CouponTableWriter(
                language: settings.language.value,
                columns: context.stdout.terminalColumns,
                time: TimeFormatter(
                    displayZone: DisplayTimeZone(identifier: settings.timeZone.value) ?? .shanghai,
                    viewerZone: DisplayTimeZone.viewer(environment: context.environment)
                )
            )
            return writer.document(collection, mode: mode)
        }
    }
}
