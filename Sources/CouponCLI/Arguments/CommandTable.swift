import CouponCore

/// Every command and option `coupondesk` accepts: the parser, the help text and the errors all read this table.
enum CommandTable {
    /// Options that every command takes, before or after the command name.
    static let globalOptions: [OptionSpec] = [
        OptionSpec(name: "profile", value: .text(placeholder: "NAME"), help: "use [profile.NAME] of the config file"),
        OptionSpec(
            name: "config",
            value: .path(placeholder: "FILE"),
            help: "read this config file instead of $XDG_CONFIG_HOME/coupondesk/config.toml"
        ),
        OptionSpec(
            name: "mchid",
            value: .digits(placeholder: "MCHID", maximumLength: 20),
            help: "merchant id (overrides WECHATPAY_MCHID and the profile)"
        ),
        OptionSpec(
            name: "serial-no",
            value: .text(placeholder: "SERIAL"),
            help: "serial number of the merchant API certificate"
        ),
        OptionSpec(
            name: "private-key",
            value: .path(placeholder: "FILE"),
            help: "path of the merchant private key (apiclient_key.pem, mode 600)"
        ),
        OptionSpec(
            name: "public-key",
            value: .path(placeholder: "FILE"),
            help: "path of the WeChat Pay public key (pub_key.pem)"
        ),
        OptionSpec(
            name: "public-key-id",
            value: .text(placeholder: "ID"),
            help: "id of the WeChat Pay public key (PUB_KEY_ID_...)"
        ),
        OptionSpec(
            name: "appid",
            value: .text(placeholder: "APPID"),
            help: "appid the openids belong to; repeat for several",
            isRepeatable: true
        ),
        OptionSpec(
            name: "api-base",
            value: .text(placeholder: "URL"),
            help: "API base URL (default https://api.mch.weixin.qq.com)"
        ),
        OptionSpec(name: "help", value: .flag, help: "show help for the command and exit", shortName: "h"),
        OptionSpec(name: "version", value: .flag, help: "print the version and exit"),
    ]

    static let listFormats = ["table", "json", "ndjson", "csv"]

    static let commands: [CommandSpec] = [browse, demo, list, config, doctor, sandbox]

    static func spec(for name: CommandName) -> CommandSpec {
        commands.first { $0.name == name } ?? browse
    }

    static let browse = CommandSpec(
        name: .browse,
        summary: "open the coupon browser for the configured merchant (default on a terminal)",
        synopsis: "browse [--openid OPENID] [--ascii] [--no-color]",
        options: [
            OptionSpec(name: "openid", value: .text(placeholder: "OPENID"), help: "look this user up at once"),
            OptionSpec(name: "ascii", value: .flag, help: "draw with ASCII only (no box drawing or ambiguous symbols)"),
            OptionSpec(name: "no-color", value: .flag, help: "monochrome: bold, reverse and underline only"),
        ],
        notes: [
            "Needs a terminal on standard input and output and a TERM other than dumb; otherwise it exits "
                + "with status 2. NO_COLOR in the environment has the same effect as --no-color. It exits 0 "
                + "when you quit, and 128 + N when signal N (such as SIGTERM, or SIGHUP from a dropped SSH "
                + "session) ends it; the terminal is restored either way. Every lookup is written to the audit log."
        ]
    )

    static let demo = CommandSpec(
        name: .demo,
        summary: "open the browser on a built-in sandbox with demo users (no merchant account needed)",
        synopsis: "demo [--ascii] [--no-color]",
        options: [
            OptionSpec(name: "ascii", value: .flag, help: "draw with ASCII only (no box drawing or ambiguous symbols)"),
            OptionSpec(name: "no-color", value: .flag, help: "monochrome: bold, reverse and underline only"),
        ],
        notes: [
            "Starts the sandbox on a loopback port with throwaway keys, so nothing leaves this machine. "
                + "Needs a terminal, as browse does (exit status 2 otherwise)."
        ]
    )

    static let list = CommandSpec(
        name: .list,
        summary: "print one user's coupons as a table, JSON, NDJSON or CSV",
        synopsis: "list --openid OPENID [options]",
        options: [
            OptionSpec(
                name: "openid",
                value: .text(placeholder: "OPENID"),
                help: "the user, as an openid under the appid"
            ),
            OptionSpec(
                name: "status",
                value: .choice(CouponQuery.statusValues),
                help: "SENDED: usable coupons; USED: usable and used ones"
            ),
            OptionSpec(
                name: "stock-id",
                value: .digits(placeholder: "STOCK_ID", maximumLength: 32),
                help: "only coupons of this stock (batch)"
            ),
            OptionSpec(
                name: "creator-mchid",
                value: .digits(placeholder: "MCHID", maximumLength: 20),
                help: "issued by: stocks this merchant created (default: the profile's mchid)"
            ),
            OptionSpec(
                name: "available-mchid",
                value: .digits(placeholder: "MCHID", maximumLength: 20),
                help: "usable at: every usable coupon at this merchant, in one answer"
            ),
            OptionSpec(
                name: "sender-mchid",
                value: .digits(placeholder: "MCHID", maximumLength: 20),
                help: "only stocks this merchant issued"
            ),
            OptionSpec(
                name: "business-type",
                value: .choice(CouponQuery.businessTypeValues),
                help: "MULTIUSE: consumption credit only"
            ),
            OptionSpec(
                name: "offset",
                value: .integer(placeholder: "PAGE", range: 0...Int.max),
                help: "page number, from 0 (default 0)"
            ),
            OptionSpec(
                name: "limit",
                value: .integer(placeholder: "N", range: 1...CouponQuery.maximumLimit),
                help: "coupons per page, 1 to \(CouponQuery.maximumLimit) (default \(CouponQuery.defaultLimit))"
            ),
            OptionSpec(name: "all", value: .flag, help: "follow the pages from --offset to the last one"),
            OptionSpec(
                name: "format",
                value: .choice(listFormats),
                help: "output format; default table on a terminal, json otherwise"
            ),
        ],
        notes: [
            "table: aligned columns, amounts in yuan, control characters shown as placeholders. "
                + "json: {\"total_count\", \"offset\", \"limit\", \"data\"} with each coupon exactly as the API "
                + "sent it, unknown fields included; with --all the pages are merged into one data array. "
                + "ndjson: one coupon object per line. csv: RFC 4180 with a header row, amounts in fen and yuan.",
            "With --available-mchid the server ignores --stock-id, --status, --offset and --limit and answers "
                + "with every usable coupon at once; they are not sent, and a note on standard error says so.",
            "Every lookup is written to the audit log.",
        ],
        requiredOptions: ["openid"]
    )

    static let config = CommandSpec(
        name: .config,
        summary: "print the effective settings and where each one comes from",
        synopsis: "config",
        options: [],
        notes: [
            "Keys are shown only as their path and the SHA-256 fingerprint of the public half. "
                + "Exits 3 when the file is broken or a required setting is missing."
        ]
    )

    static let doctor = CommandSpec(
        name: .doctor,
        summary: "check the configuration, keys, terminal, clock and a signed request",
        synopsis: "doctor [--openid OPENID] [--offline]",
        options: [
            OptionSpec(
                name: "openid",
                value: .text(placeholder: "OPENID"),
                help: "openid for the signed test request (default: a made-up one)"
            ),
            OptionSpec(name: "offline", value: .flag, help: "skip the checks that reach the API host"),
        ],
        notes: [
            "Prints one line per check: ok, warning or FAIL, with what to do. The test request looks up a "
                + "made-up openid, so a refusal of that openid means the signature was accepted. "
                + "Exits 0 when nothing failed, otherwise with the status of the first failure's kind "
                + "(3 configuration, 4 refused, 5 network or verification)."
        ]
    )

    static let sandbox = CommandSpec(
        name: .sandbox,
        summary: "run the local WeChat Pay sandbox in the foreground",
        synopsis: "sandbox [--port N] [--keys DIR]",
        options: [
            OptionSpec(
                name: "port",
                value: .integer(placeholder: "N", range: 0...65_535),
                help: "loopback port to listen on (default 0: any free port)"
            ),
            OptionSpec(
                name: "keys",
                value: .path(placeholder: "DIR"),
                help: "write the client's keys and a ready profile to DIR (created 0700)"
            ),
        ],
        notes: [
            "Listens on 127.0.0.1 only, logs one line per request to standard error and stops on Ctrl-C "
                + "or SIGTERM."
        ]
    )
}
