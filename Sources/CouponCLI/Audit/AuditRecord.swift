import CouponCore

#if canImport(Glibc)
import Glibc
#endif

/// Who is looking coupons up, and for which merchant: the part of an audit line that a session fixes.
public struct AuditContext: Sendable, Hashable {
    /// The OS user running the program.
    public var user: String
    /// `SUDO_USER`, when the program runs under sudo.
    public var sudoUser: String?
    /// The client address from `SSH_CLIENT`, when the session came in over SSH.
    public var sshClient: String?
    /// The command that made the lookups: `list`, `browse` or `demo`.
    public var command: String
    public var profile: String
    public var mchid: String

    public init(
        user: String,
        sudoUser: String? = nil,
        sshClient: String? = nil,
        command: String,
        profile: String,
        mchid: String
    ) {
        self.user = user
        self.sudoUser = sudoUser
        self.sshClient = sshClient
        self.command = command
        self.profile = profile
        self.mchid = mchid
    }

    /// The context of this process: the user from the password database, SSH and sudo from `environment`.
    public init(environment: [String: String], command: String, profile: String, mchid: String) {
        let ssh = environment["SSH_CLIENT"]?.split(separator: " ").first.map(String.init)
        let sudo = environment["SUDO_USER"].flatMap { $0.isEmpty ? nil : $0 }
        self.init(
            user: FileSystem.userName(environment: environment),
            sudoUser: sudo,
            sshClient: ssh,
            command: command,
            profile: profile,
            mchid: mchid
        )
    }
}

/// One audit line: a lookup, who made it, what was asked and what came back.
public struct AuditRecord: Sendable, Hashable {
    /// When the answer (or the failure) came, in UTC, RFC 3339 with milliseconds.
    public var time: String
    public var context: AuditContext
    public var openid: String
    /// The parameters sent to the server, in the order they were sent.
    public var parameters: [String: String]
    public var parameterOrder: [String]
    /// How many coupons the answer held; `nil` when there was no answer.
    public var couponCount: Int?
    /// `total_count` of the answer.
    public var totalCount: Int?
    public var requestID: String?
    /// `ok`, `error` or `cancelled`.
    public var outcome: String
    /// The error's code, such as `SIGN_ERROR` or `NETWORK`.
    public var errorCode: String?
    /// The HTTP status of an error answer.
    public var httpStatus: Int?

    /// The record of a verified answer.
    public init(context: AuditContext, response: CouponListResponse, time: String = AuditRecord.now()) {
        self.init(context: context, query: response.query, time: time)
        couponCount = response.page.coupons.count
        totalCount = response.page.totalCount
        requestID = response.requestID
        outcome = "ok"
    }

    /// The record of a lookup that failed.
    public init(context: AuditContext, query: CouponQuery, error: CouponClientError, time: String = AuditRecord.now()) {
        self.init(context: context, query: query, time: time)
        requestID = error.requestID
        if case .cancelled = error {
            outcome = "cancelled"
        } else {
            outcome = "error"
            errorCode = error.report(language: .english).code
        }
        if case .api(let apiError) = error { httpStatus = apiError.statusCode }
    }

    private init(context: AuditContext, query: CouponQuery, time: String) {
        self.time = time
        self.context = context
        self.openid = query.openid
        let parameters = query.parameters(callerMchid: context.mchid)
        self.parameters = Dictionary(parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        self.parameterOrder = parameters.map(\.name)
        self.outcome = "ok"
    }

    /// The record as one line of JSON, without the newline.
    public var jsonLine: String {
        var members: [JSONMember] = [
            JSONMember("time", .string(time)),
            JSONMember("user", .string(context.user)),
        ]
        if let sudo = context.sudoUser { members.append(JSONMember("sudo_user", .string(sudo))) }
        if let ssh = context.sshClient { members.append(JSONMember("ssh_client", .string(ssh))) }
        members += [
            JSONMember("command", .string(context.command)),
            JSONMember("profile", .string(context.profile)),
            JSONMember("mchid", .string(context.mchid)),
            JSONMember("openid", .string(openid)),
            JSONMember(
                "parameters",
                .object(parameterOrder.map { JSONMember($0, .string(parameters[$0] ?? "")) })
            ),
        ]
        members.append(JSONMember("coupons", couponCount.map { .number(String($0)) } ?? .null))
        if let totalCount { members.append(JSONMember("total_count", .number(String(totalCount)))) }
        members.append(JSONMember("request_id", requestID.map(JSONValue.string) ?? .null))
        members.append(JSONMember("outcome", .string(outcome)))
        if let errorCode { members.append(JSONMember("error_code", .string(errorCode))) }
        if let httpStatus { members.append(JSONMember("http_status", .number(String(httpStatus)))) }
        return JSONValue.object(members).jsonText
    }

    /// The current time in UTC as `2026-03-01T10:15:00.123Z`.
    public static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return utcText(secondsSince1970: Int64(spec.tv_sec), milliseconds: Int(spec.tv_nsec / 1_000_000))
    }

    /// A time in UTC as `2026-03-01T10:15:00.123Z`.
    static func utcText(secondsSince1970 seconds: Int64, milliseconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let date = APITimestamp.civilDate(daysSince1970: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis =
            milliseconds < 10 ? "00\(milliseconds)" : milliseconds < 100 ? "0\(milliseconds)" : "\(milliseconds)"
        return "\(date.year)-\(two(date.month))-\(two(date.day))T\(two(secondOfDay / 3600)):"
            + "\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)).\(millis)Z"
    }
}
