import CouponCore

/// The exit statuses of `coupondesk`, as `--help` and the README list them.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case success = 0
    /// An unknown command or option, a bad value, or no terminal for `browse` / `demo`.
    case usage = 2
    /// The config file, the profile, a missing setting, a key file or its permissions, the audit log.
    case configuration = 3
    /// WeChat Pay refused the request (HTTP 4xx).
    case refused = 4
    /// The network, the server (HTTP 5xx), or the verification of an answer failed.
    case unavailable = 5

    /// The status for a failed lookup.
    public init(_ error: CouponClientError) {
        switch error {
        case .invalidQuery(let queryError):
            // The openid and filters come from the command line; the appid and mchid from the settings.
            self = ["appid", "mchid"].contains(queryError.field) ? .configuration : .usage
        case .configuration:
            self = .configuration
        case .api(let apiError):
            self = (400...499).contains(apiError.statusCode) ? .refused : .unavailable
        case .verification, .transport, .decoding, .cancelled:
            self = .unavailable
        }
    }
}
