import CouponCore

/// Writes errors to standard error as one or two lines: what failed, then what it means and what to do.
///
/// Only a `SIGN_ERROR` adds lines: the message the server built beside the one this client signed.
enum ErrorPrinter {
    /// The two lines for a failed lookup: code and message, then explanation, next step and Request-ID.
    static func lines(for report: ErrorReport) -> [String] {
        let code = VisibleText.escape(report.code, limit: 64)
        let message = VisibleText.escape(report.message, limit: 300)
        let first = message.isEmpty ? "coupondesk: \(code)" : "coupondesk: \(code): \(message)"

        var parts: [String] = []
        let explanation = VisibleText.escape(report.explanation, limit: 300)
        if !explanation.isEmpty, explanation != message { parts.append(Self.sentence(explanation)) }
        let next = VisibleText.escape(report.nextStep, limit: 300)
        if !next.isEmpty { parts.append("Next: " + Self.sentence(next)) }
        if let requestID = report.requestID, !requestID.isEmpty {
            let verified = report.isVerified == false ? " (answer not signature-verified)" : ""
            parts.append("Request-ID: \(VisibleText.escape(requestID, limit: 128))\(verified)")
        }
        var lines = parts.isEmpty ? [first] : [first, "  " + parts.joined(separator: " ")]
        // The server's and this client's sign messages of a SIGN_ERROR, which the next step refers to.
        if report.code == "SIGN_ERROR" {
            lines += report.detailLines.map { "    " + VisibleText.escape($0, limit: 600) }
        }
        return lines
    }

    /// Prints a failed lookup.
    static func print(_ error: CouponClientError, language: Language, to output: any CommandOutput) {
        for line in lines(for: error.report(language: language)) {
            output.writeLine(line)
        }
    }

    /// Prints a usage error with the valid forms.
    static func print(_ error: UsageError, to output: any CommandOutput, command: CommandName? = nil) {
        output.writeLine("coupondesk: " + error.description)
        output.writeLine("  " + HelpText.usageHint(for: command ?? error.command))
    }

    /// Prints a configuration error.
    static func print(_ error: ConfigurationError, to output: any CommandOutput) {
        output.writeLine("coupondesk: " + VisibleText.escape(error.description, limit: 2000))
    }

    /// Prints any other failure in one line.
    static func print(message: String, to output: any CommandOutput) {
        output.writeLine("coupondesk: " + VisibleText.escape(message, limit: 2000))
    }

    private static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".。!?！？".contains(last) ? text : text + "."
    }
}
