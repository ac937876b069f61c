/// Why a benchmark could not run.
enum BenchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A command-line argument is wrong.
    case usage(String)
    /// A `WECHATPAY_*` variable the external sandbox needs is not set.
    case missingSetting(String)
    /// A key file named by the settings cannot be read.
    case unreadableKey(path: String, reason: String)
    /// The in-process sandbox did not start.
    case sandbox(String)
    /// A step of a benchmark did not give what it must.
    case failed(String)

    var description: String {
        switch self {
        case .usage(let message):
            return message + "; run coupondesk-bench --help for the options"
        case .missingSetting(let name):
            return "\(name) is not set; export every variable of the sandbox's sandbox.env "
                + "(coupondesk sandbox --keys DIR writes it), or unset WECHATPAY_API_BASE to use a built-in sandbox"
        case .unreadableKey(let path, let reason):
            return "cannot read the key \(path): \(reason); check the path in sandbox.env"
        case .sandbox(let reason):
            return "the built-in sandbox did not start: \(reason)"
        case .failed(let reason):
            return reason
        }
    }
}
