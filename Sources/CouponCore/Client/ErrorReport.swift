/// An error as the screen and the command line show it: what happened, what it means, what to do.
public struct ErrorReport: Sendable, Hashable {
    /// The WeChat Pay code (`PARAM_ERROR`) or this client's own (`SIGNATURE_PROBE`, `NETWORK`).
    public var code: String
    /// The server's message or this client's description of the failure.
    public var message: String
    /// What the code means, in the language asked for.
    public var explanation: String
    /// What the person should do next, in the language asked for.
    public var nextStep: String
    /// `Request-ID` of the answer, when one came back.
    public var requestID: String?
    /// Whether the answer that carried the error was signature-verified; `nil` when no answer came back.
    public var isVerified: Bool?
    /// Further lines worth showing, such as the server's and this client's sign messages on a `SIGN_ERROR`.
    public var detailLines: [String]

    public init(
        code: String,
        message: String,
        explanation: String,
        nextStep: String,
        requestID: String? = nil,
        isVerified: Bool? = nil,
        detailLines: [String] = []
    ) {
        self.code = code
        self.message = message
        self.explanation = explanation
        self.nextStep = nextStep
        self.requestID = requestID
        self.isVerified = isVerified
        self.detailLines = detailLines
    }
}

extension CouponClientError {
    /// The error as people should see it, in `language`.
    // FIXME: explanations come from the error descriptions until the code catalogue is written.
    public func report(language: Language) -> ErrorReport {
        switch self {
        case .api(let error):
            return ErrorReport(
                code: error.code.isEmpty ? "HTTP_\(error.statusCode)" : error.code,
                message: error.message,
                explanation: error.description,
                nextStep: "",
                requestID: error.requestID,
                isVerified: error.isSignatureVerified
            )
        case .verification(let error, let requestID):
            return ErrorReport(
                code: "VERIFICATION_FAILED",
                message: error.description,
                explanation: error.description,
                nextStep: "",
                requestID: requestID,
                isVerified: false
            )
        default:
            return ErrorReport(
                code: "CLIENT_ERROR",
                message: description,
                explanation: description,
                nextStep: "",
                requestID: requestID
            )
        }
    }
}
