import CouponCore

/// The `--help` text, generated from `CommandTable` so it always matches what the parser accepts.
enum HelpText {
    /// The exit statuses, as every help page lists them.
    static let exitStatusLines: [(String, String)] = [
        ("0", "success"),
        ("2", "usage: unknown command or option, bad value, or no terminal for browse/demo"),
        ("3", "configuration: config file, profile, missing setting, key file or its permissions, audit log"),
        ("4", "the API refused the request (HTTP 4xx, such as PARAM_ERROR or SIGN_ERROR)"),
        ("5", "network, server (HTTP 5xx) or answer verification failure"),
    ]

    static let environmentLines: [(String, String)] = [
        ("WECHATPAY_MCHID", "merchant id"),
        ("WECHATPAY_SERIAL_NO", "merchant API certificate serial number"),
        ("WECHATPAY_PRIVATE_KEY", "path of the merchant private key"),
        ("WECHATPAY_PUBLIC_KEY", "path of the WeChat Pay public key"),
        ("WECHATPAY_PUBLIC_KEY_ID", "id of the WeChat Pay public key"),
        ("WECHATPAY_APPID", "appid, or several separated by commas"),
        ("WECHATPAY_API_BASE", "API base URL"),
        ("COUPONDESK_CONFIG", "config file path"),
        ("COUPONDESK_PROFILE", "profile to use when --profile is not given"),
        ("COUPONDESK_DEBUG_LOG", "path of a debug log (never holds a secret)"),
    ]

    /// The overview: every command, the global options, exit statuses and environment.
    static func overview() -> String {
        var lines = [
            "coupondesk \(CouponDeskVersion.current): look up the WeChat Pay cash coupons of one user",
            "",
            "Usage: coupondesk [--profile NAME] [--config FILE] <command> [options]",
            "",
            "Commands:",
        ]
        lines += table(CommandTable.commands.map { ($0.name.rawValue, $0.summary) })
        lines += ["", "Global options (before or after the command):"]
        lines += table(CommandTable.globalOptions.map(optionRow))
        lines += ["", "Exit status:"]
        lines += table(exitStatusLines)
        lines += ["", "Environment (overrides the config file; flags override both):"]
        lines += table(environmentLines)
        lines += [
            "",
            "Settings come from $XDG_CONFIG_HOME/coupondesk/config.toml (default ~/.config/coupondesk/config.toml).",
            "Lookups are recorded in $XDG_STATE_HOME/coupondesk/audit.log (default ~/.local/state/coupondesk).",
            "Run 'coupondesk <command> --help' for the options of one command.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The help of one command.
    static func page(for name: CommandName) -> String {
        let spec = CommandTable.spec(for: name)
        var lines = [
            "Usage: coupondesk [global options] \(spec.synopsis)",
            "",
            capitalized(spec.summary) + ".",
        ]
        if !spec.options.isEmpty {
            lines += ["", "Options:"]
            lines += table(spec.options.map(optionRow))
        }
        for note in spec.notes {
            lines.append("")
            lines += wrap(note, width: 78)
        }
        lines += ["", "Global options:"]
        lines += table(CommandTable.globalOptions.map(optionRow))
        lines += ["", "Exit status:"]
        lines += table(exitStatusLines)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The two lines a usage error ends with: the valid forms and where to read more.
    static func usageHint(for command: CommandName?) -> String {
        guard let command else {
            return "usage: coupondesk [--profile NAME] [--config FILE] <command> [options]; "
                + "run 'coupondesk --help' for the commands"
        }
        let spec = CommandTable.spec(for: command)
        return "usage: coupondesk \(spec.synopsis); run 'coupondesk \(command.rawValue) --help' for every option"
    }

    private static func optionRow(_ option: OptionSpec) -> (String, String) {
        let alias = option.shortName.map { "-\($0), " } ?? ""
        return (alias + option.usageForm, option.help)
    }

    private static func table(_ rows: [(String, String)]) -> [String] {
        let width = min(30, rows.map(\.0.count).max() ?? 0)
        return rows.map { left, right in
            let padding = String(repeating: " ", count: max(1, width - left.count + 2))
            if left.count > width {
                return "  " + left + "\n" + String(repeating: " ", count: width + 4) + right
            }
            return "  " + left + padding + right
        }
    }

    private static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Splits a paragraph into lines of at most `width` characters at spaces.
    static func wrap(_ paragraph: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in paragraph.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
