import CouponBrowser

/// What `coupondesk-bench` was asked to do.
struct BenchArguments: Sendable, Hashable {
    enum Command: String, Sendable, Hashable {
        /// Sign, verify, decode and frame figures (the default).
        case inProcess = "inprocess"
        /// Peak memory with a user fully loaded; one sample per process.
        case memory
        /// The demo data set's users and their coupon counts, for the script to pick from.
        case users
        /// Every page through the client, one at a time and with several in flight.
        case history
        /// Fetch a user's pages and keep them in a folder, for `profile`.
        case saveAnswers = "save-answers"
        /// One figure on saved answers, in one thread, for callgrind.
        case profile
        /// Print the usage text.
        case help
    }

    var command: Command = .inProcess
    var options = InProcessOptions()
    /// Print JSON for the script instead of a table.
    var json = false
    /// The folder of saved answers (`save-answers`, `profile --answers`).
    var answers: String?
    /// The requests in flight `history` compares with one at a time.
    var window = 4
    /// What `profile` measures.
    var subject: ProfileRun.Subject = .frame

    static let usage = """
        usage: coupondesk-bench [inprocess|memory|users|history] [options]
               coupondesk-bench save-answers DIR [--openid ID] [--pages N] [--page-size N]
               coupondesk-bench profile sign|verify|decode|frame|export --answers DIR [options]

          inprocess  sign one request, verify one answer, decode a page, update + paint one frame for
                     one j at each size with every page of the user loaded, and the peak memory of the
                     run (the default)
          memory     peak resident memory (VmHWM) with every page of the user loaded in the browser
                     and one frame painted; run it in a fresh process for each sample
          users      the demo users and their coupon counts, as JSON
          history    every page of the user through the client, one request at a time and with
                     --window N (default 4) in flight, to show what asking ahead would give
          save-answers  fetch the user's pages from the sandbox and keep them in DIR
          profile    one figure on the answers in DIR, in this thread alone, with no network, so that
                     valgrind --tool=callgrind can count its instructions

        options:
          --iterations N   samples per figure (default 200)
          --openid ID      the user to load (default: the sandbox's largest user)
          --pages N        load at most N pages (default: all)
          --page-size N    coupons per page, 1 to 100 (default 100)
          --size CxR       paint at this terminal size; repeat for several (default 120x40 and 200x60)
          --json           print JSON with every sample instead of a table

        The sandbox is the one the WECHATPAY_* variables of its sandbox.env describe, when
        WECHATPAY_API_BASE is set; otherwise one is started inside this process.
        Build with -c release before reading anything into the numbers.

        """

    /// Reads the arguments after the program name.
    static func parse(_ arguments: [String]) throws(BenchError) -> BenchArguments {
        var parsed = BenchArguments()
        var sizes: [TerminalSize] = []
        var remaining = arguments[...]
        if let first = remaining.first, !first.hasPrefix("-") {
            guard let command = Command(rawValue: first) else {
                throw .usage(
                    "unknown command \"\(first)\"; the commands are inprocess, memory, users, history, "
                        + "save-answers and profile"
                )
            }
            parsed.command = command
            remaining = remaining.dropFirst()
            switch command {
            case .saveAnswers:
                guard let directory = remaining.popFirst(), !directory.hasPrefix("-") else {
                    throw .usage("save-answers needs the folder to write")
                }
                parsed.answers = directory
            case .profile:
                let names = ProfileRun.Subject.allCases.map(\.rawValue).joined(separator: ", ")
                guard let name = remaining.popFirst(), let subject = ProfileRun.Subject(rawValue: name) else {
                    throw .usage("profile needs what to measure: \(names)")
                }
                parsed.subject = subject
            default:
                break
            }
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--help", "-h":
                parsed.command = .help
            case "--json":
                parsed.json = true
            case "--iterations":
                parsed.options.iterations = try integer(argument, remaining.popFirst(), in: 1...1_000_000)
            case "--pages":
                parsed.options.pages = try integer(argument, remaining.popFirst(), in: 1...10_000)
            case "--page-size":
                parsed.options.pageSize = try integer(argument, remaining.popFirst(), in: 1...100)
            case "--openid":
                guard let value = remaining.popFirst(), !value.isEmpty else {
                    throw .usage("--openid needs a value")
                }
                parsed.options.openid = value
            case "--window":
                parsed.window = try integer(argument, remaining.popFirst(), in: 1...16)
            case "--answers":
                guard let value = remaining.popFirst(), !value.isEmpty else {
                    throw .usage("--answers needs the folder save-answers wrote")
                }
                parsed.answers = value
            case "--size":
                sizes.append(try size(remaining.popFirst()))
            default:
                throw .usage("unknown option \"\(argument)\"")
            }
        }
        if !sizes.isEmpty { parsed.options.sizes = sizes }
        if parsed.command == .profile, parsed.answers == nil {
            throw .usage("profile needs --answers DIR, a folder save-answers wrote")
        }
        return parsed
    }

    private static func integer(_ name: String, _ value: String?, in range: ClosedRange<Int>) throws(BenchError) -> Int
    {
        guard let value, let number = Int(value), range.contains(number) else {
            throw .usage("\(name) needs a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    private static func size(_ value: String?) throws(BenchError) -> TerminalSize {
        let parts = value?.split(separator: "x", omittingEmptySubsequences: false) ?? []
        guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]),
            (20...1_000).contains(columns), (10...1_000).contains(rows)
        else {
            throw .usage("--size needs COLUMNSxROWS, such as 120x40 (20 to 1000 columns, 10 to 1000 rows)")
        }
        return TerminalSize(columns: columns, rows: rows)
    }
}
